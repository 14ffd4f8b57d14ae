package com.campagne.connectors.runtime;

import com.campagne.connectors.api.Catalog;
import com.campagne.connectors.api.CheckResult;
import com.campagne.connectors.api.Connector;
import com.campagne.connectors.api.ConnectorContext;
import com.campagne.connectors.api.ConnectorSpec;
import com.campagne.connectors.api.PermanentException;
import com.campagne.connectors.api.ReadRequest;
import com.campagne.connectors.api.RecordSink;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.api.Text;

import java.time.Duration;
import java.util.Objects;

/**
 * A loaded connector as the rest of the app uses it: its spec read once and checked, and every verb
 * guarded by {@link PluginGuard}. Holding a handle does not keep a plugin loaded: once its plugin is
 * stopped the catalogue forgets it and callers look it up again.
 *
 * @param pluginId  the PF4J plugin that provides it ({@code app} for connectors built into tests)
 * @param connector the plugin's extension
 * @param spec      its spec, read when it was registered
 */
public record ConnectorHandle(String pluginId, Connector connector, ConnectorSpec spec) {

    /** Time-outs of the short verbs; {@code read} gets its own, longer one from the sync engine. */
    public static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);

    public ConnectorHandle {
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(spec, "spec");
    }

    /** Reads and checks a connector's spec under guard, for registration. */
    public static ConnectorHandle of(String pluginId, Connector connector) {
        ConnectorSpec spec = PluginGuard.call(pluginId + ".spec", CHECK_TIMEOUT, connector::spec);
        if (spec == null) {
            throw new PermanentException(Text.of("Le connecteur ne se décrit pas (spec vide).",
                    "The connector does not describe itself (empty spec)."), null);
        }
        if (!spec.problems().isEmpty()) {
            throw new PermanentException(Text.of("La description du connecteur est incorrecte : " + spec.problems(),
                    "The connector's description is wrong: " + spec.problems()), null);
        }
        return new ConnectorHandle(pluginId, connector, spec);
    }

    public String id() {
        return spec.id();
    }

    public CheckResult check(ConnectorContext context, Settings settings) {
        CheckResult result = PluginGuard.call(id() + ".check", CHECK_TIMEOUT, () -> connector.check(context, settings));
        if (result == null) {
            throw new PermanentException(Text.of("Le connecteur n’a rien répondu au test.",
                    "The connector answered nothing to the test."), null);
        }
        return result;
    }

    public Catalog discover(ConnectorContext context, Settings settings) {
        Catalog catalog = PluginGuard.call(id() + ".discover", CHECK_TIMEOUT,
                () -> connector.discover(context, settings));
        return catalog == null ? new Catalog(null, null) : catalog;
    }

    /**
     * Reads under guard. The sink must itself refuse what the plugin has no right to push (records of
     * other accounts, invalid records, floods); this only bounds the time and types the failures.
     */
    public void read(ConnectorContext context, ReadRequest request, RecordSink sink, Duration timeout) {
        PluginGuard.run(id() + ".read", timeout, () -> connector.read(context, request, sink));
    }
}
