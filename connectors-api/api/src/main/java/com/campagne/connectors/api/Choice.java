package com.campagne.connectors.api;

import java.util.Objects;

/**
 * One allowed value of a {@link SettingType#CHOICE} setting.
 *
 * @param value the value stored and handed back to the connector
 * @param label what the user sees
 */
public record Choice(String value, Text label) {

    public Choice {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(label, "label");
    }

    /** A choice labelled in French and English. */
    public static Choice of(String value, String fr, String en) {
        return new Choice(value, Text.of(fr, en));
    }
}
