package com.campagne.plugins.ga4;

import com.campagne.connectors.api.AuthenticationExpiredException;
import com.campagne.connectors.api.BadSettingsException;
import com.campagne.connectors.api.Catalog;
import com.campagne.connectors.api.Category;
import com.campagne.connectors.api.CheckResult;
import com.campagne.connectors.api.Connector;
import com.campagne.connectors.api.ConnectorContext;
import com.campagne.connectors.api.ConnectorSpec;
import com.campagne.connectors.api.OAuth2Spec;
import com.campagne.connectors.api.PermanentException;
import com.campagne.connectors.api.RateLimitedException;
import com.campagne.connectors.api.ReadRequest;
import com.campagne.connectors.api.RecordSink;
import com.campagne.connectors.api.SettingField;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.api.Stream;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.api.TransientException;
import com.campagne.connectors.api.schema.AccountRecord;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Google Analytics 4 through the Data API v1beta: each configured property is an account (its name,
 * time zone and currency from the Admin API); per day, one {@code runReport} by default channel
 * group, session campaign and device gives sessions, users, new users, page views, key events,
 * purchase revenue and bounces (sessions minus engaged sessions). One grain only, so rows add up.
 */
@Extension
public class Ga4Connector implements Connector {

    static final String GOOGLE_ACCOUNT = "google_account";
    static final String PROPERTY_ID = "propertyId";
    static final String BASE_URL = "baseUrl";
    static final String ADMIN_BASE_URL = "adminBaseUrl";

    static final String SCOPE = "https://www.googleapis.com/auth/analytics.readonly";
    /** Rows per runReport page (the API allows up to 250,000; smaller pages keep memory flat). */
    static final int PAGE_SIZE = 10_000;
    /** Days per runReport: a month keeps pages few and checkpoints frequent. */
    static final int DAYS_PER_CALL = 31;
    /** Days re-read up to the last synced one: GA4 keeps processing a day's data for 24–48 hours. */
    static final int REREAD_DAYS = 3;

    static final List<String> DIMENSIONS = List.of("date", "sessionDefaultChannelGroup", "sessionCampaignName",
            "deviceCategory");
    static final List<String> METRICS = List.of("sessions", "totalUsers", "newUsers", "screenPageViews", "keyEvents",
            "purchaseRevenue", "engagedSessions");
    private static final DateTimeFormatter GA4_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    @Override
    public ConnectorSpec spec() {
        Text property = Text.of("Propriété Google Analytics", "Google Analytics property");
        Text advanced = Text.of("Avancé", "Advanced");
        return new ConnectorSpec("ga4",
                Text.of("Google Analytics 4", "Google Analytics 4"),
                Text.of("Sessions, utilisateurs, pages vues, événements clés et chiffre d’affaires de vos propriétés GA4, "
                                + "jour par jour, par canal, campagne et appareil (Data API v1beta).",
                        "Sessions, users, page views, key events and revenue of your GA4 properties, day by day, "
                                + "by channel, campaign and device (Data API v1beta)."),
                "1.0.0", Category.ANALYTICS, null,
                URI.create("https://developers.google.com/analytics/devguides/reporting/data/v1"),
                List.of(
                        SettingField.oauth2Account(GOOGLE_ACCOUNT, Text.of("Compte Google", "Google account")).asRequired()
                                .help(Text.of("Un compte Google qui a au moins le rôle « Lecteur » sur la propriété.",
                                        "A Google account with at least the \"Viewer\" role on the property."))
                                .group(property, 1),
                        SettingField.text(PROPERTY_ID, Text.of("Identifiant de propriété", "Property ID")).asRequired()
                                .pattern("\\d{1,20}(\\s*,\\s*\\d{1,20})*", Text.of(
                                        "Des chiffres, par exemple 123456789 ; plusieurs séparés par des virgules.",
                                        "Digits, for example 123456789; several separated by commas."))
                                .help(Text.of("Dans Google Analytics : Administration → Paramètres de la propriété → "
                                                + "Détails de la propriété, « ID de propriété ».",
                                        "In Google Analytics: Admin → Property settings → Property details, \"Property ID\"."))
                                .group(property, 2),
                        SettingField.url(BASE_URL, Text.of("Adresse de la Data API", "Data API address"))
                                .defaultValue(Ga4Api.DEFAULT_DATA_URL)
                                .help(Text.of("À ne changer que pour un relais ou un test.", "Change only for a proxy or a test."))
                                .group(advanced, 1),
                        SettingField.url(ADMIN_BASE_URL, Text.of("Adresse de l’Admin API", "Admin API address"))
                                .defaultValue(Ga4Api.DEFAULT_ADMIN_URL)
                                .help(Text.of("À ne changer que pour un relais ou un test.", "Change only for a proxy or a test."))
                                .group(advanced, 2)),
                new OAuth2Spec(URI.create("https://accounts.google.com/o/oauth2/v2/auth"),
                        URI.create("https://oauth2.googleapis.com/token"), List.of(SCOPE)));
    }

