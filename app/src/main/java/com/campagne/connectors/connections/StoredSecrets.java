package com.campagne.connectors.connections;

import com.campagne.connectors.api.Secrets;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The decrypted secrets of a stored connection for one call. A {@link #put} (a token the provider
 * rotated) is kept for the rest of the call and stored encrypted again at once.
 */
final class StoredSecrets implements Secrets {

    /** Stores a replaced secret of a connection. */
    @FunctionalInterface
    interface Store {
        void put(UUID tenantId, UUID connectionId, String key, String value);
    }

    private final UUID tenantId;
    private final UUID connectionId;
    private final Map<String, String> values;
    private final Store store;

    StoredSecrets(UUID tenantId, UUID connectionId, Map<String, String> values, Store store) {
        this.tenantId = tenantId;
        this.connectionId = connectionId;
        this.values = new ConcurrentHashMap<>(values);
        this.store = store;
    }

    @Override
    public Optional<String> find(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public void put(String key, String value) {
        if (key == null || value == null || value.isBlank()) {
            throw new IllegalArgumentException("A secret needs a key and a value");
        }
        values.put(key, value);
        store.put(tenantId, connectionId, key, value);
    }

    /** The current values, for the host's own token refresh. */
    Map<String, String> snapshot() {
        return Map.copyOf(values);
    }

    /** The keys only: secrets never reach a log line. */
    @Override
    public String toString() {
        return "Secrets" + values.keySet();
    }
}
