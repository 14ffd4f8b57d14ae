package com.campagne.connectors.testkit;

import com.campagne.connectors.api.Secrets;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Secrets} held in memory, as the host holds them for a connection being tested. A connector
 * that rotates a secret ({@link #put}) can be checked through {@link #values()}.
 */
public final class MemorySecrets implements Secrets {

    private final Map<String, String> values;

    /**
     * Secrets with the given values.
     *
     * @param values the secrets by setting key; blank values count as absent
     */
    public MemorySecrets(Map<String, String> values) {
        this.values = new ConcurrentHashMap<>(values == null ? Map.of() : values);
    }

    /**
     * The secret stored under a key, if any and not blank.
     *
     * @param key the setting key
     * @return the secret, or empty
     */
    @Override
    public Optional<String> find(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /**
     * Replaces a secret, as a connector does when the provider rotates it.
     *
     * @param key   the setting key
     * @param value the new secret
     */
    @Override
    public void put(String key, String value) {
        values.put(key, value);
    }

    /**
     * A snapshot of every secret, by key.
     *
     * @return the secrets now held
     */
    public Map<String, String> values() {
        return Map.copyOf(values);
    }

    /** The keys only: printing secrets must never show their values. */
    @Override
    public String toString() {
        return "MemorySecrets" + values.keySet();
    }
}
