package com.campagne.connectors.plugins;

/**
 * A plugin file or operation was refused; nothing was changed. The message says what and why, in
 * the admin's language.
 */
public class PluginRefusedException extends RuntimeException {

    private final PluginMessage reason;

    public PluginRefusedException(PluginMessage reason) {
        super(reason.toString());
        this.reason = reason;
    }

    public PluginRefusedException(String key, Object... args) {
        this(PluginMessage.of(key, args));
    }

    public PluginMessage reason() {
        return reason;
    }
}
