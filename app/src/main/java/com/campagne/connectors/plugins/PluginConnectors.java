package com.campagne.connectors.plugins;

import com.campagne.connectors.api.Connector;
import com.campagne.connectors.api.ConnectorException;
import com.campagne.connectors.runtime.ConnectorHandle;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The connectors a started plugin provides, each read and checked. Stricter than PF4J, which logs
 * and skips an extension it cannot load: here one broken extension fails the whole plugin, so an
 * admin sees it instead of a connector silently missing.
 */
final class PluginConnectors {

    private static final String CONNECTOR = Connector.class.getName();

    private PluginConnectors() {
    }

    /**
     * @throws PluginRefusedException with a {@code plugins.problem.*} reason when an extension is
     *                                missing, broken, not a connector of this API or badly described
     */
    static List<ConnectorHandle> of(PluginManager manager, String pluginId) {
        PluginWrapper plugin = manager.getPlugin(pluginId);
        Set<String> classNames;
        try {
            classNames = new TreeSet<>(manager.getExtensionClassNames(pluginId));
        } catch (Exception | LinkageError e) {
            throw new PluginRefusedException("plugins.problem.extensionIndex", PluginRuntime.detail(e));
        }
        List<ConnectorHandle> handles = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (String className : classNames) {
            Class<?> type;
            try {
                type = Class.forName(className, false, plugin.getPluginClassLoader());
            } catch (Exception | LinkageError e) {
                throw new PluginRefusedException("plugins.problem.extensionMissing", className, PluginRuntime.detail(e));
            }
            if (!Connector.class.isAssignableFrom(type)) {
                if (implementsByName(type, CONNECTOR)) {
                    throw new PluginRefusedException("plugins.problem.apiBundled", className);
                }
                continue; // an extension of another extension point: not ours to register
            }
            Object extension;
            try {
                extension = manager.getExtensionFactory().create(type);
            } catch (Exception | LinkageError e) {
                throw new PluginRefusedException("plugins.problem.extensionFailed", className, PluginRuntime.detail(e));
            }
            if (extension == null) {
                throw new PluginRefusedException("plugins.problem.extensionFailed", className, "null");
            }
            ConnectorHandle handle;
            try {
                handle = ConnectorHandle.of(pluginId, (Connector) extension);
            } catch (ConnectorException e) {
                throw new PluginRefusedException("plugins.problem.badSpec", className, e.userMessage());
            } catch (Exception | LinkageError e) {
                throw new PluginRefusedException("plugins.problem.extensionFailed", className, PluginRuntime.detail(e));
            }
            if (!ids.add(handle.id())) {
                throw new PluginRefusedException("plugins.problem.duplicateConnector", handle.id());
            }
            handles.add(handle);
        }
        if (handles.isEmpty()) {
            throw new PluginRefusedException("plugins.problem.noConnector");
        }
        return handles;
    }

    /** Whether the class implements an interface of that name from another class loader (a bundled API copy). */
    private static boolean implementsByName(Class<?> type, String interfaceName) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().equals(interfaceName) || implementsByName(i, interfaceName)) {
                    return true;
                }
            }
        }
        return false;
    }
}
