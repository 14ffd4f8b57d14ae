package com.campagne.connectors.plugins;

import com.campagne.connectors.api.ConnectorSpec;
import com.campagne.connectors.api.ConnectorsApi;
import com.campagne.connectors.runtime.ConnectorHandle;
import org.pf4j.DefaultVersionManager;
import org.pf4j.PluginState;
import org.pf4j.VersionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * Decides whether a plugin file may be installed, without touching the plugins directory or the
 * loaded plugins: first its manifest and extension index are read, then the plugin is loaded and
 * started in a throw-away PF4J manager of its own (in a scratch directory) and its connectors are
 * read as the runtime would, then everything is unloaded and deleted.
 */
final class PluginInspector {

    private static final Logger log = LoggerFactory.getLogger(PluginInspector.class);
    /** Safe as a file name and in disabled.txt. */
    static final Pattern PLUGIN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final VersionManager VERSIONS = new DefaultVersionManager();

    /** What a plugin file says about itself. */
    record Manifested(String id, String version, String requires, String provider, String description) {
    }

    /** A plugin file that passed every check, with its connectors' specs. */
    record Candidate(Manifested manifest, List<ConnectorSpec> connectors) {
        String id() {
            return manifest.id();
        }

        String version() {
            return manifest.version();
        }
    }

    private PluginInspector() {
    }

    /** Reads and checks the manifest and extension index. */
    static Manifested manifest(Path file) {
        try (JarFile jar = new JarFile(file.toFile())) {
            Manifest manifest = jar.getManifest();
            Attributes main = manifest == null ? null : manifest.getMainAttributes();
            String id = main == null ? null : blankToNull(main.getValue("Plugin-Id"));
            if (id == null) {
                throw new PluginRefusedException("plugins.refused.noManifest");
            }
            if (!PLUGIN_ID.matcher(id).matches()) {
                throw new PluginRefusedException("plugins.refused.badId", id);
            }
            String version = blankToNull(main.getValue("Plugin-Version"));
            if (version == null) {
                throw new PluginRefusedException("plugins.refused.noVersion", id);
            }
            try {
                VERSIONS.compareVersions(version, "0.0.0");
            } catch (Exception e) {
                throw new PluginRefusedException("plugins.refused.badVersion", id, version);
            }
            String requires = blankToNull(main.getValue("Plugin-Requires"));
            requires = requires == null ? "*" : requires;
            boolean compatible;
            try {
                compatible = compatible(requires);
            } catch (Exception e) {
                throw new PluginRefusedException("plugins.refused.badRequires", id, requires);
            }
            if (!compatible) {
                throw new PluginRefusedException("plugins.refused.requires", id, requires, ConnectorsApi.VERSION);
            }
            if (extensionCount(jar) == 0) {
                throw new PluginRefusedException("plugins.refused.noConnector", id);
            }
            return new Manifested(id, version, requires, blankToNull(main.getValue("Plugin-Provider")),
                    blankToNull(main.getValue("Plugin-Description")));
        } catch (IOException | SecurityException e) {
            throw new PluginRefusedException("plugins.refused.notJar");
        }
    }

    /** Whether the host's API version satisfies a {@code Plugin-Requires} expression ({@code *} for none). */
    static boolean compatible(String requires) {
        return requires == null || requires.isBlank() || "*".equals(requires.trim())
                || VERSIONS.checkVersionConstraint(ConnectorsApi.VERSION, requires);
    }

    /**
     * Reads the manifest, then loads and starts the plugin in isolation and reads its connectors.
     *
     * @param scratch a directory for the trial, outside the plugins directory
     */
    static Candidate inspect(Path file, Path scratch) {
        Manifested manifest = manifest(file);
        Path trialDir = null;
        CampagnePluginManager trial = null;
        String loadedId = null;
        try {
            Files.createDirectories(scratch);
            trialDir = Files.createTempDirectory(scratch, "trial-");
            Path copy = Files.copy(file, trialDir.resolve("candidate.jar"));
            trial = new CampagnePluginManager(trialDir);
            try {
                loadedId = trial.loadPlugin(copy);
            } catch (Exception | LinkageError e) {
                throw new PluginRefusedException("plugins.refused.loadFailed", manifest.id(), PluginRuntime.detail(e));
            }
            PluginState state;
            try {
                state = trial.startPlugin(loadedId);
            } catch (Exception | LinkageError e) {
                throw new PluginRefusedException("plugins.refused.startFailed", manifest.id(), PluginRuntime.detail(e));
            }
            if (state != PluginState.STARTED) {
                throw new PluginRefusedException("plugins.refused.startFailed", manifest.id(),
                        PluginRuntime.detail(trial.getPlugin(loadedId).getFailedException()));
            }
            List<ConnectorSpec> specs = new ArrayList<>();
            for (ConnectorHandle handle : PluginConnectors.of(trial, loadedId)) {
                specs.add(handle.spec());
            }
            return new Candidate(manifest, List.copyOf(specs));
        } catch (IOException e) {
            throw new PluginRefusedException("plugins.refused.io", PluginRuntime.detail(e));
        } finally {
            if (trial != null && loadedId != null) {
                try {
                    trial.stopPlugin(loadedId);
                    trial.unloadPlugin(loadedId);
                } catch (Exception | LinkageError e) {
                    log.warn("Could not unload the trial of plugin {}", manifest.id(), e);
                }
            }
            deleteTree(trialDir);
        }
    }

    private static int extensionCount(JarFile jar) throws IOException {
        ZipEntry index = jar.getEntry("META-INF/extensions.idx");
        if (index == null) {
            return 0;
        }
        try (InputStream in = jar.getInputStream(index)) {
            return (int) new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    log.warn("Could not delete {}", p, e);
                }
            });
        } catch (IOException e) {
            log.warn("Could not delete {}", dir, e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
