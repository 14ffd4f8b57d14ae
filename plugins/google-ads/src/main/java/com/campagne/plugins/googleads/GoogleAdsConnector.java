package com.campagne.plugins.googleads;

import com.campagne.connectors.api.BadSettingsException;
import com.campagne.connectors.api.Catalog;
import com.campagne.connectors.api.Category;
import com.campagne.connectors.api.CheckResult;
import com.campagne.connectors.api.Connector;
import com.campagne.connectors.api.ConnectorContext;
import com.campagne.connectors.api.ConnectorSpec;
import com.campagne.connectors.api.OAuth2Spec;
import com.campagne.connectors.api.PermanentException;
import com.campagne.connectors.api.ReadRequest;
import com.campagne.connectors.api.RecordSink;
import com.campagne.connectors.api.SettingField;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.api.Stream;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.api.TransientException;
import com.campagne.connectors.api.schema.AccountRecord;
import com.campagne.connectors.api.schema.AdGroupRecord;
import com.campagne.connectors.api.schema.AdRecord;
import com.campagne.connectors.api.schema.CampaignRecord;
import com.campagne.connectors.api.schema.Channel;
import com.campagne.connectors.api.schema.Device;
import com.campagne.connectors.api.schema.EntityStatus;
import com.campagne.connectors.api.schema.Measures;
import com.campagne.connectors.api.schema.MetricRow;
import org.pf4j.Extension;

