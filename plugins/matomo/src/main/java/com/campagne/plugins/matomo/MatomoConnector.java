package com.campagne.plugins.matomo;

import com.campagne.connectors.api.BadSettingsException;
import com.campagne.connectors.api.Catalog;
import com.campagne.connectors.api.Category;
import com.campagne.connectors.api.CheckResult;
import com.campagne.connectors.api.Connector;
import com.campagne.connectors.api.ConnectorContext;
import com.campagne.connectors.api.ConnectorSpec;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
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
 * Matomo (self-hosted or Matomo Cloud) through its Reporting API, Matomo 4 and 5: each site the
 * token may view is an account; per day it reads the site's visits ({@code VisitsSummary.get}),
 * page views ({@code Actions.get}), goals ({@code Goals.get}), the visits by channel
 * ({@code Referrers.getReferrerType}) and by campaign ({@code Referrers.getCampaigns}).
 *
 * <p>Rows come in three grains that must not be added together: the site's day (no campaign, no
 * channel), the same day by channel, and by campaign (see the plugin's README).
 */
@Extension
public class MatomoConnector implements Connector {

    static final String BASE_URL = "baseUrl";
    static final String TOKEN = "tokenAuth";
    static final String SITE_IDS = "siteIds";

    /** Days per request: a month of daily figures per call keeps answers small. */
    static final int DAYS_PER_CALL = 31;
    /** Days re-read before the last synced one: Matomo archives a day's figures after it ends. */
    static final int REREAD_DAYS = 2;

    @Override
    public ConnectorSpec spec() {
        Text instance = Text.of("Instance Matomo", "Matomo instance");
        return new ConnectorSpec("matomo",
                Text.of("Matomo", "Matomo"),
                Text.of("Visites, canaux, campagnes et objectifs de vos sites Matomo, jour par jour "
                                + "(API Reporting de Matomo 4 et 5).",
                        "Visits, channels, campaigns and goals of your Matomo sites, day by day "
                                + "(Matomo 4 and 5 Reporting API)."),
                "1.0.0", Category.ANALYTICS, null,
                URI.create("https://developer.matomo.org/api-reference/reporting-api"),
                List.of(
                        SettingField.url(BASE_URL, Text.of("Adresse de Matomo", "Matomo address")).asRequired()
                                .help(Text.of("L’adresse où vous ouvrez Matomo, par exemple https://stats.exemple.fr.",
                                        "The address where you open Matomo, for example https://stats.example.com."))
                                .group(instance, 1),
                        SettingField.secret(TOKEN, Text.of("Jeton d’authentification (token_auth)",
                                        "Authentication token (token_auth)")).asRequired()
                                .help(Text.of("Dans Matomo : Administration → Personnel → Sécurité → Jetons d’authentification.",
                                        "In Matomo: Administration → Personal → Security → Auth tokens."))
                                .group(instance, 2),
                        SettingField.text(SITE_IDS, Text.of("Sites (identifiants)", "Sites (ids)"))
                                .pattern("\\d+(\\s*,\\s*\\d+)*", Text.of(
                                        "Des identifiants de sites séparés par des virgules, par exemple 1, 3.",
                                        "Site ids separated by commas, for example 1, 3."))
                                .help(Text.of("Vide : tous les sites que le jeton peut voir.",
                                        "Empty: every site the token may view."))
                                .group(instance, 3)),
                null);
    }

    @Override
    public CheckResult check(ConnectorContext context, Settings settings) {
        try {
            return checkAccess(api(context, settings), settings);
        } catch (MatomoApi.NoAccessException e) {
            // At check time a token without access is a setting to change, shown at the token.
            throw new BadSettingsException(TOKEN, e.userMessage());
        }
    }

    private CheckResult checkAccess(MatomoApi api, Settings settings) {
        String version = JsonValues.text(JsonValues.object(api.call("API.getMatomoVersion", Map.of())).get("value"));
        if (version == null || version.isBlank()) {
            throw new PermanentException(Text.of(
                    "Matomo n’a pas donné sa version : vérifiez que l’adresse est celle de votre Matomo.",
                    "Matomo did not give its version: check that the address is the one of your Matomo."), null);
        }
        if (version.matches("[0-3]\\..*")) {
            throw new BadSettingsException(BASE_URL, Text.of(
                    "Matomo " + version + " est trop ancien : Campagne lit l’API de Matomo 4 et 5.",
                    "Matomo " + version + " is too old: Campagne reads the API of Matomo 4 and 5."));
        }
        List<AccountRecord> sites = sites(api, settings);
        String names = sites.stream().limit(5).map(AccountRecord::name).collect(Collectors.joining(", "));
        return CheckResult.ok(
                "Connecté à Matomo " + version + " : " + sites.size() + " site(s) accessible(s) (" + names + ").",
                "Connected to Matomo " + version + ": " + sites.size() + " site(s) available (" + names + ").");
    }

    @Override
    public Catalog discover(ConnectorContext context, Settings settings) {
        return new Catalog(sites(api(context, settings), settings),
                Set.of(Stream.ACCOUNTS, Stream.CAMPAIGNS, Stream.DAILY_METRICS));
    }

    @Override
    public void read(ConnectorContext context, ReadRequest request, RecordSink sink) {
        MatomoApi api = api(context, request.settings());
        Map<String, LocalDate> synced = State.parse(request.state());
        for (AccountRecord site : sites(api, request.settings())) {
            if (!request.accountIds().contains(site.accountId())) {
                continue;
            }
            if (request.streams().contains(Stream.ACCOUNTS)) {
                sink.accept(site);
            }
            LocalDate lastComplete = LocalDate.now(context.clock().withZone(site.timeZone())).minusDays(1);
            LocalDate start = request.from();
            LocalDate previous = synced.get(site.accountId());
            if (previous != null && previous.minusDays(REREAD_DAYS - 1).isAfter(start)) {
                start = previous.minusDays(REREAD_DAYS - 1);
            }
            Set<String> campaignsSeen = new HashSet<>();
            for (LocalDate from = start; !from.isAfter(request.to()); from = from.plusDays(DAYS_PER_CALL)) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new TransientException(Text.of("Lecture de Matomo interrompue.", "Matomo read interrupted."), null);
                }
                LocalDate to = from.plusDays(DAYS_PER_CALL - 1);
                if (to.isAfter(request.to())) {
                    to = request.to();
                }
                readDays(api, site, from, to, request.streams(), campaignsSeen, sink);
                LocalDate done = to.isAfter(lastComplete) ? lastComplete : to;
                if (previous == null || done.isAfter(previous)) {
                    synced.put(site.accountId(), done);
                    previous = done;
                }
                sink.checkpoint(State.write(synced));
            }
        }
        sink.checkpoint(State.write(synced));
    }

    /** Reads the figures of one site for a range of days and emits them, day by day. */
    private void readDays(MatomoApi api, AccountRecord site, LocalDate from, LocalDate to, Set<Stream> streams,
                          Set<String> campaignsSeen, RecordSink sink) {
        boolean metrics = streams.contains(Stream.DAILY_METRICS);
        boolean campaignsWanted = streams.contains(Stream.CAMPAIGNS);
        if (!metrics && !campaignsWanted) {
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("idSite", site.accountId());
        params.put("period", "day");
        params.put("date", from + "," + to);
        params.put("format_metrics", "0");
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("filter_limit", "-1");
        Map<String, Object> visits = Map.of();
        Map<String, Object> actions = Map.of();
        Map<String, Object> goals = Map.of();
        Map<String, Object> types = Map.of();
        if (metrics) {
            visits = JsonValues.object(api.call("VisitsSummary.get", params));
            actions = JsonValues.object(api.call("Actions.get", params));
            goals = JsonValues.object(api.call("Goals.get", params));
            types = JsonValues.object(api.call("Referrers.getReferrerType", all));
        }
        Map<String, Object> campaigns = JsonValues.object(api.call("Referrers.getCampaigns", all));
        String currency = site.currency();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            LocalDate day = d;
            String key = day.toString();
            if (metrics) {
                Map<String, Object> v = JsonValues.object(visits.get(key));
                Map<String, Object> a = JsonValues.object(actions.get(key));
                Map<String, Object> g = JsonValues.object(goals.get(key));
                if (!v.isEmpty() || !a.isEmpty() || !g.isEmpty()) {
                    Measures measures = Measures.builder()
                            .sessions(JsonValues.count(v.get("nb_visits")))
                            .users(JsonValues.count(v.get("nb_uniq_visitors")))
                            .bounces(JsonValues.count(v.get("bounce_count")))
                            .pageViews(JsonValues.count(a.get("nb_pageviews")))
                            .conversions(nonNegative(g.get("nb_conversions")))
                            .conversionValue(nonNegative(g.get("revenue")))
                            .build();
                    emit(sink, MetricRow.daily(day, site.accountId(), null, null, currency, measures));
                }
                Map<Channel, Measures> byChannel = new EnumMap<>(Channel.class);
                for (Object row : JsonValues.array(types.get(key))) {
                    Map<String, Object> r = JsonValues.object(row);
                    byChannel.merge(channel(JsonValues.text(r.get("segment")), JsonValues.text(r.get("label"))), breakdown(r),
                            MatomoConnector::sum);
                }
                byChannel.forEach((channel, measures) ->
                        emit(sink, MetricRow.daily(day, site.accountId(), null, channel, currency, measures)));
            }
            Map<String, Measures> byCampaign = new TreeMap<>();
            for (Object row : JsonValues.array(campaigns.get(key))) {
                Map<String, Object> r = JsonValues.object(row);
                String name = JsonValues.text(r.get("label"));
                if (name == null || name.isBlank()) {
                    continue;
                }
                String id = name.strip();
                if (id.length() > 255) {
                    id = id.substring(0, 255);
                }
                byCampaign.merge(id, breakdown(r), MatomoConnector::sum);
            }
            for (Map.Entry<String, Measures> e : byCampaign.entrySet()) {
                if (campaignsWanted && campaignsSeen.add(e.getKey())) {
                    sink.accept(new CampaignRecord(site.accountId(), e.getKey(), e.getKey(), EntityStatus.OTHER,
                            null, null, null));
                }
                if (metrics) {
                    emit(sink, MetricRow.daily(day, site.accountId(), e.getKey(), null, currency, e.getValue()));
                }
            }
        }
    }

    private static void emit(RecordSink sink, MetricRow row) {
        // A row of money needs a currency: a site without one keeps its visits, not its revenue.
        if (row.currency() == null && row.measures().hasMoney()) {
            Measures m = row.measures();
            row = new MetricRow(row.date(), row.hour(), row.accountId(), row.campaignId(), row.adGroupId(),
                    row.adId(), row.channel(), row.device(), row.country(), null,
                    new Measures(m.impressions(), m.clicks(), null, m.conversions(), null, m.sessions(), m.users(),
                            m.newUsers(), m.pageViews(), m.bounces(), null, null, null, null, null, null, null, null,
                            null, null, null, null));
        }
        sink.accept(row);
    }

    /** The measures of a row of a Referrers report (no page views there: {@code nb_actions} counts more than pages). */
    private static Measures breakdown(Map<String, Object> r) {
        return Measures.builder()
                .sessions(JsonValues.count(r.get("nb_visits")))
                .users(JsonValues.count(r.get("nb_uniq_visitors")))
                .bounces(JsonValues.count(r.get("bounce_count")))
                .conversions(nonNegative(r.get("nb_conversions")))
                .conversionValue(nonNegative(r.get("revenue")))
                .build();
    }

    /** Two rows that fall on the same key (two referrer types of one channel) add up. */
    private static Measures sum(Measures a, Measures b) {
        return Measures.builder()
                .sessions(add(a.sessions(), b.sessions()))
                .users(add(a.users(), b.users()))
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

    private static BigDecimal nonNegative(Object value) {
        BigDecimal d = JsonValues.decimal(value);
        return d == null || d.signum() < 0 ? null : d;
    }

    /**
     * The channel of a referrer type, from its segment ({@code referrerType==search}), which does not
     * depend on the instance's language, else from its English label.
     */
    static Channel channel(String segment, String label) {
        String type = segment != null && segment.startsWith("referrerType==")
                ? segment.substring("referrerType==".length())
                : label == null ? "" : label.toLowerCase(Locale.ROOT);
        if (type.startsWith("direct")) {
            return Channel.DIRECT;
        }
        if (type.startsWith("search")) {
            return Channel.ORGANIC_SEARCH;
        }
        if (type.startsWith("social")) {
            return Channel.ORGANIC_SOCIAL;
        }
        if (type.startsWith("website")) {
            return Channel.REFERRAL;
        }
        // Campaigns (any utm/mtm-tagged link: e-mail, ads, partners) and newer types such as AI assistants.
        return Channel.OTHER;
    }

    /** The sites the token may view, restricted to the configured ids if any. */
    private List<AccountRecord> sites(MatomoApi api, Settings settings) {
        Object answer = api.call("SitesManager.getSitesWithAtLeastViewAccess", Map.of());
        if (!(answer instanceof List<?>)) {
            throw new PermanentException(Text.of(
                    "Matomo n’a pas renvoyé la liste des sites attendue.", "Matomo did not return the expected list of sites."),
                    null);
        }
        List<AccountRecord> sites = new ArrayList<>();
        for (Object item : JsonValues.array(answer)) {
            Map<String, Object> s = JsonValues.object(item);
            String id = JsonValues.text(s.get("idsite"));
            if (id == null || id.isBlank()) {
                continue;
            }
            String name = JsonValues.text(s.get("name"));
            String currency = JsonValues.text(s.get("currency"));
            if (currency != null && !currency.matches("[A-Z]{3}")) {
                currency = null;
            }
            sites.add(new AccountRecord(id, name == null ? "Site " + id : name, currency, zone(JsonValues.text(s.get("timezone")))));
        }
        Set<String> wanted = settings.find(SITE_IDS)
                .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(x -> !x.isEmpty())
                        .collect(Collectors.toCollection(LinkedHashSet::new)))
                .orElse(null);
        if (wanted != null) {
            Set<String> found = sites.stream().map(AccountRecord::accountId).collect(Collectors.toSet());
            List<String> missing = wanted.stream().filter(id -> !found.contains(id)).toList();
            if (!missing.isEmpty()) {
                throw new BadSettingsException(SITE_IDS, Text.of(
                        "Ce jeton ne voit pas le(s) site(s) " + String.join(", ", missing)
                                + " : vérifiez les identifiants ou donnez l’accès « vue » à son utilisateur.",
                        "This token cannot view site(s) " + String.join(", ", missing)
                                + ": check the ids or give its user \"view\" access."));
            }
            sites.removeIf(s -> !wanted.contains(s.accountId()));
        }
        if (sites.isEmpty()) {
            throw new BadSettingsException(TOKEN, Text.of(
                    "Ce jeton ne donne accès à aucun site : donnez à son utilisateur l’accès « vue » à au moins un site.",
                    "This token gives access to no site: give its user \"view\" access to at least one site."));
        }
        return sites;
    }

    /** A Matomo time zone: an IANA name ({@code Europe/Paris}) or a manual offset ({@code UTC+5.5}, {@code UTC-3}). */
    static ZoneId zone(String timezone) {
        if (timezone == null || timezone.isBlank() || timezone.equals("UTC")) {
            return ZoneOffset.UTC;
        }
        if (timezone.startsWith("UTC")) {
            try {
                BigDecimal hours = new BigDecimal(timezone.substring(3));
                return ZoneOffset.ofTotalSeconds(hours.multiply(BigDecimal.valueOf(3600)).intValue());
            } catch (NumberFormatException | DateTimeException e) {
                return ZoneOffset.UTC;
            }
        }
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static MatomoApi api(ConnectorContext context, Settings settings) {
        URI base;
        try {
            base = settings.url(BASE_URL).orElseThrow(() -> new BadSettingsException(BASE_URL,
                    Text.of("Saisissez l’adresse de votre Matomo.", "Enter the address of your Matomo.")));
        } catch (IllegalArgumentException e) {
            throw new BadSettingsException(BASE_URL, Text.of("Cette adresse n’est pas valide.", "This address is not valid."));
        }
        if (base.getHost() == null || !("https".equals(base.getScheme()) || "http".equals(base.getScheme()))) {
            throw new BadSettingsException(BASE_URL, Text.of(
                    "Saisissez une adresse complète, par exemple https://stats.exemple.fr.",
                    "Enter a full address, for example https://stats.example.com."));
        }
        return new MatomoApi(context, base, context.secrets().get(TOKEN));
    }

    /** The read state: the last complete day synced per site, {@code {"1":"2026-11-22"}}. */
    static final class State {

        private State() {
        }

        static Map<String, LocalDate> parse(String state) {
            Map<String, LocalDate> days = new TreeMap<>();
            if (state == null || state.isBlank()) {
                return days;
            }
            try {
                JsonValues.object(JsonValues.parse(state)).forEach((site, day) -> {
                    if (day instanceof String s) {
                        days.put(site, LocalDate.parse(s));
                    }
                });
            } catch (RuntimeException e) {
                // An unreadable state (an older format) means a full read, which is always safe.
                days.clear();
            }
            return days;
        }

        static String write(Map<String, LocalDate> days) {
            Map<String, Object> out = new TreeMap<>();
            days.forEach((site, day) -> out.put(site, day.toString()));
            return JsonValues.write(out);
        }
    }
}
