package com.campagne.plugins.linkedinads;

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
import com.campagne.connectors.api.schema.EntityStatus;
import com.campagne.connectors.api.schema.Measures;
import com.campagne.connectors.api.schema.MetricRow;
import org.pf4j.Extension;

import java.math.BigDecimal;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * LinkedIn Ads through the versioned Marketing API: the ad accounts the connected member can see
 * ({@code adAccounts?q=search}), their campaigns ({@code adAccounts/{id}/adCampaigns?q=search}) and
 * the campaigns' daily figures ({@code adAnalytics?q=analytics&pivot=CAMPAIGN&timeGranularity=DAILY}).
 */
@Extension
public class LinkedInAdsConnector implements Connector {

    static final String LINKEDIN_ACCOUNT = "linkedin_account";
    static final String AD_ACCOUNT_IDS = "adAccountIds";
    static final String BASE_URL = "baseUrl";

    /** Elements per page of the search finders (cursor paging, at most 1,000). */
    static final int PAGE_SIZE = 100;
    /** Days per adAnalytics call: the finder has no paging and stops at 15,000 elements. */
    static final int DAYS_PER_CALL = 31;
    /** The most elements adAnalytics returns; a range that reaches it is read again in halves. */
    static final int ANALYTICS_CAP = 15_000;
    /** Days re-read up to the last synced one: conversions and spend keep moving for a few days. */
    static final int REREAD_DAYS = 3;
    private static final int MAX_PAGES = 1_000;

    static final List<String> FIELDS = List.of("dateRange", "pivotValues", "impressions", "clicks", "costInLocalCurrency",
            "externalWebsiteConversions", "conversionValueInLocalCurrency", "videoViews", "totalEngagements", "likes",
            "comments", "shares", "follows");

    @Override
    public ConnectorSpec spec() {
        Text account = Text.of("Compte LinkedIn", "LinkedIn account");
        Text advanced = Text.of("Avancé", "Advanced");
        return new ConnectorSpec("linkedin-ads",
                Text.of("LinkedIn Ads", "LinkedIn Ads"),
                Text.of("Vos campagnes LinkedIn Ads et leurs chiffres du jour : dépenses, impressions, clics, conversions, "
                                + "vues de vidéo et interactions (API Marketing versionnée).",
                        "Your LinkedIn Ads campaigns and their daily figures: spend, impressions, clicks, conversions, "
                                + "video views and engagement (versioned Marketing API)."),
                "1.0.0", Category.AD_NETWORK, null,
                URI.create("https://learn.microsoft.com/en-us/linkedin/marketing/integrations/ads-reporting/ads-reporting"),
                List.of(
                        SettingField.oauth2Account(LINKEDIN_ACCOUNT, Text.of("Compte LinkedIn", "LinkedIn account")).asRequired()
                                .help(Text.of("Un membre LinkedIn qui a au moins le rôle « Lecteur » sur les comptes publicitaires.",
                                        "A LinkedIn member with at least the \"Viewer\" role on the ad accounts."))
                                .group(account, 1),
                        SettingField.text(AD_ACCOUNT_IDS, Text.of("Comptes publicitaires", "Ad accounts"))
                                .pattern("\\d{1,20}(\\s*,\\s*\\d{1,20})*", Text.of(
                                        "Des identifiants en chiffres séparés par des virgules, par exemple 507404993.",
                                        "Numeric ids separated by commas, for example 507404993."))
                                .help(Text.of("Vide : tous les comptes que ce membre voit dans Campaign Manager.",
                                        "Empty: every account this member sees in Campaign Manager."))
                                .group(account, 2),
                        SettingField.url(BASE_URL, Text.of("Adresse de l’API", "API address"))
                                .defaultValue(LinkedInApi.DEFAULT_BASE_URL)
                                .help(Text.of("À ne changer que pour un relais ou un test.", "Change only for a proxy or a test."))
                                .group(advanced, 1)),
                new OAuth2Spec(URI.create("https://www.linkedin.com/oauth/v2/authorization"),
                        URI.create("https://www.linkedin.com/oauth/v2/accessToken"), List.of("r_ads", "r_ads_reporting")));
    }

