package com.campagne.connectors.connections;

import com.campagne.connectors.api.BadSettingsException;
import com.campagne.connectors.api.Catalog;
import com.campagne.connectors.api.Category;
import com.campagne.connectors.api.CheckResult;
import com.campagne.connectors.api.Choice;
import com.campagne.connectors.api.Connector;
import com.campagne.connectors.api.ConnectorContext;
import com.campagne.connectors.api.ConnectorSpec;
import com.campagne.connectors.api.OAuth2Spec;
import com.campagne.connectors.api.ReadRequest;
import com.campagne.connectors.api.RecordSink;
import com.campagne.connectors.api.SettingField;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.api.Stream;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.api.schema.AccountRecord;
import com.campagne.connectors.runtime.ConnectorCatalog;
import com.campagne.connectors.runtime.ConnectorHandle;

import java.math.BigDecimal;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An in-process connector for the tests, with one setting of every type. The key {@value #GOOD_KEY}
 * passes the check; {@value #ROTATING_KEY} passes and rotates itself to {@value #ROTATED_KEY};
 * anything else is refused at the key's field.
 */
public class TestConnector implements Connector {

    public static final String ID = "test-ads";
    public static final String GOOD_KEY = "cle-valide-123";
    public static final String ROTATING_KEY = "cle-a-renouveler";
    public static final String ROTATED_KEY = "cle-renouvelee-456";

    /** The settings the last check saw (for assertions on files and values). */
    public static final AtomicReference<Settings> LAST_SETTINGS = new AtomicReference<>();

    static final Text ACCOUNT = Text.of("Compte", "Account");
    static final Text OPTIONS = Text.of("Options", "Options");

    /** Makes the connector available (idempotent: registering again replaces it). */
    public static void register(ConnectorCatalog catalog) {
        catalog.register(ConnectorHandle.of("test", new TestConnector()));
    }

    @Override
    public ConnectorSpec spec() {
        return new ConnectorSpec(ID, Text.of("Régie Test", "Test Ads"),
                Text.of("Une régie publicitaire imaginaire pour les essais.", "An imaginary ad network for tests."),
                "1.0.0", Category.AD_NETWORK, null, URI.create("https://exemple.test/aide"),
                List.of(
                        SettingField.text("customerId", Text.of("Identifiant client", "Customer ID")).asRequired()
                                .pattern("\\d{3}-\\d{3}-\\d{4}", Text.of("Format attendu : 123-456-7890.",
                                        "Expected format: 123-456-7890."))
                                .help(Text.of("En haut à droite de votre espace Régie Test.",
                                        "Top right in your Test Ads space."))
                                .group(ACCOUNT, 1),
                        SettingField.secret("apiKey", Text.of("Clé d’API", "API key")).asRequired().group(ACCOUNT, 2),
                        SettingField.oauth2Account("login", Text.of("Compte Régie Test", "Test Ads account"))
                                .group(ACCOUNT, 3),
                        SettingField.choice("region", Text.of("Région", "Region"), List.of(
                                Choice.of("eu", "Europe", "Europe"), Choice.of("us", "Amérique", "America")))
                                .defaultValue("eu").group(OPTIONS, 1),
                        SettingField.number("days", Text.of("Jours d’historique", "Days of history"))
                                .range(BigDecimal.ONE, BigDecimal.valueOf(365)).defaultValue("30").group(OPTIONS, 2),
                        SettingField.date("since", Text.of("Depuis le", "Since")).group(OPTIONS, 3),
                        SettingField.url("landing", Text.of("Site de destination", "Landing site")).group(OPTIONS, 4),
                        SettingField.file("report", Text.of("Rapport à importer", "Report to import"))
                                .group(OPTIONS, 5)),
                new OAuth2Spec(URI.create("https://exemple.test/oauth/authorize"),
                        URI.create("https://exemple.test/oauth/token"), List.of("ads.read")));
    }

    @Override
    public CheckResult check(ConnectorContext context, Settings settings) {
        LAST_SETTINGS.set(settings);
        String key = context.secrets().get("apiKey");
        if (ROTATING_KEY.equals(key)) {
            context.secrets().put("apiKey", ROTATED_KEY);
        } else if (!GOOD_KEY.equals(key) && !ROTATED_KEY.equals(key)) {
            throw new BadSettingsException("apiKey", Text.of("Cette clé d’API est refusée par Régie Test.",
                    "Test Ads refuses this API key."));
        }
        return CheckResult.ok("Connecté au client " + settings.get("customerId"),
                "Connected to customer " + settings.get("customerId"));
    }

    @Override
    public Catalog discover(ConnectorContext context, Settings settings) {
        check(context, settings);
        ZoneId paris = ZoneId.of("Europe/Paris");
        return new Catalog(List.of(
                new AccountRecord("act-1", "Boutique Paris", "EUR", paris),
                new AccountRecord("act-2", "Boutique Lyon", "EUR", paris),
                new AccountRecord("act-3", "Shop London", "GBP", ZoneId.of("Europe/London"))),
                Set.of(Stream.ACCOUNTS, Stream.DAILY_METRICS));
    }

    @Override
    public void read(ConnectorContext context, ReadRequest request, RecordSink sink) {
        // The connection screens never read.
    }
}
