package com.campagne.connectors.plugins;

import com.campagne.connectors.api.ConnectorsApi;
import com.campagne.tenancy.Role;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The installation operator's plugin operations, all without restart. Each is written to the log
 * with who did it (the audit log is per organisation and has no platform-level events).
 */
@Service
@RolesAllowed(Role.PLATFORM_ADMIN_NAME)
public class PluginService {

    private static final Logger log = LoggerFactory.getLogger(PluginService.class);

    private final PluginRuntime runtime;

    PluginService(PluginRuntime runtime) {
        this.runtime = runtime;
    }

    /** The version of the connector API this Campagne provides, which plugins' ranges are checked against. */
    public String hostApiVersion() {
        return ConnectorsApi.VERSION;
    }

    public List<PluginInfo> plugins() {
        return runtime.plugins();
    }

    /**
     * Installs an uploaded plugin file (or updates the plugin of the same id to the file's higher version).
     *
     * @param file         the uploaded file
     * @param originalName its name on the admin's computer, for the log
     * @throws PluginRefusedException what is wrong with it; nothing was changed
     */
    public PluginInfo upload(Path file, String originalName) {
        return logged("upload " + originalName, () -> runtime.install(file));
    }

    /** Replaces plugin {@code id} by the uploaded file, which must be the same plugin in a higher version. */
    public PluginInfo update(String id, Path file, String originalName) {
        return logged("update " + id + " with " + originalName, () -> runtime.update(id, file));
    }

    public PluginInfo enable(String id) {
        return logged("enable " + id, () -> runtime.enable(id));
    }

    public PluginInfo disable(String id) {
        return logged("disable " + id, () -> runtime.disable(id));
    }

    public void remove(String id) {
        logged("remove " + id, () -> {
            runtime.remove(id);
            return null;
        });
    }

    private static <T> T logged(String operation, Supplier<T> action) {
        String actor = actor();
        try {
            T result = action.get();
            log.info("Plugin operation by {}: {}{}", actor, operation,
                    result instanceof PluginInfo info ? " -> " + info.id() + " " + info.version() + " " + info.status() : "");
            return result;
        } catch (PluginRefusedException e) {
            log.warn("Plugin operation by {} refused: {}: {}", actor, operation, e.reason());
            throw e;
        }
    }

    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "?" : authentication.getName();
    }
}
