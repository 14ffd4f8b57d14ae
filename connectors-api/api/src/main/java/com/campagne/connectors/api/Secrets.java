package com.campagne.connectors.api;

import java.util.Optional;

/**
 * The secret settings of a connection (passwords, API keys, OAuth 2 tokens). The host keeps them
 * encrypted at rest and decrypts them only for the call in progress. Never log a secret.
 */
public interface Secrets {

    /** The secret stored under a setting key, if any. */
    Optional<String> find(String key);

    /** The secret stored under a required setting key. */
    default String get(String key) {
        return find(key).orElseThrow(() -> new BadSettingsException(key,
                Text.of("Le secret « " + key + " » manque.", "The secret \"" + key + "\" is missing.")));
    }

    /**
     * Replaces a secret, for a provider that rotates it (a refreshed OAuth 2 token); the host stores it
     * encrypted with the connection. Hosts that cannot store (a connection test) keep it for the call only.
     */
    void put(String key, String value);
}