    @Override
    public CheckResult check(ConnectorContext context, Settings settings) {
        Ga4Api api = api(context, settings);
        List<AccountRecord> properties = properties(api, settings);
        for (AccountRecord property : properties) {
            // The Admin API may answer where the Data API refuses (another permission, API disabled).
            try {
                probe(api, property.accountId());
            } catch (Ga4Api.NoAccessException e) {
                throw noAccess(property.accountId());
            }
        }
        String names = String.join(", ", properties.stream().map(p -> p.name() + " (" + p.accountId() + ")").toList());
        return CheckResult.ok("Connecté à Google Analytics 4 : " + names + ".",
                "Connected to Google Analytics 4: " + names + ".");
    }

    @Override
    public Catalog discover(ConnectorContext context, Settings settings) {
        return new Catalog(properties(api(context, settings), settings),
                Set.of(Stream.ACCOUNTS, Stream.CAMPAIGNS, Stream.DAILY_METRICS));
    }

    @Override
    public void read(ConnectorContext context, ReadRequest request, RecordSink sink) {
        Ga4Api api = api(context, request.settings());
        Map<String, LocalDate> synced = State.parse(request.state());
        boolean metrics = request.streams().contains(Stream.DAILY_METRICS);
        boolean campaigns = request.streams().contains(Stream.CAMPAIGNS);
        for (String id : propertyIds(request.settings())) {
            if (!request.accountIds().contains(id)) {
                continue;
            }
            AccountRecord property = property(api, id);
            if (request.streams().contains(Stream.ACCOUNTS)) {
                sink.accept(property);
            }
            if (!metrics && !campaigns) {
                continue;
            }
            LocalDate lastComplete = LocalDate.now(context.clock().withZone(property.timeZone())).minusDays(1);
            LocalDate start = request.from();
            LocalDate previous = synced.get(id);
            if (previous != null && previous.minusDays(REREAD_DAYS - 1).isAfter(start)) {
                start = previous.minusDays(REREAD_DAYS - 1);
            }
            Set<String> campaignsSeen = new HashSet<>();
            for (LocalDate from = start; !from.isAfter(request.to()); from = from.plusDays(DAYS_PER_CALL)) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new TransientException(Text.of("Lecture de Google Analytics interrompue.",
                            "Google Analytics read interrupted."), null);
                }
                LocalDate to = from.plusDays(DAYS_PER_CALL - 1);
                if (to.isAfter(request.to())) {
                    to = request.to();
                }
                Quota quota = readDays(api, context, property, from, to, metrics, campaigns, campaignsSeen, sink);
                LocalDate done = to.isAfter(lastComplete) ? lastComplete : to;
                if (previous == null || done.isAfter(previous)) {
                    synced.put(id, done);
                    previous = done;
                }
                sink.checkpoint(State.write(synced));
                if (quota.exhausted() && to.isBefore(request.to())) {
                    // Every further call would be refused: stop at this checkpoint and let the host come back.
                    throw new RateLimitedException(quota.delay(context.clock().instant()), null);
                }
            }
        }
        sink.checkpoint(State.write(synced));
    }

    /** The remaining tokens of the property's quotas after a report ({@code null} when not told). */
    record Quota(Long perDay, Long perHour) {
        boolean exhausted() {
            return (perDay != null && perDay <= 0) || (perHour != null && perHour <= 0);
        }

        Duration delay(Instant now) {
            return Ga4Api.quotaDelay(perDay != null && perDay <= 0 ? "per day" : "per hour", now);
        }
    }

    private record Key(LocalDate date, String campaign, Channel channel, Device device) {
    }

    /** Reads one range of days of one property, every page, and emits its campaigns and rows. */
    private Quota readDays(Ga4Api api, ConnectorContext context, AccountRecord property, LocalDate from, LocalDate to,
                           boolean metrics, boolean campaigns, Set<String> campaignsSeen, RecordSink sink) {
        Map<Key, Measures> rows = new LinkedHashMap<>();
        String currency = property.currency();
        Quota quota = new Quota(null, null);
        long offset = 0;
        while (true) {
            Map<String, Object> answer;
            try {
                answer = api.runReport(property.accountId(), reportRequest(from, to, offset));
            } catch (Ga4Api.NoAccessException e) {
                throw noAccess(property.accountId());
            }
            Map<String, Object> metadata = JsonValues.object(answer.get("metadata"));
            String reported = JsonValues.text(metadata.get("currencyCode"));
            if (reported != null && reported.matches("[A-Z]{3}")) {
                currency = reported;
            }
            quota = quota(answer, quota);
            Map<String, Integer> dims = headers(answer.get("dimensionHeaders"));
            Map<String, Integer> mets = headers(answer.get("metricHeaders"));
            if (answer.isEmpty()) {
                throw new PermanentException(Text.of(
                        "Google Analytics a renvoyé un rapport vide de toute structure.",
                        "Google Analytics returned a report without any structure."), null);
            }
            List<Object> page = JsonValues.array(answer.get("rows"));
            for (Object item : page) {
                Map<String, Object> row = JsonValues.object(item);
                List<Object> dv = JsonValues.array(row.get("dimensionValues"));
                List<Object> mv = JsonValues.array(row.get("metricValues"));
                LocalDate day = date(value(dv, dims.get("date")));
                if (day == null || day.isBefore(from) || day.isAfter(to)) {
                    continue;
                }
                Key key = new Key(day, campaignId(value(dv, dims.get("sessionCampaignName"))),
                        channel(value(dv, dims.get("sessionDefaultChannelGroup"))),
                        device(value(dv, dims.get("deviceCategory"))));
                rows.merge(key, measures(mv, mets), Ga4Connector::sum);
            }
            long rowCount = orZero(JsonValues.count(answer.get("rowCount")));
            offset += page.size();
            if (page.isEmpty() || offset >= rowCount) {
                break;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new TransientException(Text.of("Lecture de Google Analytics interrompue.",
                        "Google Analytics read interrupted."), null);
            }
        }
        context.logger().info("GA4 property {} {}..{}: {} rows; tokens left today {}, this hour (the lower of property and project) {}",
                property.accountId(), from, to, rows.size(), quota.perDay(), quota.perHour());
        for (Map.Entry<Key, Measures> e : rows.entrySet()) {
            Key key = e.getKey();
            if (campaigns && key.campaign() != null && campaignsSeen.add(key.campaign())) {
                sink.accept(new CampaignRecord(property.accountId(), key.campaign(), key.campaign(), EntityStatus.OTHER,
                        null, null, null));
            }
            if (metrics) {
                Measures m = e.getValue();
                sink.accept(new MetricRow(key.date(), null, property.accountId(), key.campaign(), null, null,
                        key.channel(), key.device(), null, m.hasMoney() ? currency : null, m));
            }
        }
        return quota;
    }

    static Map<String, Object> reportRequest(LocalDate from, LocalDate to, long offset) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dateRanges", List.of(Map.of("startDate", from.toString(), "endDate", to.toString())));
        body.put("dimensions", DIMENSIONS.stream().map(d -> Map.of("name", d)).toList());
        body.put("metrics", METRICS.stream().map(m -> Map.of("name", m)).toList());
        // A total order, so that offset paging never skips or repeats a row.
        body.put("orderBys", DIMENSIONS.stream().map(d -> Map.of("dimension", Map.of("dimensionName", d))).toList());
        body.put("limit", PAGE_SIZE);
        body.put("offset", offset);
        body.put("keepEmptyRows", false);
        body.put("returnPropertyQuota", true);
        return body;
    }

    private static Quota quota(Map<String, Object> answer, Quota previous) {
        Map<String, Object> q = JsonValues.object(answer.get("propertyQuota"));
        if (q.isEmpty()) {
            return previous;
        }
        Long hour = JsonValues.count(JsonValues.object(q.get("tokensPerHour")).get("remaining"));
        // The project's share of a property's hourly tokens (14,000 of 40,000 on a standard property) runs out first.
        Long projectHour = JsonValues.count(JsonValues.object(q.get("tokensPerProjectPerHour")).get("remaining"));
        return new Quota(JsonValues.count(JsonValues.object(q.get("tokensPerDay")).get("remaining")),
                hour == null ? projectHour : projectHour == null ? hour : Math.min(hour, projectHour));
    }

    /** Header name → column, from {@code [{"name":"date"},…]}. */
    private static Map<String, Integer> headers(Object headers) {
        Map<String, Integer> columns = new HashMap<>();
        List<Object> list = JsonValues.array(headers);
        for (int i = 0; i < list.size(); i++) {
            String name = JsonValues.text(JsonValues.object(list.get(i)).get("name"));
            if (name != null) {
                columns.put(name, i);
            }
        }
        return columns;
    }

    private static Object value(List<Object> values, Integer column) {
        if (column == null || column >= values.size()) {
            return null;
        }
        return JsonValues.object(values.get(column)).get("value");
    }

    private static Measures measures(List<Object> values, Map<String, Integer> columns) {
        Long sessions = JsonValues.count(value(values, columns.get("sessions")));
        Long engaged = JsonValues.count(value(values, columns.get("engagedSessions")));
        return Measures.builder()
                .sessions(sessions)
                .users(JsonValues.count(value(values, columns.get("totalUsers"))))
                .newUsers(JsonValues.count(value(values, columns.get("newUsers"))))
                .pageViews(JsonValues.count(value(values, columns.get("screenPageViews"))))
                // GA4's bounce rate is 1 − engaged sessions ÷ sessions: the difference is the exact count.
                .bounces(sessions == null || engaged == null || engaged > sessions ? null : sessions - engaged)
                .conversions(nonNegative(value(values, columns.get("keyEvents"))))
                .conversionValue(nonNegative(value(values, columns.get("purchaseRevenue"))))
                .build();
    }

    private static Measures sum(Measures a, Measures b) {
        return Measures.builder()
                .sessions(add(a.sessions(), b.sessions()))
                .users(add(a.users(), b.users()))
                .newUsers(add(a.newUsers(), b.newUsers()))
                .pageViews(add(a.pageViews(), b.pageViews()))
                .bounces(add(a.bounces(), b.bounces()))
                .conversions(add(a.conversions(), b.conversions()))
                .conversionValue(add(a.conversionValue(), b.conversionValue()))
                .build();
    }

    private static Long add(Long a, Long b) {
        return a == null ? b : b == null ? a : a + b;
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    /** A measure that may not be negative (revenue net of refunds can be): negative is unknown. */
    private static BigDecimal nonNegative(Object value) {
        BigDecimal d = JsonValues.decimal(value);
        return d == null || d.signum() < 0 ? null : d;
    }

    static LocalDate date(Object value) {
        String text = JsonValues.text(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim(), GA4_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The campaign of a {@code sessionCampaignName}, or {@code null} for GA4's pseudo-campaigns in
     * parentheses ({@code (direct)}, {@code (organic)}, {@code (referral)}, {@code (not set)}, {@code (other)}…).
     */
    static String campaignId(Object value) {
        String name = JsonValues.text(value);
        if (name == null || name.isBlank()) {
            return null;
        }
        name = name.strip();
        if (name.startsWith("(") && name.endsWith(")")) {
            return null;
        }
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    /** GA4's default channel group → the schema's channel. */
    static Channel channel(Object value) {
        String group = JsonValues.text(value);
        if (group == null) {
            return Channel.OTHER;
        }
        return switch (group.strip().toLowerCase(Locale.ROOT)) {
            case "direct" -> Channel.DIRECT;
            case "organic search" -> Channel.ORGANIC_SEARCH;
            case "paid search" -> Channel.SEARCH;
            case "paid shopping" -> Channel.SHOPPING;
            case "paid social" -> Channel.SOCIAL;
            case "organic social" -> Channel.ORGANIC_SOCIAL;
            case "email" -> Channel.EMAIL;
            case "affiliates" -> Channel.AFFILIATE;
            case "referral" -> Channel.REFERRAL;
            case "display" -> Channel.DISPLAY;
            case "paid video" -> Channel.VIDEO;
            // Organic Shopping, Organic Video, Paid Other, Cross-network, Audio, SMS,
            // Mobile Push Notifications, Unassigned and any new group.
            default -> Channel.OTHER;
        };
    }

    /** GA4's device category → the schema's device. */
    static Device device(Object value) {
        String category = JsonValues.text(value);
        if (category == null) {
            return null;
        }
        return switch (category.strip().toLowerCase(Locale.ROOT)) {
            case "desktop" -> Device.DESKTOP;
            case "mobile" -> Device.MOBILE;
            case "tablet" -> Device.TABLET;
            default -> Device.OTHER;
        };
    }

    /** The configured properties, each described by the Admin API (or the Data API when Admin is not enabled). */
    private List<AccountRecord> properties(Ga4Api api, Settings settings) {
        List<AccountRecord> properties = new ArrayList<>();
        for (String id : propertyIds(settings)) {
            properties.add(property(api, id));
        }
        return properties;
    }

    private AccountRecord property(Ga4Api api, String id) {
        try {
            Map<String, Object> p;
            try {
                p = api.property(id);
            } catch (Ga4Api.ApiDisabledException e) {
                return fromReport(api, id);
            }
            String name = JsonValues.text(p.get("displayName"));
            String currency = JsonValues.text(p.get("currencyCode"));
            return new AccountRecord(id, name == null || name.isBlank() ? "GA4 " + id : name,
                    currency != null && currency.matches("[A-Z]{3}") ? currency : null, zone(JsonValues.text(p.get("timeZone"))));
        } catch (Ga4Api.NoAccessException e) {
            throw noAccess(id);
        }
    }

    private static BadSettingsException noAccess(String id) {
        return new BadSettingsException(PROPERTY_ID, Text.of(
                "Le compte Google connecté n’a pas accès à la propriété " + id + " (ou elle n’existe pas) : "
                        + "vérifiez l’identifiant et donnez au compte au moins le rôle « Lecteur ».",
                "The connected Google account cannot read property " + id + " (or it does not exist): "
                        + "check the id and give the account at least the \"Viewer\" role."));
    }

    /** A property described by a one-row report's metadata, when the Admin API is not enabled. */
    private AccountRecord fromReport(Ga4Api api, String id) {
        Map<String, Object> metadata = JsonValues.object(probe(api, id).get("metadata"));
        String currency = JsonValues.text(metadata.get("currencyCode"));
        return new AccountRecord(id, "GA4 " + id, currency != null && currency.matches("[A-Z]{3}") ? currency : null,
                zone(JsonValues.text(metadata.get("timeZone"))));
    }

    /** The smallest report (yesterday's sessions, one row): it costs a few quota tokens. */
    private static Map<String, Object> probe(Ga4Api api, String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dateRanges", List.of(Map.of("startDate", "yesterday", "endDate", "yesterday")));
        body.put("metrics", List.of(Map.of("name", "sessions")));
        body.put("limit", 1);
        return api.runReport(id, body);
    }

    static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timeZone.trim());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    static List<String> propertyIds(Settings settings) {
        String value = settings.get(PROPERTY_ID);
        List<String> ids = Arrays.stream(value.split(",")).map(String::strip).map(s -> s.replaceFirst("^properties/", ""))
                .filter(s -> !s.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new))
                .stream().toList();
        if (ids.isEmpty() || ids.stream().anyMatch(s -> !s.matches("\\d{1,20}"))) {
            throw new BadSettingsException(PROPERTY_ID, Text.of(
                    "Un identifiant de propriété GA4 n’a que des chiffres (123456789), pas l’ID de mesure G-XXXX.",
                    "A GA4 property id has digits only (123456789), not the G-XXXX measurement id."));
        }
        return ids;
    }

    private static Ga4Api api(ConnectorContext context, Settings settings) {
        String token = context.secrets().find(GOOGLE_ACCOUNT).orElse(null);
        if (token == null || token.isBlank()) {
            throw new AuthenticationExpiredException(Text.of("Connectez un compte Google pour lire Google Analytics.",
                    "Connect a Google account to read Google Analytics."), null);
        }
        return new Ga4Api(context, url(settings, BASE_URL, Ga4Api.DEFAULT_DATA_URL),
                url(settings, ADMIN_BASE_URL, Ga4Api.DEFAULT_ADMIN_URL), token);
    }

    private static URI url(Settings settings, String key, String fallback) {
        URI base;
        try {
            base = settings.url(key).orElse(URI.create(fallback));
        } catch (IllegalArgumentException e) {
            throw new BadSettingsException(key, Text.of("Cette adresse n’est pas valide.", "This address is not valid."));
        }
        if (base.getHost() == null || !("https".equals(base.getScheme()) || "http".equals(base.getScheme()))) {
            throw new BadSettingsException(key, Text.of("Saisissez une adresse complète, par exemple " + fallback + ".",
                    "Enter a full address, for example " + fallback + "."));
        }
        return base;
    }

    /** The read state: the last complete day synced per property, {@code {"123456789":"2026-11-22"}}. */
    static final class State {

        private State() {
        }

        static Map<String, LocalDate> parse(String state) {
            Map<String, LocalDate> days = new TreeMap<>();
            if (state == null || state.isBlank()) {
                return days;
            }
            try {
                JsonValues.object(JsonValues.parse(state)).forEach((id, day) -> {
                    if (day instanceof String s) {
                        days.put(id, LocalDate.parse(s));
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
            days.forEach((id, day) -> out.put(id, day.toString()));
            return JsonValues.write(out);
        }
    }
}
