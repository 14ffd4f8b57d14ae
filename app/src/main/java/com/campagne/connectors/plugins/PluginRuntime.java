package com.campagne.connectors.plugins;

import com.campagne.base.config.CampagneProperties;
import com.campagne.connectors.api.ConnectorSpec;
import com.campagne.connectors.api.ConnectorsApi;
import com.campagne.connectors.runtime.ConnectorCatalog;
import com.campagne.connectors.runtime.ConnectorHandle;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Owns PF4J: at start it installs the bundled plugins, loads every plugin jar of the plugins directory
 * and starts the enabled ones, registering their connectors in the {@link ConnectorCatalog}; at run
 * time it installs, updates, enables, disables and removes plugins without a restart.
 *
 * <p>Plugin code never breaks the app: every PF4J and plugin call is guarded, and a plugin that fails
 * (unreadable file, incompatible API range, broken extension, bad spec, exception at start) is marked
 * failed with its reason while the others go on. Operations are serialised; the admin-facing entry
 * point with its access rule is {@link PluginService}.
 */
@Component
public class PluginRuntime implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PluginRuntime.class);

    private final Path dir;
    private final Path scratch;
    private final ConnectorCatalog catalog;
    private final ClassLoader bundledResources;

    private CampagnePluginManager manager;
    /** Last failure by plugin id; cleared when the plugin starts. */
    private final Map<String, PluginMessage> lastErrors = new LinkedHashMap<>();
    /** Jar files PF4J could not load at all, by file name. */
    private final Map<String, PluginMessage> unreadable = new LinkedHashMap<>();
    private Set<String> bundledIds = Set.of();
    private volatile boolean running;

    @Autowired
    public PluginRuntime(CampagneProperties properties, ConnectorCatalog catalog) {
        this(properties.plugins().dir(), catalog, PluginRuntime.class.getClassLoader());
    }

    PluginRuntime(Path dir, ConnectorCatalog catalog, ClassLoader bundledResources) {
        this.dir = dir.toAbsolutePath().normalize();
        // Uploads and trials happen next to the plugins directory, never in it: PF4J must not see them.
        this.scratch = this.dir.resolveSibling(this.dir.getFileName() + ".incoming");
        this.catalog = catalog;
        this.bundledResources = bundledResources;
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public synchronized void start() {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            log.error("Plugins directory {} cannot be created: no plugin is loaded", dir, e);
        }
        PluginInspector.deleteTree(scratch);
        try {
            bundledIds = new BundledPlugins(bundledResources, dir, scratch).install();
        } catch (Exception | LinkageError e) {
            log.error("Bundled plugins could not be installed", e);
        }
        try {
            manager = new CampagnePluginManager(dir);
        } catch (Exception | LinkageError e) {
            log.error("PF4J could not be set up: no plugin is loaded", e);
            running = true;
            return;
        }
        for (Path file : jarFiles()) {
            load(file);
        }
        for (PluginWrapper plugin : manager.getPlugins()) {
            String id = plugin.getPluginId();
            if (!manager.isDisabled(id)) {
                startAndRegister(id);
            }
        }
        running = true;
        log.info("Plugins in {}: {}", dir, summary());
    }

    @Override
    public synchronized void stop() {
        if (manager != null) {
            // One by one: PF4J 3.15's stopPlugins() throws ConcurrentModificationException.
            for (PluginWrapper plugin : new ArrayList<>(manager.getStartedPlugins())) {
                stopAndUnregister(plugin.getPluginId());
            }
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    // ------------------------------------------------------------------ reading

    /** Every plugin of the directory, loaded or not, by id. */
    synchronized List<PluginInfo> plugins() {
        List<PluginInfo> infos = new ArrayList<>();
        if (manager != null) {
            for (PluginWrapper plugin : manager.getPlugins()) {
                infos.add(info(plugin));
            }
        }
        unreadable.forEach((file, problem) -> infos.add(new PluginInfo(file, null, null, null, null, false,
                PluginInfo.Status.FAILED, problem, List.of(), file, false)));
        infos.sort(Comparator.comparing(PluginInfo::id));
        return infos;
    }

    synchronized PluginInfo plugin(String id) {
        return info(require(id));
    }

    Path directory() {
        return dir;
    }

    private PluginInfo info(PluginWrapper plugin) {
        String id = plugin.getPluginId();
        var descriptor = plugin.getDescriptor();
        String requires = descriptor.getRequires() == null || descriptor.getRequires().isBlank()
                ? "*" : descriptor.getRequires();
        boolean compatible = compatible(requires);
        PluginInfo.Status status;
        if (plugin.getPluginState() == PluginState.STARTED) {
            status = PluginInfo.Status.STARTED;
        } else if (compatible && manager.isDisabled(id)) {
            status = PluginInfo.Status.DISABLED;
        } else {
            status = PluginInfo.Status.FAILED;
        }
        PluginMessage error = lastErrors.get(id);
        if (status == PluginInfo.Status.FAILED && error == null) {
            error = compatible ? PluginMessage.of("plugins.problem.notStarted")
                    : PluginMessage.of("plugins.problem.requires", requires, ConnectorsApi.VERSION);
        }
        List<ConnectorSpec> connectors = catalog.ofPlugin(id).stream().map(ConnectorHandle::spec).toList();
        return new PluginInfo(id, descriptor.getVersion(), descriptor.getProvider(), descriptor.getPluginDescription(),
                requires, compatible, status, error, connectors, plugin.getPluginPath().getFileName().toString(),
                bundledIds.contains(id));
    }

    private static boolean compatible(String requires) {
        try {
            return PluginInspector.compatible(requires);
        } catch (Exception e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ operations

    /**
     * Installs a plugin file, or updates the installed plugin of the same id when the file's version
     * is higher. The file is checked first; a refused file changes nothing.
     *
     * @throws PluginRefusedException what was wrong, nothing changed
     */
    synchronized PluginInfo install(Path file) {
        requireManager();
        PluginInspector.Candidate candidate = PluginInspector.inspect(file, scratch);
        PluginWrapper installed = manager.getPlugin(candidate.id());
        if (installed != null) {
            return replace(installed, candidate, file);
        }
        checkConnectorIds(candidate);
        Path target = freeTarget(candidate);
        // A plugin of this id removed while disabled left its mark: a new install starts enabled.
        manager.forgetDisabled(candidate.id());
        stage(file, target);
        String id;
        try {
            id = manager.loadPlugin(target);
        } catch (Exception | LinkageError e) {
            deleteQuietly(target);
            throw new PluginRefusedException("plugins.refused.loadFailed", candidate.id(), detail(e));
        }
        if (!startAndRegister(id)) {
            PluginMessage problem = lastErrors.remove(id);
            unloadQuietly(id);
            deleteQuietly(target);
            throw new PluginRefusedException(problem == null ? PluginMessage.of("plugins.problem.notStarted") : problem);
        }
        log.info("Plugin {} {} installed from {}", id, candidate.version(), target.getFileName());
        return info(manager.getPlugin(id));
    }

    /**
     * Replaces the installed plugin {@code id} by a newer version: checked, then stop, unload, swap the
     * file, load, start; back to the previous version if the new one does not start.
     */
    synchronized PluginInfo update(String id, Path file) {
        PluginWrapper installed = require(id);
        PluginInspector.Candidate candidate = PluginInspector.inspect(file, scratch);
        if (!candidate.id().equals(id)) {
            throw new PluginRefusedException("plugins.refused.otherPlugin", candidate.id(), id);
        }
        return replace(installed, candidate, file);
    }

    private PluginInfo replace(PluginWrapper installed, PluginInspector.Candidate candidate, Path file) {
        String id = installed.getPluginId();
        String oldVersion = installed.getDescriptor().getVersion();
        if (PluginInspector.VERSIONS.compareVersions(candidate.version(), oldVersion) <= 0) {
            throw new PluginRefusedException("plugins.refused.notNewer", id, oldVersion, candidate.version());
        }
        checkConnectorIds(candidate);
        boolean disabled = manager.isDisabled(id);
        Path oldFile = installed.getPluginPath();
        Path target = freeTarget(candidate);
        Path backup = scratch.resolve(oldFile.getFileName() + ".previous");
        // Staged first, outside the directory: the move into it is the commit point.
        Path staged = copyToScratch(file);
        stopAndUnregister(id);
        if (!unloadQuietly(id)) {
            deleteQuietly(staged);
            if (!disabled) {
                startAndRegister(id);
            }
            throw new PluginRefusedException("plugins.refused.busy", id);
        }
        try {
            move(oldFile, backup);
            move(staged, target);
        } catch (IOException e) {
            restore(id, oldFile, backup, target);
            throw new PluginRefusedException("plugins.refused.io", detail(e));
        }
        String loaded;
        try {
            loaded = manager.loadPlugin(target);
        } catch (Exception | LinkageError e) {
            restore(id, oldFile, backup, target);
            throw new PluginRefusedException("plugins.refused.loadFailed", id, detail(e));
        }
        if (!disabled && !startAndRegister(loaded)) {
            PluginMessage problem = lastErrors.remove(id);
            unloadQuietly(loaded);
            restore(id, oldFile, backup, target);
            throw new PluginRefusedException(problem == null ? PluginMessage.of("plugins.problem.notStarted") : problem);
        }
        deleteQuietly(backup);
        log.info("Plugin {} updated from {} to {}", id, oldVersion, candidate.version());
        return info(manager.getPlugin(loaded));
    }

    /** Puts the previous version back after a failed update, and starts it again. */
    private void restore(String id, Path oldFile, Path backup, Path target) {
        try {
            if (Files.exists(backup)) {
                if (!target.equals(oldFile)) {
                    deleteQuietly(target);
                }
                move(backup, oldFile);
            }
            if (manager.getPlugin(id) == null) {
                manager.loadPlugin(oldFile);
            }
            if (!manager.isDisabled(id)) {
                startAndRegister(id);
            }
        } catch (Exception | LinkageError e) {
            log.error("Plugin {} could not be restored after a failed update", id, e);
            lastErrors.put(id, PluginMessage.of("plugins.problem.restoreFailed", detail(e)));
        }
    }

    /** Starts a disabled (or failed) plugin and persists that it is enabled. */
    synchronized PluginInfo enable(String id) {
        PluginWrapper plugin = require(id);
        if (!compatible(plugin.getDescriptor().getRequires())) {
            throw new PluginRefusedException("plugins.refused.requires", id, plugin.getDescriptor().getRequires(),
                    ConnectorsApi.VERSION);
        }
        try {
            if (manager.isDisabled(id) && !manager.enablePlugin(id)) {
                throw new PluginRefusedException("plugins.refused.enableFailed", id);
            }
        } catch (PluginRefusedException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw new PluginRefusedException("plugins.refused.enableFailed", id);
        }
        startAndRegister(id);
        log.info("Plugin {} enabled", id);
        return info(manager.getPlugin(id));
    }

    /** Stops a plugin, withdraws its connectors and persists that it is disabled (PF4J's disabled.txt). */
    synchronized PluginInfo disable(String id) {
        require(id);
        catalog.unregisterPlugin(id);
        boolean done;
        try {
            done = manager.disablePlugin(id);
        } catch (Exception | LinkageError e) {
            lastErrors.put(id, PluginMessage.of("plugins.problem.stopFailed", detail(e)));
            done = false;
        }
        if (!done) {
            throw new PluginRefusedException("plugins.refused.disableFailed", id);
        }
        log.info("Plugin {} disabled", id);
        return info(manager.getPlugin(id));
    }

    /** Stops and unloads a plugin and deletes its file (or deletes a file PF4J could not load). */
    synchronized void remove(String id) {
        requireManager();
        if (manager.getPlugin(id) == null && unreadable.containsKey(id)) {
            deleteQuietly(dir.resolve(id));
            unreadable.remove(id);
            log.info("Unreadable plugin file {} removed", id);
            return;
        }
        PluginWrapper plugin = require(id);
        Path file = plugin.getPluginPath();
        stopAndUnregister(id);
        if (!unloadQuietly(id)) {
            throw new PluginRefusedException("plugins.refused.busy", id);
        }
        manager.forgetDisabled(id);
        lastErrors.remove(id);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new PluginRefusedException("plugins.refused.io", detail(e));
        }
        log.info("Plugin {} removed ({} deleted)", id, file.getFileName());
    }

    // ------------------------------------------------------------------ internals

    private void load(Path file) {
        try {
            String id = manager.loadPlugin(file);
            if (id == null) {
                unreadable.put(file.getFileName().toString(), PluginMessage.of("plugins.problem.unreadable", "?"));
            }
        } catch (Exception | LinkageError e) {
            log.warn("Plugin file {} could not be loaded", file, e);
            unreadable.put(file.getFileName().toString(), PluginMessage.of("plugins.problem.unreadable", detail(e)));
        }
    }

    /** Starts a loaded plugin and registers its connectors; on any failure it is stopped and marked failed. */
    private boolean startAndRegister(String id) {
        PluginWrapper plugin = manager.getPlugin(id);
        String requires = plugin.getDescriptor().getRequires();
        if (!compatible(requires)) {
            fail(id, PluginMessage.of("plugins.problem.requires", requires, ConnectorsApi.VERSION));
            return false;
        }
        PluginState state;
        try {
            state = manager.startPlugin(id);
        } catch (Exception | LinkageError e) {
            fail(id, PluginMessage.of("plugins.problem.startFailed", detail(e)));
            return false;
        }
        if (state != PluginState.STARTED) {
            fail(id, PluginMessage.of("plugins.problem.startFailed", detail(plugin.getFailedException())));
            return false;
        }
        try {
            List<ConnectorHandle> handles = PluginConnectors.of(manager, id);
            for (ConnectorHandle handle : handles) {
                try {
                    catalog.register(handle);
                } catch (IllegalStateException taken) {
                    throw new PluginRefusedException("plugins.problem.connectorTaken", handle.id(),
                            catalog.find(handle.id()).map(ConnectorHandle::pluginId).orElse("?"));
                }
            }
        } catch (PluginRefusedException e) {
            fail(id, e.reason());
            return false;
        } catch (Exception | LinkageError e) {
            fail(id, PluginMessage.of("plugins.problem.startFailed", detail(e)));
            return false;
        }
        lastErrors.remove(id);
        log.info("Plugin {} {} started: connectors {}", id, plugin.getDescriptor().getVersion(),
                catalog.ofPlugin(id).stream().map(ConnectorHandle::id).toList());
        return true;
    }

    private void fail(String id, PluginMessage problem) {
        log.warn("Plugin {} failed: {}", id, problem);
        lastErrors.put(id, problem);
        stopAndUnregister(id);
    }

    private void stopAndUnregister(String id) {
        catalog.unregisterPlugin(id);
        try {
            PluginWrapper plugin = manager.getPlugin(id);
            if (plugin != null && plugin.getPluginState() == PluginState.STARTED) {
                manager.stopPlugin(id);
            }
        } catch (Exception | LinkageError e) {
            log.warn("Plugin {} did not stop cleanly", id, e);
        }
    }

    private boolean unloadQuietly(String id) {
        try {
            return manager.unloadPlugin(id);
        } catch (Exception | LinkageError e) {
            log.warn("Plugin {} could not be unloaded", id, e);
            return false;
        }
    }

    /** A connector id of the candidate must not be provided by another plugin already. */
    private void checkConnectorIds(PluginInspector.Candidate candidate) {
        for (ConnectorSpec spec : candidate.connectors()) {
            catalog.find(spec.id()).filter(h -> !h.pluginId().equals(candidate.id())).ifPresent(h -> {
                throw new PluginRefusedException("plugins.refused.connectorTaken", candidate.id(), spec.id(), h.pluginId());
            });
        }
    }

    private PluginWrapper require(String id) {
        requireManager();
        PluginWrapper plugin = id == null ? null : manager.getPlugin(id);
        if (plugin == null) {
            throw new PluginRefusedException("plugins.refused.unknown", String.valueOf(id));
        }
        return plugin;
    }

    private void requireManager() {
        if (manager == null) {
            throw new PluginRefusedException("plugins.refused.notRunning");
        }
    }

    /**
     * Where the candidate's file goes: {@code <id>-<version>.jar}, unless a loaded plugin's file has that
     * name already (then a unique suffix); a file PF4J could not load is simply replaced.
     */
    private Path freeTarget(PluginInspector.Candidate candidate) {
        String base = candidate.id() + "-" + candidate.version().replaceAll("[^A-Za-z0-9._-]", "_");
        Path target = dir.resolve(base + ".jar");
        boolean taken = manager.getPlugins().stream().anyMatch(p -> p.getPluginPath().toAbsolutePath().normalize()
                .equals(target));
        if (taken) {
            return dir.resolve(base + "-" + UUID.randomUUID().toString().substring(0, 8) + ".jar");
        }
        unreadable.remove(target.getFileName().toString());
        return target;
    }

    /** Copies the file next to the directory, then moves it in atomically: PF4J never sees half a jar. */
    private void stage(Path file, Path target) {
        Path staged = copyToScratch(file);
        try {
            move(staged, target);
        } catch (IOException e) {
            deleteQuietly(staged);
            throw new PluginRefusedException("plugins.refused.io", detail(e));
        }
    }

    private Path copyToScratch(Path file) {
        try {
            Files.createDirectories(scratch);
            Path staged = scratch.resolve(UUID.randomUUID() + ".part");
            Files.copy(file, staged);
            return staged;
        } catch (IOException e) {
            throw new PluginRefusedException("plugins.refused.io", detail(e));
        }
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}", file, e);
        }
    }

    private List<Path> jarFiles() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*.jar")) {
            jars.forEach(files::add);
        } catch (IOException e) {
            log.error("Plugins directory {} cannot be read", dir, e);
        }
        files.sort(Comparator.naturalOrder());
        return files;
    }

    private String summary() {
        return plugins().stream().map(p -> p.id() + " " + p.status()).toList().toString();
    }

    /** A short technical detail of a failure, for the admin and the log. */
    static String detail(Throwable failure) {
        if (failure == null) {
            return "?";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        String detail = root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
        return detail.length() > 300 ? detail.substring(0, 300) + "…" : detail;
    }
}