import java.math.BigDecimal;
import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Google Ads through the Google Ads API v26 over REST: each customer (client account) the Google
 * account reaches is an account; a read streams its campaigns, ad groups and ads, and the daily
 * figures of each campaign by device ({@code googleAds:searchStream} with GAQL).
 *
 * <p>The host runs the OAuth 2 flow: the secret {@link #GOOGLE_ACCOUNT} is the current access token,
 * refreshed by the host; this connector never refreshes it.
 */
@Extension
public class GoogleAdsConnector implements Connector {

    static final String CUSTOMER_IDS = "customerId";
    static final String LOGIN_CUSTOMER_ID = "loginCustomerId";
    static final String DEVELOPER_TOKEN = "developerToken";
    static final String GOOGLE_ACCOUNT = "google_account";
    static final String BASE_URL = "baseUrl";
    static final String DEFAULT_BASE_URL = "https://googleads.googleapis.com";

    /** Days re-read up to the last synced one: conversions keep arriving for days after the click. */
    static final int REREAD_DAYS = 3;
    /** Days per metrics stream: a month per call keeps each answer (held whole in memory) small. */
    static final int DAYS_PER_CALL = 31;

    private static final String ID = "\\d{3}-?\\d{3}-?\\d{4}";

    static final String CUSTOMER_QUERY = "SELECT customer.id, customer.descriptive_name, customer.currency_code, "
            + "customer.time_zone, customer.manager FROM customer";
    static final String CAMPAIGN_QUERY = "SELECT campaign.id, campaign.name, campaign.status, "
            + "campaign.advertising_channel_type, campaign.start_date_time, campaign.end_date_time FROM campaign";
    static final String AD_GROUP_QUERY = "SELECT campaign.id, ad_group.id, ad_group.name, ad_group.status FROM ad_group";
    static final String AD_QUERY = "SELECT campaign.id, ad_group.id, ad_group_ad.ad.id, ad_group_ad.ad.name, "
            + "ad_group_ad.ad.type, ad_group_ad.ad.responsive_search_ad.headlines, ad_group_ad.status FROM ad_group_ad";
    static final String METRICS_QUERY = "SELECT segments.date, segments.device, campaign.id, "
            + "campaign.advertising_channel_type, metrics.impressions, metrics.clicks, metrics.cost_micros, "
            + "metrics.conversions, metrics.conversions_value, metrics.video_trueview_views, metrics.engagements "
            + "FROM campaign WHERE segments.date BETWEEN '%s' AND '%s'";

    @Override
    public ConnectorSpec spec() {
        Text account = Text.of("Compte Google Ads", "Google Ads account");
        Text advanced = Text.of("Avancé", "Advanced");
        Text idHint = Text.of("Un identifiant à 10 chiffres, par exemple 123-456-7890.",
                "A 10-digit id, for example 123-456-7890.");
        return new ConnectorSpec("google-ads",
                Text.of("Google Ads", "Google Ads"),
                Text.of("Dépenses, impressions, clics et conversions de vos campagnes Google Ads, jour par jour et "
                                + "par appareil, avec les groupes d’annonces et les annonces (API Google Ads "
                                + GoogleAdsApi.VERSION + ").",
                        "Spend, impressions, clicks and conversions of your Google Ads campaigns, day by day and by "
                                + "device, with ad groups and ads (Google Ads API " + GoogleAdsApi.VERSION + ")."),
                "1.0.0", Category.AD_NETWORK, null,
                URI.create("https://developers.google.com/google-ads/api/docs/start"),
                List.of(
                        SettingField.oauth2Account(GOOGLE_ACCOUNT, Text.of("Compte Google", "Google account")).asRequired()
                                .help(Text.of("Le compte Google avec lequel vous ouvrez Google Ads.",
                                        "The Google account you open Google Ads with."))
                                .group(account, 1),
                        SettingField.text(CUSTOMER_IDS, Text.of("Identifiant(s) client", "Customer id(s)"))
                                .pattern(ID + "(\\s*,\\s*" + ID + ")*", Text.of(
                                        "Des identifiants à 10 chiffres séparés par des virgules, par exemple 123-456-7890.",
                                        "10-digit ids separated by commas, for example 123-456-7890."))
                                .help(Text.of("En haut à droite de Google Ads (123-456-7890). Vide : tous les comptes "
                                                + "auxquels le compte Google accède directement.",
                                        "Top right in Google Ads (123-456-7890). Empty: every account the Google "
                                                + "account reaches directly."))
                                .group(account, 2),
                        SettingField.text(LOGIN_CUSTOMER_ID, Text.of("Compte administrateur (MCC)", "Manager account (MCC)"))
                                .pattern(ID, idHint)
                                .help(Text.of("Seulement si vous accédez aux comptes par un compte administrateur : "
                                                + "son identifiant (en-tête login-customer-id).",
                                        "Only if you reach the accounts through a manager account: its id "
                                                + "(login-customer-id header)."))
                                .group(account, 3),
                        SettingField.secret(DEVELOPER_TOKEN, Text.of("Jeton de développeur", "Developer token")).asRequired()
                                .help(Text.of("Dans le compte administrateur : Outils → Centre API. Il lui faut "
                                                + "l’accès « Basic » pour lire des comptes réels.",
                                        "In the manager account: Tools → API Center. It needs Basic access to read "
                                                + "real accounts."))
                                .group(account, 4),
                        SettingField.url(BASE_URL, Text.of("Adresse de l’API", "API address"))
                                .defaultValue(DEFAULT_BASE_URL)
                                .help(Text.of("À ne changer que pour un relais ou un test.",
                                        "Change only for a proxy or a test."))
                                .group(advanced, 1)),
                new OAuth2Spec(URI.create("https://accounts.google.com/o/oauth2/v2/auth"),
                        URI.create("https://oauth2.googleapis.com/token"),
                        List.of("https://www.googleapis.com/auth/adwords")));
    }

    @Override
    public CheckResult check(ConnectorContext context, Settings settings) {
        GoogleAdsApi api = api(context, settings);
        List<AccountRecord> accounts = accounts(api, settings, context, Set.of());
        String names = accounts.stream().limit(5).map(a -> a.name() + " (" + dashed(a.accountId()) + ")")
                .collect(Collectors.joining(", "));
        return CheckResult.ok(
                "Connecté à Google Ads : " + accounts.size() + " compte(s) (" + names + ").",
                "Connected to Google Ads: " + accounts.size() + " account(s) (" + names + ").");
    }

    @Override
    public Catalog discover(ConnectorContext context, Settings settings) {
        return new Catalog(accounts(api(context, settings), settings, context, Set.of()),
                Set.of(Stream.ACCOUNTS, Stream.CAMPAIGNS, Stream.AD_GROUPS, Stream.ADS, Stream.DAILY_METRICS));
    }

    @Override
    public void read(ConnectorContext context, ReadRequest request, RecordSink sink) {
        GoogleAdsApi api = api(context, request.settings());
        Map<String, LocalDate> synced = State.parse(request.state());
        for (AccountRecord account : accounts(api, request.settings(), context, request.accountIds())) {
            if (!request.accountIds().contains(account.accountId())) {
                continue;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new TransientException(Text.of("Lecture de Google Ads interrompue.", "Google Ads read interrupted."), null);
            }
            String id = account.accountId();
            if (request.streams().contains(Stream.ACCOUNTS)) {
                sink.accept(account);
            }
            if (request.streams().contains(Stream.CAMPAIGNS)) {
                for (GoogleAdsApi.Row row : api.searchStream(id, CAMPAIGN_QUERY)) {
                    CampaignRecord campaign = campaign(id, row);
                    if (campaign != null) {
                        sink.accept(campaign);
                    }
                }
            }
            if (request.streams().contains(Stream.AD_GROUPS)) {
                for (GoogleAdsApi.Row row : api.searchStream(id, AD_GROUP_QUERY)) {
                    String campaignId = row.text("campaign.id");
                    String adGroupId = row.text("adGroup.id");
                    if (campaignId != null && adGroupId != null) {
                        sink.accept(new AdGroupRecord(id, campaignId, adGroupId, clip(row.text("adGroup.name"), 500),
                                status(row.text("adGroup.status"))));
                    }
                }
            }
            if (request.streams().contains(Stream.ADS)) {
                for (GoogleAdsApi.Row row : api.searchStream(id, AD_QUERY)) {
                    AdRecord ad = ad(id, row);
                    if (ad != null) {
                        sink.accept(ad);
                    }
                }
            }
            LocalDate lastComplete = LocalDate.now(context.clock().withZone(account.timeZone())).minusDays(1);
            LocalDate start = request.from();
            LocalDate previous = synced.get(id);
            if (previous != null && previous.minusDays(REREAD_DAYS - 1).isAfter(start)) {
                start = previous.minusDays(REREAD_DAYS - 1);
            }
            boolean metrics = request.streams().contains(Stream.DAILY_METRICS);
            for (LocalDate from = start; !from.isAfter(request.to()); from = from.plusDays(DAYS_PER_CALL)) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new TransientException(Text.of("Lecture de Google Ads interrompue.", "Google Ads read interrupted."), null);
                }
                LocalDate to = from.plusDays(DAYS_PER_CALL - 1);
                if (to.isAfter(request.to())) {
                    to = request.to();
                }
                if (metrics) {
                    for (GoogleAdsApi.Row row : api.searchStream(id, METRICS_QUERY.formatted(from, to))) {
                        MetricRow metric = metric(account, row, from, to);
                        if (metric != null) {
                            sink.accept(metric);
                        }
                    }
                }
                LocalDate done = to.isAfter(lastComplete) ? lastComplete : to;
                if (previous == null || done.isAfter(previous)) {
                    synced.put(id, done);
                    previous = done;
                }
                sink.checkpoint(State.write(synced));
            }
        }
        sink.checkpoint(State.write(synced));
    }

    /** One row of the metrics query, or {@code null} when it falls outside the window or names no campaign. */
    static MetricRow metric(AccountRecord account, GoogleAdsApi.Row row, LocalDate from, LocalDate to) {
        String campaignId = row.text("campaign.id");
        LocalDate date = date(row.text("segments.date"));
        if (campaignId == null || date == null || date.isBefore(from) || date.isAfter(to)) {
            return null;
        }
        Long micros = row.count("metrics.costMicros");
        Measures measures = Measures.builder()
                .impressions(row.count("metrics.impressions"))
                .clicks(row.count("metrics.clicks"))
                .cost(micros == null ? null : cost(micros))
                .conversions(row.decimal("metrics.conversions"))
                .conversionValue(row.decimal("metrics.conversionsValue"))
                .videoViews(row.count("metrics.videoTrueviewViews"))
                .engagements(row.count("metrics.engagements"))
                .build();
        return new MetricRow(date, null, account.accountId(), campaignId, null, null,
                channel(row.text("campaign.advertisingChannelType")), device(row.text("segments.device")), null,
                account.currency(), measures);
    }

    /** {@code cost_micros} in the account's currency: exactly micros / 1,000,000. */
    static BigDecimal cost(long micros) {
        BigDecimal cost = BigDecimal.valueOf(micros).movePointLeft(6).stripTrailingZeros();
        return cost.scale() < 0 ? cost.setScale(0) : cost;
    }

    private static CampaignRecord campaign(String accountId, GoogleAdsApi.Row row) {
        String campaignId = row.text("campaign.id");
        if (campaignId == null) {
            return null;
        }
        LocalDate start = date(row.text("campaign.startDateTime"));
        LocalDate end = date(row.text("campaign.endDateTime"));
        if (end != null && (end.getYear() >= 2037 || (start != null && end.isBefore(start)))) {
            // Google's old "no end" sentinel (2037-12-30): open-ended.
            end = null;
        }
        String name = row.text("campaign.name");
        return new CampaignRecord(accountId, campaignId, clip(name == null ? "Campagne " + campaignId : name, 500),
                status(row.text("campaign.status")), channel(row.text("campaign.advertisingChannelType")), start, end);
    }

    private static AdRecord ad(String accountId, GoogleAdsApi.Row row) {
        String campaignId = row.text("campaign.id");
        String adId = row.text("adGroupAd.ad.id");
        if (campaignId == null || adId == null) {
            return null;
        }
        String name = row.text("adGroupAd.ad.name");
        if (name == null || name.isBlank()) {
            // Responsive search ads have no name: their first headline is what the user recognises.
            List<Object> headlines = JsonValues.array(row.get("adGroupAd.ad.responsiveSearchAd.headlines"));
            name = headlines.isEmpty() ? null : JsonValues.text(JsonValues.object(headlines.getFirst()).get("text"));
        }
        return new AdRecord(accountId, campaignId, row.text("adGroup.id"), adId, clip(name, 500),
                clip(row.text("adGroupAd.ad.type"), 100), status(row.text("adGroupAd.status")));
    }

    /** Google's {@code advertising_channel_type} → the schema's channel. */
    static Channel channel(String type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "SEARCH" -> Channel.SEARCH;
            case "DISPLAY", "DEMAND_GEN", "DISCOVERY" -> Channel.DISPLAY;
            case "VIDEO" -> Channel.VIDEO;
            case "SHOPPING" -> Channel.SHOPPING;
            // Performance Max, app (MULTI_CHANNEL), hotel, travel, local, smart campaigns span several channels.
            default -> Channel.OTHER;
        };
    }

    /** Google's {@code segments.device} → the schema's device. */
    static Device device(String device) {
        if (device == null) {
            return null;
        }
        return switch (device) {
            case "MOBILE" -> Device.MOBILE;
            case "DESKTOP" -> Device.DESKTOP;
            case "TABLET" -> Device.TABLET;
            // CONNECTED_TV, OTHER, UNKNOWN.
            default -> Device.OTHER;
        };
    }

    static EntityStatus status(String status) {
        if (status == null) {
            return EntityStatus.OTHER;
        }
        return switch (status) {
            case "ENABLED" -> EntityStatus.ACTIVE;
            case "PAUSED" -> EntityStatus.PAUSED;
            case "REMOVED" -> EntityStatus.REMOVED;
            default -> EntityStatus.OTHER;
        };
    }

    /** The first ten characters of a date or date-time ({@code 2026-01-01 00:00:00}) as a date, or {@code null}. */
    private static LocalDate date(String value) {
        if (value == null || value.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /**
     * The client accounts to sync: the configured ids, or every customer the Google account reaches
     * directly ({@code listAccessibleCustomers}) that is not a manager account (a manager has no figures
     * of its own). A listed customer this Google account may not read is skipped, unless it is in
     * {@code required} (an account the user chose to sync: losing access to it must be said).
     */
    private List<AccountRecord> accounts(GoogleAdsApi api, Settings settings, ConnectorContext context,
                                         Set<String> required) {
        List<String> accessible = api.listAccessibleCustomers();
        Set<String> wanted = settings.find(CUSTOMER_IDS)
                .map(v -> Arrays.stream(v.split(",")).map(GoogleAdsConnector::digits).filter(x -> !x.isEmpty())
                        .collect(Collectors.toCollection(LinkedHashSet::new)))
                .orElse(null);
        List<AccountRecord> accounts = new ArrayList<>();
        Map<String, Boolean> managers = new HashMap<>();
        Set<String> candidates = new LinkedHashSet<>(wanted != null ? wanted : accessible);
        if (!required.isEmpty()) {
            // A read asks only for the chosen accounts: the others are not even queried.
            candidates.retainAll(required);
        }
        for (String id : candidates) {
            List<GoogleAdsApi.Row> rows;
            try {
                rows = api.searchStream(id, CUSTOMER_QUERY);
            } catch (BadSettingsException e) {
                boolean customerOnly = CUSTOMER_IDS.equals(e.settingKey()) || LOGIN_CUSTOMER_ID.equals(e.settingKey());
                if (wanted != null || !customerOnly || required.contains(id)) {
                    throw e;
                }
                // A customer listed as accessible but not readable (cancelled, reached only via a manager): skipped.
                context.logger().info("Google Ads customer {} skipped: {}", id, e.getMessage());
                continue;
            }
            if (rows.isEmpty()) {
                continue;
            }
            GoogleAdsApi.Row row = rows.getFirst();
            if (Boolean.TRUE.equals(row.get("customer.manager"))) {
                managers.put(id, true);
                continue;
            }
            String name = row.text("customer.descriptiveName");
            String currency = row.text("customer.currencyCode");
            accounts.add(new AccountRecord(id, name == null || name.isBlank() ? dashed(id) : clip(name, 500),
                    currency != null && currency.matches("[A-Z]{3}") ? currency : null, zone(row.text("customer.timeZone"))));
        }
        if (accounts.isEmpty() && required.isEmpty()) {
            if (wanted != null && !managers.isEmpty()) {
                throw new BadSettingsException(CUSTOMER_IDS, Text.of(
                        "Ce sont des comptes administrateur, sans chiffres propres : saisissez l’identifiant d’un compte "
                                + "client et celui de l’administrateur dans « Compte administrateur ».",
                        "These are manager accounts, with no figures of their own: enter a client account's id, and the "
                                + "manager's in \"Manager account\"."));
            }
            throw new BadSettingsException(wanted != null ? CUSTOMER_IDS : GOOGLE_ACCOUNT, Text.of(
                    "Aucun compte client Google Ads n’est accessible"
                            + (managers.isEmpty() ? "" : " directement (seulement des comptes administrateur)")
                            + " : saisissez les identifiants des comptes clients et celui du compte administrateur.",
                    "No Google Ads client account is reachable"
                            + (managers.isEmpty() ? "" : " directly (manager accounts only)")
                            + ": enter the client accounts' ids and the manager account's id."));
        }
        return accounts;
    }

    /** The account's time zone (an IANA name); Google requires one, so a missing one is a broken answer. */
    static ZoneId zone(String timezone) {
        if (timezone == null || timezone.isBlank()) {
            throw new PermanentException(Text.of("Google Ads n’a pas donné le fuseau horaire du compte.",
                    "Google Ads did not give the account's time zone."), null);
        }
        try {
            return ZoneId.of(timezone.strip());
        } catch (DateTimeException e) {
            throw new PermanentException(Text.of("Fuseau horaire inconnu : " + timezone + ".",
                    "Unknown time zone: " + timezone + "."), e);
        }
    }

    static String digits(String id) {
        return id == null ? "" : id.replaceAll("[^0-9]", "");
    }

    private static String dashed(String id) {
        return id.length() == 10 ? id.substring(0, 3) + "-" + id.substring(3, 6) + "-" + id.substring(6) : id;
    }

    private static GoogleAdsApi api(ConnectorContext context, Settings settings) {
        URI base;
        try {
            base = settings.url(BASE_URL).orElse(URI.create(DEFAULT_BASE_URL));
        } catch (IllegalArgumentException e) {
            throw new BadSettingsException(BASE_URL, Text.of("Cette adresse n’est pas valide.", "This address is not valid."));
        }
        if (base.getHost() == null || !("https".equals(base.getScheme()) || "http".equals(base.getScheme()))) {
            throw new BadSettingsException(BASE_URL, Text.of(
                    "Saisissez une adresse complète, par exemple " + DEFAULT_BASE_URL + ".",
                    "Enter a full address, for example " + DEFAULT_BASE_URL + "."));
        }
        String login = settings.find(LOGIN_CUSTOMER_ID).map(GoogleAdsConnector::digits).filter(s -> !s.isEmpty()).orElse(null);
        String token = context.secrets().find(GOOGLE_ACCOUNT).filter(s -> !s.isBlank()).orElseThrow(() ->
                new BadSettingsException(GOOGLE_ACCOUNT, Text.of("Connectez un compte Google.", "Connect a Google account.")));
        return new GoogleAdsApi(context, base, token.strip(), context.secrets().get(DEVELOPER_TOKEN).strip(), login);
    }

    /** The read state: the last complete day synced per customer, {@code {"1234567890":"2026-11-22"}}. */
    static final class State {

        private State() {
        }

        static Map<String, LocalDate> parse(String state) {
            Map<String, LocalDate> days = new TreeMap<>();
            if (state == null || state.isBlank()) {
                return days;
            }
            try {
                JsonValues.object(JsonValues.parse(state)).forEach((customer, day) -> {
                    if (day instanceof String s) {
                        days.put(customer, LocalDate.parse(s));
                    }
                });
            } catch (RuntimeException e) {
                // An unreadable state means a full read, which is always safe.
                days.clear();
            }
            return days;
        }

        static String write(Map<String, LocalDate> days) {
            Map<String, Object> out = new TreeMap<>();
            days.forEach((customer, day) -> out.put(customer, day.toString()));
            return JsonValues.write(out);
        }
    }
}
