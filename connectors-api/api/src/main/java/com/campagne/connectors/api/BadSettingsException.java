package com.campagne.connectors.api;

/** The settings are wrong: the user must change them (the form shows the message at the setting). */
public class BadSettingsException extends ConnectorException {

    private final String settingKey;

    /**
     * @param settingKey the setting at fault, or {@code null} when the settings are wrong together
     * @param message    what to change
     */
    public BadSettingsException(String settingKey, Text message) {
        super(FailureType.BAD_SETTINGS, message, null);
        this.settingKey = settingKey;
    }

    @Override
    public String settingKey() {
        return settingKey;
    }
}
