package com.campagne.connectors.plugins;

import com.campagne.connectors.api.ConnectorsApi;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginRepository;
import org.pf4j.PluginRepository;

import java.nio.file.Path;

/**
 * PF4J over one directory of plugin jars. Only {@code *.jar} files are plugins: PF4J's default
 * repository would also unpack zips and take every sub-directory for a plugin, which an operator
 * copying files around does not expect. The host's API version is the system version, so PF4J
 * checks each {@code Plugin-Requires}.
 */
class CampagnePluginManager extends DefaultPluginManager {

    CampagnePluginManager(Path pluginsDir) {
        super(pluginsDir);
        setSystemVersion(ConnectorsApi.VERSION);
    }

    @Override
    protected PluginRepository createPluginRepository() {
        return new JarPluginRepository(getPluginsRoots());
    }

    /** Forgets a persisted "disabled" mark (a removed plugin added again later starts enabled). */
    void forgetDisabled(String pluginId) {
        if (pluginStatusProvider.isPluginDisabled(pluginId)) {
            pluginStatusProvider.enablePlugin(pluginId);
        }
    }

    boolean isDisabled(String pluginId) {
        return pluginStatusProvider.isPluginDisabled(pluginId);
    }
}
