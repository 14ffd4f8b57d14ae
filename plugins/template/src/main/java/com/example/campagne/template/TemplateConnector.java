package com.example.campagne.template;

import com.campagne.connectors.api.AuthenticationExpiredException;
import com.campagne.connectors.api.BadSettingsException;
import com.campagne.connectors.api.Catalog;
import com.campagne.connectors.api.Category;
import com.campagne.connectors.api.CheckResult;
import com.campagne.connectors.api.Connector;
import com.campagne.connectors.api.ConnectorContext;
import com.campagne.connectors.api.ConnectorSpec;
import com.campagne.connectors.api.ReadRequest;
import com.campagne.connectors.api.RecordSink;
import com.campagne.connectors.api.SettingField;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.api.Stream;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.api.schema.AccountRecord;
import com.campagne.connectors.api.schema.CampaignRecord;
import com.campagne.connectors.api.schema.Channel;
import com.campagne.connectors.api.schema.EntityStatus;
import com.campagne.connectors.api.schema.Measures;
import com.campagne.connectors.api.schema.MetricRow;
import org.pf4j.Extension;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * A complete connector to copy: it declares its settings, checks them, discovers one account and
 * reads deterministic daily figures for a few campaigns, checkpointing after each day. Replace the
 * body of {@link #read} with calls to your provider's API through {@code context.httpClient()}.
 */
@Extension
public class TemplateConnector implements Connector {

    static final String ACCOUNT_ID = "template-1";
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    @Override
    public ConnectorSpec spec() {
        return new ConnectorSpec("template",
                Text.of("Modèle de connecteur", "Connector template"),
                Text.of("Génère des chiffres d’exemple : point de départ d’un nouveau connecteur.",
                        "Generates sample figures: the starting point of a new connector."),
                "1.0.0", Category.AD_NETWORK, null, URI.create("https://example.com/docs/template"),
                List.of(
                        SettingField.text("accountName", Text.of("Nom du compte", "Account name"))
                                .asRequired().defaultValue("Compte exemple")
                                .group(Text.of("Compte", "Account"), 1),
                        SettingField.secret("apiKey", Text.of("Clé d’API", "API key")).asRequired()
                                .help(Text.of("N’importe quelle valeur ; « expired » simule une clé expirée.",
                                        "Any value; \"expired\" simulates an expired key."))
                                .group(Text.of("Compte", "Account"), 2),
                        SettingField.number("campaigns", Text.of("Nombre de campagnes", "Number of campaigns"))
                                .asRequired().defaultValue("3").range(BigDecimal.ONE, BigDecimal.valueOf(20))
                                .group(Text.of("Données", "Data"), 1)),
                null);
    }

    @Override
    public CheckResult check(ConnectorContext context, Settings settings) {
        String key = context.secrets().get("apiKey");
        if ("expired".equals(key)) {
            throw new AuthenticationExpiredException();
        }
        int campaigns = campaigns(settings);
        return CheckResult.ok("Connecté à « " + settings.get("accountName") + " » (" + campaigns + " campagnes).",
                "Connected to \"" + settings.get("accountName") + "\" (" + campaigns + " campaigns).");
    }

    @Override
    public Catalog discover(ConnectorContext context, Settings settings) {
        check(context, settings);
        return new Catalog(List.of(new AccountRecord(ACCOUNT_ID, settings.get("accountName"), "EUR", ZONE)),
                Set.of(Stream.ACCOUNTS, Stream.CAMPAIGNS, Stream.DAILY_METRICS));
    }

    @Override
    public void read(ConnectorContext context, ReadRequest request, RecordSink sink) {
        check(context, request.settings());
        if (!request.accountIds().contains(ACCOUNT_ID)) {
            return;
        }
        int campaigns = campaigns(request.settings());
        // The state is the last day read: an incremental read starts the day after.
        LocalDate from = request.incremental()
                ? LocalDate.parse(request.state()).plusDays(1)
                : request.from();
        if (request.streams().contains(Stream.ACCOUNTS)) {
            sink.accept(new AccountRecord(ACCOUNT_ID, request.settings().get("accountName"), "EUR", ZONE));
        }
        if (request.streams().contains(Stream.CAMPAIGNS)) {
            for (int c = 1; c <= campaigns; c++) {
                sink.accept(new CampaignRecord(ACCOUNT_ID, "cmp-" + c, "Campagne " + c, EntityStatus.ACTIVE,
                        Channel.SEARCH, request.from(), null));
            }
        }
        if (!request.streams().contains(Stream.DAILY_METRICS)) {
            return;
        }
        for (LocalDate day = from; !day.isAfter(request.to()); day = day.plusDays(1)) {
            for (int c = 1; c <= campaigns; c++) {
                sink.accept(MetricRow.daily(day, ACCOUNT_ID, "cmp-" + c, Channel.SEARCH, "EUR", figures(day, c)));
            }
            sink.checkpoint(day.toString());
        }
    }

    /** Deterministic figures: the same day and campaign always give the same numbers. */
    static Measures figures(LocalDate day, int campaign) {
        long impressions = 1000L * campaign + day.getDayOfMonth() * 37L;
        long clicks = impressions / 40;
        BigDecimal cost = BigDecimal.valueOf(clicks).multiply(new BigDecimal("0.42")).setScale(2, RoundingMode.HALF_UP);
        return Measures.builder().impressions(impressions).clicks(clicks).cost(cost)
                .conversions(BigDecimal.valueOf(clicks / 10)).build();
    }

    private static int campaigns(Settings settings) {
        int campaigns = settings.number("campaigns").map(BigDecimal::intValue).orElse(3);
        if (campaigns < 1 || campaigns > 20) {
            throw new BadSettingsException("campaigns", Text.of("Entre 1 et 20 campagnes.", "Between 1 and 20 campaigns."));
        }
        return campaigns;
    }
}