    @Override
    public CheckResult check(ConnectorContext context, Settings settings) {
        List<AccountRecord> accounts = adAccounts(api(context, settings), settings);
        String names = String.join(", ", accounts.stream().map(a -> a.name() + " (" + a.accountId() + ")").toList());
        return CheckResult.ok("Connecté à LinkedIn Ads (API " + LinkedInApi.VERSION + ") : " + names + ".",
                "Connected to LinkedIn Ads (API " + LinkedInApi.VERSION + "): " + names + ".");
    }

    @Override
    public Catalog discover(ConnectorContext context, Settings settings) {
        return new Catalog(adAccounts(api(context, settings), settings),
                Set.of(Stream.ACCOUNTS, Stream.CAMPAIGNS, Stream.DAILY_METRICS));
    }

    @Override
    public void read(ConnectorContext context, ReadRequest request, RecordSink sink) {
        LinkedInApi api = api(context, request.settings());
        Map<String, LocalDate> synced = State.parse(request.state());
        LocalDate lastComplete = LocalDate.now(context.clock().withZone(ZoneOffset.UTC)).minusDays(1);
        for (AccountRecord account : adAccounts(api, request.settings())) {
            if (!request.accountIds().contains(account.accountId())) {
                continue;
            }
            if (request.streams().contains(Stream.ACCOUNTS)) {
                sink.accept(account);
            }
            if (request.streams().contains(Stream.CAMPAIGNS)) {
                campaigns(api, account.accountId(), sink);
            }
            if (!request.streams().contains(Stream.DAILY_METRICS)) {
                continue;
            }
            LocalDate start = request.from();
            LocalDate previous = synced.get(account.accountId());
            if (previous != null && previous.minusDays(REREAD_DAYS - 1).isAfter(start)) {
                start = previous.minusDays(REREAD_DAYS - 1);
            }
            for (LocalDate from = start; !from.isAfter(request.to()); from = from.plusDays(DAYS_PER_CALL)) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new TransientException(Text.of("Lecture de LinkedIn interrompue.", "LinkedIn read interrupted."), null);
                }
                LocalDate to = from.plusDays(DAYS_PER_CALL - 1);
                if (to.isAfter(request.to())) {
                    to = request.to();
                }
                for (MetricRow row : analytics(api, account, from, to)) {
                    sink.accept(row);
                }
                LocalDate done = to.isAfter(lastComplete) ? lastComplete : to;
                if (previous == null || done.isAfter(previous)) {
                    synced.put(account.accountId(), done);
                    previous = done;
                }
                sink.checkpoint(State.write(synced));
            }
        }
        sink.checkpoint(State.write(synced));
    }

    /** The daily rows of one account's campaigns over a range (halved until under adAnalytics' cap). */
    private List<MetricRow> analytics(LinkedInApi api, AccountRecord account, LocalDate from, LocalDate to) {
        String query = "q=analytics&pivot=CAMPAIGN&timeGranularity=DAILY&dateRange=" + dateRange(from, to)
                + "&accounts=List(" + LinkedInApi.restliValue("urn:li:sponsoredAccount:" + account.accountId()) + ")"
                + "&fields=" + String.join(",", FIELDS);
        List<Object> elements = JsonValues.array(api.get("adAnalytics", query).get("elements"));
        if (elements.size() >= ANALYTICS_CAP && from.isBefore(to)) {
            LocalDate middle = from.plusDays((to.toEpochDay() - from.toEpochDay()) / 2);
            List<MetricRow> rows = new ArrayList<>(analytics(api, account, from, middle));
            rows.addAll(analytics(api, account, middle.plusDays(1), to));
            return rows;
        }
        List<MetricRow> rows = new ArrayList<>();
        for (Object item : elements) {
            Map<String, Object> e = JsonValues.object(item);
            LocalDate day = date(JsonValues.object(JsonValues.object(e.get("dateRange")).get("start")));
            List<Object> pivots = JsonValues.array(e.get("pivotValues"));
            String campaign = pivots.isEmpty() ? null : urnId(JsonValues.text(pivots.getFirst()));
            if (day == null || campaign == null || day.isBefore(from) || day.isAfter(to)) {
                continue;
            }
            Measures measures = Measures.builder()
                    .impressions(JsonValues.count(e.get("impressions")))
                    .clicks(JsonValues.count(e.get("clicks")))
                    .cost(nonNegative(e.get("costInLocalCurrency")))
                    .conversions(nonNegative(e.get("externalWebsiteConversions")))
                    .conversionValue(nonNegative(e.get("conversionValueInLocalCurrency")))
                    .videoViews(JsonValues.count(e.get("videoViews")))
                    .engagements(JsonValues.count(e.get("totalEngagements")))
                    .likes(JsonValues.count(e.get("likes")))
                    .comments(JsonValues.count(e.get("comments")))
                    .shares(JsonValues.count(e.get("shares")))
                    .followers(JsonValues.count(e.get("follows")))
                    .build();
            rows.add(MetricRow.daily(day, account.accountId(), campaign, Channel.SOCIAL,
                    measures.hasMoney() ? account.currency() : null, measures));
        }
        return rows;
    }

    /** A Rest.li 2.0 date range: {@code (start:(year:2026,month:11,day:9),end:(year:2026,month:11,day:22))}. */
    static String dateRange(LocalDate from, LocalDate to) {
        return "(start:(year:" + from.getYear() + ",month:" + from.getMonthValue() + ",day:" + from.getDayOfMonth()
                + "),end:(year:" + to.getYear() + ",month:" + to.getMonthValue() + ",day:" + to.getDayOfMonth() + "))";
    }

    /** Emits the campaigns of one account, every page. */
    private void campaigns(LinkedInApi api, String accountId, RecordSink sink) {
        pages(api, "adAccounts/" + accountId + "/adCampaigns", e -> {
            String id = JsonValues.text(e.get("id"));
            if (id == null || id.isBlank()) {
                return;
            }
            String name = JsonValues.text(e.get("name"));
            Map<String, Object> schedule = JsonValues.object(e.get("runSchedule"));
            LocalDate start = epochDay(schedule.get("start"));
            LocalDate end = epochDay(schedule.get("end"));
            if (start != null && end != null && end.isBefore(start)) {
                end = null;
            }
            sink.accept(new CampaignRecord(accountId, id, name == null || name.isBlank() ? "Campagne " + id : name,
                    status(JsonValues.text(e.get("status"))), Channel.SOCIAL, start, end));
        });
    }

    /** Every element of a search finder, following {@code metadata.nextPageToken} (cursor paging). */
    private static void pages(LinkedInApi api, String path, Consumer<Map<String, Object>> each) {
        String token = null;
        Set<String> seen = new HashSet<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            String query = "q=search&pageSize=" + PAGE_SIZE + (token == null ? "" : "&pageToken=" + LinkedInApi.restliValue(token));
            Map<String, Object> answer = api.get(path, query);
            if (!answer.containsKey("elements")) {
                throw new PermanentException(Text.of(
                        "LinkedIn n’a pas renvoyé la liste attendue (" + path + ").",
                        "LinkedIn did not return the expected list (" + path + ")."), null);
            }
            for (Object item : JsonValues.array(answer.get("elements"))) {
                each.accept(JsonValues.object(item));
            }
            token = JsonValues.text(JsonValues.object(answer.get("metadata")).get("nextPageToken"));
            if (token == null || token.isBlank() || !seen.add(token)) {
                return;
            }
        }
    }

    static EntityStatus status(String status) {
        if (status == null) {
            return EntityStatus.OTHER;
        }
        return switch (status) {
            case "ACTIVE" -> EntityStatus.ACTIVE;
            case "PAUSED" -> EntityStatus.PAUSED;
            case "ARCHIVED", "CANCELED", "REMOVED", "PENDING_DELETION" -> EntityStatus.REMOVED;
            // COMPLETED, DRAFT and any new status.
            default -> EntityStatus.OTHER;
        };
    }

    /** The id at the end of a URN ({@code urn:li:sponsoredCampaign:612345678} → {@code 612345678}). */
    static String urnId(String urn) {
        if (urn == null || urn.isBlank()) {
            return null;
        }
        String id = urn.substring(urn.lastIndexOf(':') + 1).strip();
        return id.isEmpty() || id.length() > 255 ? null : id;
    }

    private static LocalDate date(Map<String, Object> date) {
        Long year = JsonValues.count(date.get("year"));
        Long month = JsonValues.count(date.get("month"));
        Long day = JsonValues.count(date.get("day"));
        if (year == null || month == null || day == null) {
            return null;
        }
        try {
            return LocalDate.of(year.intValue(), month.intValue(), day.intValue());
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalDate epochDay(Object millis) {
        Long value = JsonValues.count(millis);
        return value == null ? null : LocalDate.ofInstant(Instant.ofEpochMilli(value), ZoneOffset.UTC);
    }

    private static BigDecimal nonNegative(Object value) {
        BigDecimal d = JsonValues.decimal(value);
        return d == null || d.signum() < 0 ? null : d;
    }

    /** The ad accounts the member can see, restricted to the configured ids if any. */
    private List<AccountRecord> adAccounts(LinkedInApi api, Settings settings) {
        List<AccountRecord> accounts = new ArrayList<>();
        try {
            pages(api, "adAccounts", e -> {
                String id = JsonValues.text(e.get("id"));
                if (id == null || id.isBlank()) {
                    return;
                }
                String name = JsonValues.text(e.get("name"));
                String currency = JsonValues.text(e.get("currency"));
                // LinkedIn reports by UTC day whatever the member's or account's location.
                accounts.add(new AccountRecord(id, name == null || name.isBlank() ? "LinkedIn " + id : name,
                        currency != null && currency.matches("[A-Z]{3}") ? currency : null, ZoneOffset.UTC));
            });
        } catch (LinkedInApi.NoAccessException e) {
            throw new BadSettingsException(LINKEDIN_ACCOUNT, e.userMessage());
        }
        Set<String> wanted = settings.find(AD_ACCOUNT_IDS)
                .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(x -> !x.isEmpty())
                        .collect(Collectors.toCollection(LinkedHashSet::new)))
                .orElse(null);
        if (wanted != null) {
            Set<String> found = accounts.stream().map(AccountRecord::accountId).collect(Collectors.toSet());
            List<String> missing = wanted.stream().filter(id -> !found.contains(id)).toList();
            if (!missing.isEmpty()) {
                throw new BadSettingsException(AD_ACCOUNT_IDS, Text.of(
                        "Ce compte LinkedIn ne voit pas le(s) compte(s) publicitaire(s) " + String.join(", ", missing)
                                + " : vérifiez les identifiants ou demandez le rôle « Lecteur » dans Campaign Manager.",
                        "This LinkedIn account cannot see ad account(s) " + String.join(", ", missing)
                                + ": check the ids or ask for the \"Viewer\" role in Campaign Manager."));
            }
            accounts.removeIf(a -> !wanted.contains(a.accountId()));
        }
        if (accounts.isEmpty()) {
            throw new BadSettingsException(LINKEDIN_ACCOUNT, Text.of(
                    "Ce compte LinkedIn n’a accès à aucun compte publicitaire.",
                    "This LinkedIn account has access to no ad account."));
        }
        return accounts;
    }

    private static LinkedInApi api(ConnectorContext context, Settings settings) {
        String token = context.secrets().find(LINKEDIN_ACCOUNT).orElse(null);
        if (token == null || token.isBlank()) {
            throw new AuthenticationExpiredException(Text.of("Connectez un compte LinkedIn pour lire LinkedIn Ads.",
                    "Connect a LinkedIn account to read LinkedIn Ads."), null);
        }
        URI base;
        try {
            base = settings.url(BASE_URL).orElse(URI.create(LinkedInApi.DEFAULT_BASE_URL));
        } catch (IllegalArgumentException e) {
            throw new BadSettingsException(BASE_URL, Text.of("Cette adresse n’est pas valide.", "This address is not valid."));
        }
        if (base.getHost() == null || !("https".equals(base.getScheme()) || "http".equals(base.getScheme()))) {
            throw new BadSettingsException(BASE_URL, Text.of("Saisissez une adresse complète, par exemple "
                    + LinkedInApi.DEFAULT_BASE_URL + ".", "Enter a full address, for example " + LinkedInApi.DEFAULT_BASE_URL + "."));
        }
        return new LinkedInApi(context, base, token);
    }

    /** The read state: the last complete UTC day synced per ad account, {@code {"507404993":"2026-11-22"}}. */
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
