package com.campagne.plugins.faulty;

import com.campagne.connectors.api.Choice;
import com.campagne.connectors.api.CheckResult;
import com.campagne.connectors.api.Catalog;
import com.campagne.connectors.api.ConnectorContext;
import com.campagne.connectors.api.ReadRequest;
import com.campagne.connectors.api.RecordSink;
import com.campagne.connectors.api.SettingField;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.api.Text;
import org.pf4j.Extension;

import java.util.List;

/**
 * {@code faulty-linkage}: fails with a {@link NoClassDefFoundError}, as a plugin built against a
 * library it did not shade; the {@code failIn} setting says in which verb (read by default).
 */
@Extension
public class LinkageConnector extends FaultyConnector {

    public LinkageConnector() {
        super("faulty-linkage", Text.of("Panne : classe manquante", "Fault: missing class"),
                Text.of("Échoue sur une classe introuvable (bibliothèque oubliée).",
                        "Fails on a missing class (a forgotten library)."));
    }

    @Override
    List<SettingField> faultSettings() {
        return List.of(SettingField.choice("failIn", Text.of("Échoue dans", "Fails in"), List.of(
                        Choice.of("check", "La vérification", "Check"),
                        Choice.of("discover", "La découverte", "Discover"),
                        Choice.of("read", "La lecture", "Read")))
                .defaultValue("read").group(Text.of("Panne", "Fault"), 1));
    }

    @Override
    public CheckResult check(ConnectorContext context, Settings settings) {
        failIf("check", settings);
        return super.check(context, settings);
    }

    @Override
    public Catalog discover(ConnectorContext context, Settings settings) {
        failIf("discover", settings);
        return super.discover(context, settings);
    }

    @Override
    public void read(ConnectorContext context, ReadRequest request, RecordSink sink) {
        failIf("read", request.settings());
    }

    private static void failIf(String verb, Settings settings) {
        if (verb.equals(settings.find("failIn").orElse("read"))) {
            throw new NoClassDefFoundError("com/example/provider/sdk/ReportingClient");
        }
    }
}
