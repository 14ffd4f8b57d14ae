package com.campagne.connectors.plugins;

import com.campagne.connectors.api.ConnectorSpec;

import java.util.List;

/**
 * A plugin as the platform admin sees it.
 *
 * @param id          its {@code Plugin-Id}, or the file name when the file could not even be read
 * @param version     its version, {@code null} when unreadable
 * @param provider    who made it, or {@code null}
 * @param description its {@code Plugin-Description}, or {@code null}
 * @param requires    the API range it needs ({@code Plugin-Requires}, {@code *} for any)
 * @param compatible  whether this host's API version is in that range
 * @param status      started, disabled or failed
 * @param lastError   the last failure (kept after a later disable), or {@code null}
 * @param connectors  the connectors it provides right now (empty unless started)
 * @param fileName    the file in the plugins directory
 * @param bundled     whether it ships with Campagne (it comes back at the next start if removed)
 */
public record PluginInfo(String id, String version, String provider, String description, String requires,
                         boolean compatible, Status status, PluginMessage lastError, List<ConnectorSpec> connectors,
                         String fileName, boolean bundled) {

    public enum Status {
        STARTED,
        DISABLED,
        FAILED
    }
}
