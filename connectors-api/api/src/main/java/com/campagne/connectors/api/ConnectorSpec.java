package com.campagne.connectors.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a connector says about itself (Airbyte's {@code spec}): identity, texts for the catalogue,
 * and the declaration of its settings, from which the app renders and validates the connection form.
 *
 * @param id               a stable identifier, lower-case words joined by dashes ({@code google-ads});
 *                         connections refer to it, so it never changes
 * @param name             the name shown in the catalogue
 * @param description      one or two sentences on what the connector brings
 * @param version          the connector's version (usually its plugin's version)
 * @param category         the kind of tool connected
 * @param icon             the name of an SVG resource in the plugin ({@code icon.svg}), or {@code null}
 * @param documentation    where the user reads how to obtain credentials, or {@code null}
 * @param settings         the settings, in form order within their groups
 * @param oauth2           how to authorise {@link SettingType#OAUTH2_ACCOUNT} settings, or {@code null}
 */
public record ConnectorSpec(String id, Text name, Text description, String version, Category category,
                            String icon, URI documentation, List<SettingField> settings, OAuth2Spec oauth2) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public ConnectorSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(category, "category");
        settings = settings == null ? List.of() : List.copyOf(settings);
        if (!ID.matcher(id).matches() || id.length() > 64) {
            throw new IllegalArgumentException("Connector id must be lower-case words joined by dashes: " + id);
        }
    }

    /** The setting with that key, or {@code null}. */
    public SettingField setting(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
    }

    /**
     * What is wrong with this declaration itself (duplicate keys, an OAuth 2 setting without
     * {@link #oauth2()}…), for the host and the conformance kit; empty when it is sound.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (SettingField field : settings) {
            if (!keys.add(field.key())) {
                problems.add("duplicate setting key " + field.key());
            }
            if (field.type() == SettingType.OAUTH2_ACCOUNT && oauth2 == null) {
                problems.add("setting " + field.key() + " is an OAuth 2 account but the spec declares no oauth2");
            }
            if (field.defaultValue() != null && field.validate(field.defaultValue()).isPresent()) {
                problems.add("default value of " + field.key() + " is not valid for its own declaration");
            }
            if (field.type() == SettingType.SECRET && field.defaultValue() != null) {
                problems.add("secret setting " + field.key() + " has a default value");
            }
        }
        return problems;
    }
}
