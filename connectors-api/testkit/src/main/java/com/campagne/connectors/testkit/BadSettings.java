package com.campagne.connectors.testkit;

import com.campagne.connectors.api.FailureType;
import com.campagne.connectors.api.Settings;

import java.util.Map;
import java.util.Objects;

/**
 * Settings a connector must refuse, with the failure type its {@code check} must throw.
 *
 * @param settings the non-secret settings
 * @param secrets  the secrets by setting key
 * @param expected {@link FailureType#BAD_SETTINGS} (a wrong id, a missing permission) or
 *                 {@link FailureType#AUTHENTICATION_EXPIRED} (refused credentials)
 */
public record BadSettings(Settings settings, Map<String, String> secrets, FailureType expected) {

    /**
     * Checks the arguments and copies the secrets.
     *
     * @param settings the non-secret settings
     * @param secrets  the secrets, or {@code null} for none
     * @param expected the failure type expected
     */
    public BadSettings {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(expected, "expected");
        secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
        if (expected != FailureType.BAD_SETTINGS && expected != FailureType.AUTHENTICATION_EXPIRED) {
            throw new IllegalArgumentException("check refuses bad settings with BAD_SETTINGS or AUTHENTICATION_EXPIRED,"
                    + " not " + expected);
        }
    }

    /**
     * Bad settings whose {@code check} must fail with {@link FailureType#BAD_SETTINGS}.
     *
     * @param settings the settings values
     * @param secrets  the secrets
     * @return the bad settings
     */
    public static BadSettings wrong(Map<String, String> settings, Map<String, String> secrets) {
        return new BadSettings(Settings.of(settings), secrets, FailureType.BAD_SETTINGS);
    }

    /**
     * Credentials whose {@code check} must fail with {@link FailureType#AUTHENTICATION_EXPIRED}.
     *
     * @param settings the settings values
     * @param secrets  the refused secrets
     * @return the bad settings
     */
    public static BadSettings refused(Map<String, String> settings, Map<String, String> secrets) {
        return new BadSettings(Settings.of(settings), secrets, FailureType.AUTHENTICATION_EXPIRED);
    }
}
