package com.campagne.plugins.faulty;

import com.campagne.connectors.api.Catalog;
import com.campagne.connectors.api.Category;
import com.campagne.connectors.api.CheckResult;
import com.campagne.connectors.api.Connector;
import com.campagne.connectors.api.ConnectorContext;
import com.campagne.connectors.api.ConnectorSpec;
import com.campagne.connectors.api.SettingField;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.api.Stream;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.api.schema.AccountRecord;
import com.campagne.connectors.api.schema.Channel;
import com.campagne.connectors.api.schema.Measures;
import com.campagne.connectors.api.schema.MetricRow;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the faulty connectors share: a plausible spec, a check that passes, one account to
 * discover, and well-formed rows to mix with their faults. Each subclass misbehaves in one way.
 */
abstract class FaultyConnector implements Connector {

    static final String ACCOUNT_ID = "faulty-1";
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final String id;
    private final Text name;
    private final Text description;

    FaultyConnector(String id, Text name, Text description) {
        this.id = id;
        this.name = name;
        this.description = description;
    }

    /** Settings of this fault, beyond the account name. */
    List<SettingField> faultSettings() {
        return List.of();
    }

    @Override
    public ConnectorSpec spec() {
        List<SettingField> settings = new ArrayList<>();
        settings.add(SettingField.text("accountName", Text.of("Nom du compte", "Account name"))
                .defaultValue("Compte de test").group(Text.of("Compte", "Account"), 1));
        settings.addAll(faultSettings());
        return new ConnectorSpec(id, name, description, "1.0.0", Category.AD_NETWORK, null,
                URI.create("https://example.com/docs/" + id), settings, null);
    }

    @Override
    public CheckResult check(ConnectorContext context, Settings settings) {
        return CheckResult.ok("Connecté au compte de test.", "Connected to the test account.");
    }

    @Override
    public Catalog discover(ConnectorContext context, Settings settings) {
        return new Catalog(List.of(account(settings)), Set.of(Stream.ACCOUNTS, Stream.DAILY_METRICS));
    }

    static AccountRecord account(Settings settings) {
        return new AccountRecord(ACCOUNT_ID, settings.find("accountName").orElse("Compte de test"), "EUR", PARIS);
    }

    /** A valid row: the same day and campaign always give the same figures. */
    static MetricRow row(String accountId, LocalDate day, int campaign) {
        long impressions = 1_000L + 100L * campaign + day.getDayOfMonth();
        long clicks = impressions / 50;
        return MetricRow.daily(day, accountId, "cmp-" + campaign, Channel.SEARCH, "EUR", Measures.builder()
                .impressions(impressions).clicks(clicks).cost(BigDecimal.valueOf(clicks * 45L, 2)).build());
    }

    /** A number setting with a default. */
    static SettingField number(String key, String fr, String en, String defaultValue, int order) {
        return SettingField.number(key, Text.of(fr, en)).defaultValue(defaultValue)
                .range(BigDecimal.ZERO, BigDecimal.valueOf(1_000_000)).group(Text.of("Panne", "Fault"), order);
    }

    static int intSetting(Settings settings, String key, int fallback) {
        return settings.number(key).map(BigDecimal::intValue).orElse(fallback);
    }
}
