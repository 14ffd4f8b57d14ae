package com.campagne.connectors.api;

/** The type of one setting; it decides the input the app renders and how the value is checked. */
public enum SettingType {
    /** Free text on one line. */
    TEXT,
    /** A password, API key or token: stored encrypted, never shown again, read through {@link Secrets}. */
    SECRET,
    /** A decimal number, optionally bounded by {@link SettingField#min()} and {@link SettingField#max()}. */
    NUMBER,
    /** One value among {@link SettingField#choices()}. */
    CHOICE,
    /** A calendar date, ISO-8601 ({@code 2026-11-23}). */
    DATE,
    /** An absolute {@code http} or {@code https} URL. */
    URL,
    /** A file the user uploads (a report export…), read through {@link Settings#file(String)}. */
    FILE,
    /**
     * An account authorised through OAuth 2 (authorization-code flow through the app's callback,
     * described by {@link ConnectorSpec#oauth2()}); the tokens are kept as secrets.
     */
    OAUTH2_ACCOUNT
}
