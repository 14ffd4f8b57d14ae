package com.campagne.connectors.runtime;

import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connectors available right now, by connector id. The plugin runtime registers a plugin's
 * connectors when it starts and unregisters them when it stops, so connections always look their
 * connector up here at the moment of use (a disabled plugin's connections say so instead of failing).
 */
@Component
public class ConnectorCatalog {

    private final Map<String, ConnectorHandle> byId = new ConcurrentHashMap<>();

    /**
     * Makes a connector available.
     *
     * @throws IllegalStateException when another plugin already provides a connector with that id
     */
    public void register(ConnectorHandle handle) {
        ConnectorHandle previous = byId.putIfAbsent(handle.id(), handle);
        if (previous != null && !previous.pluginId().equals(handle.pluginId())) {
            throw new IllegalStateException("Connector " + handle.id() + " is already provided by plugin "
                    + previous.pluginId());
        }
        byId.put(handle.id(), handle);
    }

    /** Removes every connector of a plugin. */
    public void unregisterPlugin(String pluginId) {
        byId.values().removeIf(handle -> handle.pluginId().equals(pluginId));
    }

    public Optional<ConnectorHandle> find(String connectorId) {
        return Optional.ofNullable(byId.get(connectorId));
    }

    /** Every available connector, by category then name. */
    public List<ConnectorHandle> all() {
        return byId.values().stream()
                .sorted(Comparator.comparing((ConnectorHandle h) -> h.spec().category())
                        .thenComparing(h -> h.spec().name().fr()))
                .toList();
    }

    /** The connectors a plugin provides. */
    public List<ConnectorHandle> ofPlugin(String pluginId) {
        return all().stream().filter(h -> h.pluginId().equals(pluginId)).toList();
    }
}
