package com.campagne.plugins.metaads;

import com.campagne.connectors.api.AuthenticationExpiredException;
import com.campagne.connectors.api.BadSettingsException;
import com.campagne.connectors.api.Catalog;
import com.campagne.connectors.api.Category;
import com.campagne.connectors.api.CheckResult;
import com.campagne.connectors.api.Choice;
import com.campagne.connectors.api.Connector;
import com.campagne.connectors.api.ConnectorContext;
import com.campagne.connectors.api.ConnectorException;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Meta ads (Facebook, Instagram, Messenger, Audience Network) through the Marketing API: the ad
 * accounts a token reaches, their campaigns, ad sets and ads, and the daily Insights of each ad by
 * device platform, read synchronously for short ranges and as an asynchronous report run for long ones.
 */
@Extension
public class MetaAdsConnector implements Connector {

    static final String ACCESS_TOKEN = "accessToken";
    static final String AD_ACCOUNTS = "adAccountIds";
    static final String CONVERSIONS = "conversionActions";
    static final String CUSTOM_ACTION_TYPES = "customActionTypes";
    static final String BASE_URL = "baseUrl";

    static final String DEFAULT_CONVERSIONS = "purchase,lead,complete_registration";
    static final String CUSTOM = "custom";

    /** Ranges up to this many days are read in one synchronous call; longer ones as asynchronous report runs. */
    static final int SYNC_MAX_DAYS = 31;
    /** Days of one asynchronous report run (Meta advises splitting big reports rather than failing one). */
    static final int ASYNC_BLOCK_DAYS = 90;
    /**
     * Days read again by an incremental read: with impression-day reporting and the default 7-day
     * click window, a purchase today counts on the day of an ad seen up to 7 days ago.
     */
    static final int REREAD_DAYS = 7;

    static final String INSIGHT_FIELDS = "campaign_id,adset_id,ad_id,date_start,date_stop,impressions,clicks,"
            + "inline_link_clicks,spend,actions,action_values,video_thruplay_watched_actions";
    private static final String ACCOUNT_FIELDS = "id,account_id,name,currency,timezone_name,account_status";
    private static final DateTimeFormatter META_INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private final Duration firstPoll;
    private final Duration longestReportWait;

    /** The connector as the host creates it. */
    public MetaAdsConnector() {
        this(Duration.ofSeconds(2), Duration.ofMinutes(30));
    }

    /** With other polling delays of asynchronous report runs (tests). */
    MetaAdsConnector(Duration firstPoll, Duration longestReportWait) {
        this.firstPoll = firstPoll;
        this.longestReportWait = longestReportWait;
    }

    @Override
    public ConnectorSpec spec() {
        Text account = Text.of("Compte Meta", "Meta account");
        Text conversions = Text.of("Conversions", "Conversions");
        Text advanced = Text.of("Avancé", "Advanced");
        return new ConnectorSpec("meta-ads",
                Text.of("Meta Ads (Facebook, Instagram)", "Meta Ads (Facebook, Instagram)"),
                Text.of("Vos comptes publicitaires Meta, leurs campagnes, ensembles de publicités et publicités, et leurs "
                                + "chiffres du jour par appareil : dépenses, impressions, clics sur les liens, conversions "
                                + "(Marketing API " + MetaApi.VERSION + ").",
                        "Your Meta ad accounts, their campaigns, ad sets and ads, and their daily figures by device: "
                                + "spend, impressions, link clicks, conversions (Marketing API " + MetaApi.VERSION + ")."),
                "1.0.0", Category.AD_NETWORK, null,
                URI.create("https://developers.facebook.com/docs/marketing-api/insights"),
                List.of(
                        SettingField.secret(ACCESS_TOKEN, Text.of("Jeton d’accès", "Access token")).asRequired()
                                .help(Text.of("Un jeton d’utilisateur système avec la permission ads_read : Meta Business Suite → "
                                                + "Paramètres → Utilisateurs → Utilisateurs système → Générer un jeton.",
                                        "A system user token with the ads_read permission: Meta Business Suite → Settings → "
                                                + "Users → System users → Generate new token."))
                                .group(account, 1),
                        SettingField.text(AD_ACCOUNTS, Text.of("Comptes publicitaires", "Ad accounts"))
                                .pattern("(act_)?\\d+(\\s*,\\s*(act_)?\\d+)*", Text.of(
                                        "Des identifiants de comptes séparés par des virgules, par exemple 1234567890, act_987654321.",
                                        "Account ids separated by commas, for example 1234567890, act_987654321."))
                                .help(Text.of("Vide : tous les comptes que le jeton atteint.",
                                        "Empty: every account the token reaches."))
                                .group(account, 2),
                        SettingField.choice(CONVERSIONS, Text.of("Ce qui compte comme conversion", "What counts as a conversion"),
                                        List.of(Choice.of(DEFAULT_CONVERSIONS, "Achats, prospects et inscriptions",
                                                        "Purchases, leads and registrations"),
                                                Choice.of("purchase", "Achats", "Purchases"),
                                                Choice.of("lead", "Prospects (formulaires et site)", "Leads (forms and website)"),
                                                Choice.of(CUSTOM, "Liste personnalisée (ci-dessous)", "Custom list (below)")))
                                .defaultValue(DEFAULT_CONVERSIONS)
                                .help(Text.of("Types d’actions de Meta additionnés dans « conversions » et leur valeur.",
                                        "Meta action types added up as \"conversions\" and their value."))
                                .group(conversions, 1),
                        SettingField.text(CUSTOM_ACTION_TYPES, Text.of("Types d’actions personnalisés", "Custom action types"))
                                .pattern("[a-z0-9_.]+(\\s*,\\s*[a-z0-9_.]+)*", Text.of(
                                        "Des types d’actions Meta séparés par des virgules, par exemple "
                                                + "offsite_conversion.fb_pixel_purchase, offsite_conversion.custom.123.",
                                        "Meta action types separated by commas, for example "
                                                + "offsite_conversion.fb_pixel_purchase, offsite_conversion.custom.123."))
                                .help(Text.of("Pour « Liste personnalisée » seulement. N’additionnez pas un total et sa partie "
                                                + "(purchase et offsite_conversion.fb_pixel_purchase) : ils seraient comptés deux fois.",
                                        "For \"Custom list\" only. Do not add a total and its part (purchase and "
                                                + "offsite_conversion.fb_pixel_purchase): they would count twice."))
                                .group(conversions, 2),
                        SettingField.url(BASE_URL, Text.of("Adresse de l’API", "API address"))
                                .defaultValue(MetaApi.DEFAULT_BASE_URL)
                                .help(Text.of("À ne changer que pour un relais ou un test.", "Change only for a proxy or a test."))
                                .group(advanced, 1)),
                null);
    }

    @Override
    public CheckResult check(ConnectorContext context, Settings settings) {
        MetaApi api = api(context, settings);
        conversionTypes(settings);
        List<AccountRecord> accounts = accounts(api, settings);
        String names = accounts.stream().limit(5).map(AccountRecord::name).collect(Collectors.joining(", "));
        Instant expires = expiry(api, context);
        return new CheckResult(Text.of(
                "Connecté à Meta : " + accounts.size() + " compte(s) publicitaire(s) (" + names + ").",
                "Connected to Meta: " + accounts.size() + " ad account(s) (" + names + ")."), expires);
    }

    /** When the token stops working ({@code GET /debug_token}); {@code null} when it never does or Meta does not say. */
    private static Instant expiry(MetaApi api, ConnectorContext context) {
        try {
            Map<String, Object> data = JsonValues.object(api.get("/debug_token",
                    Map.of("input_token", context.secrets().get(ACCESS_TOKEN))).get("data"));
            if (Boolean.FALSE.equals(data.get("is_valid"))) {
                throw new AuthenticationExpiredException();
            }
            Long at = JsonValues.count(data.get("expires_at"));
            return at == null || at == 0 ? null : Instant.ofEpochSecond(at);
        } catch (AuthenticationExpiredException e) {
            throw e;
        } catch (ConnectorException e) {
            // Some tokens may not inspect themselves: the expiry is then unknown, the token works.
            return null;
        }
    }

    @Override
    public Catalog discover(ConnectorContext context, Settings settings) {
        return new Catalog(accounts(api(context, settings), settings),
                Set.of(Stream.ACCOUNTS, Stream.CAMPAIGNS, Stream.AD_GROUPS, Stream.ADS, Stream.DAILY_METRICS));
    }

    @Override
    public void read(ConnectorContext context, ReadRequest request, RecordSink sink) {
        MetaApi api = api(context, request.settings());
        Set<String> conversionTypes = conversionTypes(request.settings());
        State state = State.parse(request.state());
        for (AccountRecord account : accounts(api, request.settings())) {
            String id = account.accountId();
            if (!request.accountIds().contains(id)) {
                continue;
            }
            if (request.streams().contains(Stream.ACCOUNTS)) {
                sink.accept(account);
            }
            readEntities(api, account, request.streams(), sink);
            if (!request.streams().contains(Stream.DAILY_METRICS)) {
                continue;
            }
            LocalDate lastComplete = LocalDate.now(context.clock().withZone(account.timeZone())).minusDays(1);
            LocalDate start = request.from();
            LocalDate previous = state.synced.get(id);
            if (previous != null && previous.minusDays(REREAD_DAYS - 1).isAfter(start)) {
                start = previous.minusDays(REREAD_DAYS - 1);
            }
            String path = "/act_" + id + "/insights";
            for (Block block : blocks(start, request.to(), previous)) {
                LocalDate from = block.from();
                LocalDate to = block.to();
                Map<String, String> params = insightParams(from, to);
                Map<RowKey, Totals> rows = new LinkedHashMap<>();
                boolean asReport = block.report();
                if (!asReport) {
                    Map<String, String> query = new LinkedHashMap<>(params);
                    query.put("limit", "500");
                    try {
                        api.forEachPage(path, query, page -> collect(page, from, to, conversionTypes, rows));
                    } catch (MetaApi.TooMuchDataException e) {
                        // Meta's documented way out of "reduce the amount of data": the same query as a report run.
                        context.logger().info("Meta: too much data for a synchronous call, {} to {} as a report run", from, to);
                        rows.clear();
                        asReport = true;
                    }
                }
                if (asReport) {
                    String run = report(api, context, id, path, params, from, to, state, sink);
                    api.forEachPage("/" + run + "/insights", Map.of("limit", "500"),
                            page -> collect(page, from, to, conversionTypes, rows));
                    state.reports.remove(id);
                }
                // Emitted once the whole block is read: two platforms of one device may come on two pages.
                rows.forEach((key, totals) -> sink.accept(new MetricRow(key.date(), null, id,
                        key.campaignId(), key.adSetId(), key.adId(), Channel.SOCIAL, key.device(), null,
                        account.currency(), totals.measures())));
                LocalDate done = to.isAfter(lastComplete) ? lastComplete : to;
                if (previous == null || done.isAfter(previous)) {
                    state.synced.put(id, done);
                    previous = done;
                }
                sink.checkpoint(state.write());
            }
        }
        sink.checkpoint(state.write());
    }

    /** Days read in one call or one report run. */
    record Block(LocalDate from, LocalDate to, boolean report) {
    }

    /**
     * The blocks of a read: up to 31 days in one synchronous call, longer ranges in report runs of 90
     * days. The re-read days of a long read come first on their own, so that the report runs after
     * them start on the same days when a read is tried again (and can take up its pending run).
     */
    static List<Block> blocks(LocalDate start, LocalDate end, LocalDate previous) {
        List<Block> blocks = new ArrayList<>();
        boolean async = ChronoUnit.DAYS.between(start, end) + 1 > SYNC_MAX_DAYS;
        LocalDate first = start;
        if (async && previous != null && !previous.isBefore(start) && previous.isBefore(end)) {
            blocks.add(new Block(start, previous, false));
            first = previous.plusDays(1);
        }
        int size = async ? ASYNC_BLOCK_DAYS : SYNC_MAX_DAYS;
        for (LocalDate from = first; !from.isAfter(end); from = from.plusDays(size)) {
            LocalDate to = from.plusDays(size - 1).isAfter(end) ? end : from.plusDays(size - 1);
            blocks.add(new Block(from, to, async));
        }
        return blocks;
    }

    /**
     * Runs a report for the block and waits for it; a run already started for the same days by a
     * read that did not finish (its id is in the state) is waited for instead of starting another.
     */
    private String report(MetaApi api, ConnectorContext context, String account, String path,
                          Map<String, String> params, LocalDate from, LocalDate to, State state, RecordSink sink) {
        State.Report pending = state.reports.get(account);
        if (pending != null && pending.since().equals(from) && pending.until().equals(to)) {
            context.logger().info("Meta: waiting again for report run {} ({} to {})", pending.run(), from, to);
            try {
                waitForReport(api, pending.run());
                return pending.run();
            } catch (ReportFailedException e) {
                state.reports.remove(account);
            } catch (PermanentException e) {
                // Meta no longer knows that run (expired, another token): a new one.
                state.reports.remove(account);
            }
        }
        String run = startReport(api, path, params);
        state.reports.put(account, new State.Report(run, from, to));
        // A read that dies while Meta computes resumes this run rather than queueing another.
        sink.checkpoint(state.write());
        try {
            waitForReport(api, run);
        } catch (ReportFailedException e) {
            state.reports.remove(account);
            sink.checkpoint(state.write());
            throw e;
        }
        return run;
    }

    static Map<String, String> insightParams(LocalDate from, LocalDate to) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("level", "ad");
        params.put("time_increment", "1");
        params.put("time_range", "{\"since\":\"" + from + "\",\"until\":\"" + to + "\"}");
        params.put("fields", INSIGHT_FIELDS);
        params.put("breakdowns", "device_platform");
        params.put("action_breakdowns", "action_type");
        // The attribution the advertiser chose in Ads Manager, so the figures match what they see there.
        params.put("use_unified_attribution_setting", "true");
        return params;
    }

    /** {@code POST /act_…/insights}: starts an asynchronous report run and returns its id. */
    private static String startReport(MetaApi api, String path, Map<String, String> params) {
        String id = JsonValues.text(api.post(path, params).get("report_run_id"));
        if (id == null || !id.matches("\\d+")) {
            throw new PermanentException(Text.of("Meta n’a pas donné d’identifiant de rapport (report_run_id) à POST " + path + ".",
                    "Meta gave no report id (report_run_id) to POST " + path + "."), null);
        }
        return id;
    }

    /** Polls {@code GET /{report_run_id}} until {@code async_status} is "Job Completed", waiting longer each time. */
    private void waitForReport(MetaApi api, String run) {
        long waited = 0;
        Duration delay = firstPoll;
        while (true) {
            Map<String, Object> report = api.get("/" + run, Map.of("fields", "id,async_status,async_percent_completion"));
            String status = JsonValues.text(report.get("async_status"));
            if ("Job Completed".equals(status)) {
                return;
            }
            if ("Job Failed".equals(status) || "Job Skipped".equals(status)) {
                throw new ReportFailedException(status);
            }
            if (waited >= longestReportWait.toMillis()) {
                throw new TransientException(Text.of(
                        "Le rapport de Meta n’est pas prêt après " + longestReportWait.toMinutes() + " min (" + status + ", "
                                + JsonValues.text(report.get("async_percent_completion")) + " %) : nouvel essai plus tard.",
                        "Meta's report is not ready after " + longestReportWait.toMinutes() + " min (" + status + ", "
                                + JsonValues.text(report.get("async_percent_completion")) + " %): it will be retried later."), null);
            }
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransientException(Text.of("Lecture de Meta interrompue.", "Meta read interrupted."), e);
            }
            waited += delay.toMillis();
            delay = delay.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : delay.multipliedBy(2);
        }
    }

    /** Meta gave up a report run; a new one is started by the next try. */
    static final class ReportFailedException extends TransientException {
        ReportFailedException(String status) {
            super(Text.of("Le rapport de Meta a échoué (« " + status + " ») : nouvel essai plus tard.",
                    "Meta's report failed (\"" + status + "\"): it will be retried later."), null);
        }
    }

    /** Adds one page of Insights rows to the block's totals, keyed as the host keys metric rows. */
    private static void collect(List<Object> page, LocalDate from, LocalDate to, Set<String> conversionTypes,
                                Map<RowKey, Totals> rows) {
        for (Object item : page) {
            Map<String, Object> row = JsonValues.object(item);
            LocalDate date = date(JsonValues.text(row.get("date_start")));
            String campaign = id(row.get("campaign_id"));
            String adSet = id(row.get("adset_id"));
            String ad = id(row.get("ad_id"));
            if (date == null || date.isBefore(from) || date.isAfter(to) || campaign == null) {
                continue;
            }
            RowKey key = new RowKey(date, campaign, adSet, ad, device(JsonValues.text(row.get("device_platform"))));
            rows.computeIfAbsent(key, k -> new Totals()).add(row, conversionTypes);
        }
    }

    /** Meta's {@code device_platform}: {@code desktop}, {@code mobile_app}, {@code mobile_web}. */
    static Device device(String platform) {
        if (platform == null || platform.isBlank()) {
            return null;
        }
        return switch (platform) {
            case "desktop" -> Device.DESKTOP;
            case "mobile_app", "mobile_web", "mobile" -> Device.MOBILE;
            default -> Device.OTHER;
        };
    }

    private static void readEntities(MetaApi api, AccountRecord account, Set<Stream> streams, RecordSink sink) {
        String act = "/act_" + account.accountId();
        if (streams.contains(Stream.CAMPAIGNS)) {
            api.forEachPage(act + "/campaigns", Map.of("fields", "id,name,status,effective_status,objective,start_time,stop_time",
                    "limit", "200"), page -> {
                for (Object item : page) {
                    Map<String, Object> c = JsonValues.object(item);
                    String id = id(c.get("id"));
                    if (id == null) {
                        continue;
                    }
                    LocalDate start = day(JsonValues.text(c.get("start_time")), account.timeZone());
                    LocalDate end = day(JsonValues.text(c.get("stop_time")), account.timeZone());
                    if (start != null && end != null && end.isBefore(start)) {
                        end = null;
                    }
                    sink.accept(new CampaignRecord(account.accountId(), id, name(c, "Campagne ", id),
                            status(JsonValues.text(c.get("effective_status")), JsonValues.text(c.get("status"))),
                            Channel.SOCIAL, start, end));
                }
            });
        }
        if (streams.contains(Stream.AD_GROUPS)) {
            api.forEachPage(act + "/adsets", Map.of("fields", "id,name,campaign_id,status,effective_status",
                    "limit", "200"), page -> {
                for (Object item : page) {
                    Map<String, Object> s = JsonValues.object(item);
                    String id = id(s.get("id"));
                    String campaign = id(s.get("campaign_id"));
                    if (id != null && campaign != null) {
                        sink.accept(new AdGroupRecord(account.accountId(), campaign, id, name(s, "Ensemble ", id),
                                status(JsonValues.text(s.get("effective_status")), JsonValues.text(s.get("status")))));
                    }
                }
            });
        }
        if (streams.contains(Stream.ADS)) {
            api.forEachPage(act + "/ads", Map.of("fields", "id,name,campaign_id,adset_id,status,effective_status",
                    "limit", "200"), page -> {
                for (Object item : page) {
                    Map<String, Object> a = JsonValues.object(item);
                    String id = id(a.get("id"));
                    String campaign = id(a.get("campaign_id"));
                    if (id != null && campaign != null) {
                        sink.accept(new AdRecord(account.accountId(), campaign, id(a.get("adset_id")), id,
                                name(a, "Publicité ", id), null,
                                status(JsonValues.text(a.get("effective_status")), JsonValues.text(a.get("status")))));
                    }
                }
            });
        }
    }

    /** {@code effective_status} (which says a paused parent too), else the configured {@code status}. */
    static EntityStatus status(String effective, String configured) {
        String status = effective != null ? effective : configured;
        if (status == null) {
            return EntityStatus.OTHER;
        }
        return switch (status) {
            case "ACTIVE" -> EntityStatus.ACTIVE;
            case "PAUSED", "CAMPAIGN_PAUSED", "ADSET_PAUSED" -> EntityStatus.PAUSED;
            case "DELETED", "ARCHIVED" -> EntityStatus.REMOVED;
            // PENDING_REVIEW, DISAPPROVED, PREAPPROVED, PENDING_BILLING_INFO, IN_PROCESS, WITH_ISSUES.
            default -> EntityStatus.OTHER;
        };
    }

    /** The ad accounts of the token ({@code GET /me/adaccounts}), restricted to the configured ids if any. */
    private static List<AccountRecord> accounts(MetaApi api, Settings settings) {
        Set<String> wanted = settings.find(AD_ACCOUNTS).map(v -> Arrays.stream(v.split(","))
                        .map(s -> s.strip().replaceFirst("^act_", "")).filter(s -> !s.isEmpty())
                        .collect(Collectors.toCollection(LinkedHashSet::new)))
                .orElse(null);
        List<AccountRecord> accounts = new ArrayList<>();
        api.forEachPage("/me/adaccounts", Map.of("fields", ACCOUNT_FIELDS, "limit", "100"), page -> {
            for (Object item : page) {
                Map<String, Object> a = JsonValues.object(item);
                String id = id(a.get("account_id"));
                if (id == null) {
                    id = id(JsonValues.text(a.get("id")) == null ? null : JsonValues.text(a.get("id")).replaceFirst("^act_", ""));
                }
                if (id == null || (wanted != null && !wanted.contains(id))) {
                    continue;
                }
                String currency = JsonValues.text(a.get("currency"));
                accounts.add(new AccountRecord(id, name(a, "Compte ", id),
                        currency == null || !currency.matches("[A-Z]{3}") ? null : currency,
                        zone(JsonValues.text(a.get("timezone_name")))));
            }
        });
        if (accounts.isEmpty()) {
            throw wanted != null
                    ? new BadSettingsException(AD_ACCOUNTS, Text.of(
                    "Le jeton n’atteint aucun de ces comptes publicitaires : vérifiez les identifiants et le rôle de l’utilisateur système sur ces comptes.",
                    "The token reaches none of these ad accounts: check the ids and the system user's role on those accounts."))
                    : new BadSettingsException(ACCESS_TOKEN, Text.of(
                    "Le jeton n’atteint aucun compte publicitaire : attribuez un compte à l’utilisateur système dans Business Manager.",
                    "The token reaches no ad account: assign an account to the system user in Business Manager."));
        }
        return accounts;
    }

    /** The action types counted as conversions. */
    static Set<String> conversionTypes(Settings settings) {
        String choice = settings.find(CONVERSIONS).orElse(DEFAULT_CONVERSIONS);
        String list = choice;
        if (CUSTOM.equals(choice)) {
            list = settings.find(CUSTOM_ACTION_TYPES).orElseThrow(() -> new BadSettingsException(CUSTOM_ACTION_TYPES,
                    Text.of("Saisissez les types d’actions à compter, ou choisissez une liste prédéfinie.",
                            "Enter the action types to count, or choose a predefined list.")));
        }
        Set<String> types = Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (types.isEmpty() || types.stream().anyMatch(t -> !t.matches("[a-z0-9_.]+"))) {
            throw new BadSettingsException(CUSTOM.equals(choice) ? CUSTOM_ACTION_TYPES : CONVERSIONS,
                    Text.of("Types d’actions non reconnus : « " + list + " ».", "Action types not recognised: \"" + list + "\"."));
        }
        return types;
    }

    private static ZoneId zone(String name) {
        try {
            return name == null ? ZoneOffset.UTC : ZoneId.of(name);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static String name(Map<String, Object> object, String prefix, String id) {
        String name = JsonValues.text(object.get("name"));
        return name == null || name.isBlank() ? prefix + id : name.length() > 500 ? name.substring(0, 500) : name;
    }

    private static String id(Object value) {
        String id = JsonValues.text(value);
        return id == null || id.isBlank() || id.length() > 255 ? null : id.strip();
    }

    private static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The day of Meta's instant ({@code 2026-11-02T09:00:00+0100}) in the account's zone. */
    static LocalDate day(String dateTime, ZoneId zone) {
        if (dateTime == null || dateTime.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(dateTime.strip(), META_INSTANT).atZoneSameInstant(zone).toLocalDate();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(dateTime.strip()).atZoneSameInstant(zone).toLocalDate();
            } catch (DateTimeParseException e2) {
                return date(dateTime.length() >= 10 ? dateTime.substring(0, 10) : dateTime);
            }
        }
    }

    private static MetaApi api(ConnectorContext context, Settings settings) {
        URI base;
        try {
            base = settings.url(BASE_URL).orElse(URI.create(MetaApi.DEFAULT_BASE_URL));
        } catch (IllegalArgumentException e) {
            throw new BadSettingsException(BASE_URL, Text.of("Cette adresse n’est pas valide.", "This address is not valid."));
        }
        if (base.getHost() == null || !("https".equals(base.getScheme()) || "http".equals(base.getScheme()))) {
            throw new BadSettingsException(BASE_URL, Text.of("Saisissez une adresse complète, par exemple "
                    + MetaApi.DEFAULT_BASE_URL + ".", "Enter a full address, for example " + MetaApi.DEFAULT_BASE_URL + "."));
        }
        return new MetaApi(context, base, context.secrets().get(ACCESS_TOKEN));
    }

    /** The key the host gives a metric row (the account and channel are the same for the whole block). */
    record RowKey(LocalDate date, String campaignId, String adSetId, String adId, Device device) {
    }

    /** The figures of one key, added up over the Insights rows that fall on it (mobile app and mobile web). */
    static final class Totals {
        private Long impressions;
        private Long clicks;
        private BigDecimal cost;
        private BigDecimal conversions;
        private BigDecimal conversionValue;
        private boolean valueUnknown;
        private Long videoViews;
        private Long engagements;
        private Long likes;
        private Long comments;
        private Long shares;

        void add(Map<String, Object> row, Set<String> conversionTypes) {
            impressions = plus(impressions, JsonValues.count(row.get("impressions")));
            clicks = plus(clicks, JsonValues.count(row.get("inline_link_clicks")));
            cost = plus(cost, nonNegative(row.get("spend")));
            Map<String, BigDecimal> actions = actions(row.get("actions"));
            Map<String, BigDecimal> values = actions(row.get("action_values"));
            // Meta leaves out action types that did not happen: none of them is a measured zero.
            BigDecimal converted = BigDecimal.ZERO;
            BigDecimal value = null;
            for (String type : conversionTypes) {
                converted = converted.add(actions.getOrDefault(type, BigDecimal.ZERO));
                if (values.containsKey(type)) {
                    value = plus(value, values.get(type));
                }
            }
            conversions = plus(conversions, converted);
            if (value == null && converted.signum() > 0) {
                // Conversions without a value (leads): the value is unknown, not zero.
                valueUnknown = true;
            }
            conversionValue = plus(conversionValue, value == null ? BigDecimal.ZERO : value);
            Map<String, BigDecimal> thruPlays = actions(row.get("video_thruplay_watched_actions"));
            if (!thruPlays.isEmpty()) {
                videoViews = plus(videoViews, whole(thruPlays.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
            }
            engagements = plus(engagements, whole(actions.get("post_engagement")));
            likes = plus(likes, whole(actions.get("post_reaction")));
            comments = plus(comments, whole(actions.get("comment")));
            shares = plus(shares, whole(actions.get("post")));
        }

        Measures measures() {
            return Measures.builder()
                    .impressions(impressions)
                    .clicks(clicks)
                    .cost(cost)
                    .conversions(conversions)
                    .conversionValue(valueUnknown ? null : conversionValue)
                    .videoViews(videoViews)
                    .engagements(engagements)
                    .likes(likes)
                    .comments(comments)
                    .shares(shares)
                    .build();
        }

        /** {@code [{"action_type":"purchase","value":"3"}, …]} as a map; types repeated add up. */
        private static Map<String, BigDecimal> actions(Object list) {
            Map<String, BigDecimal> byType = new TreeMap<>();
            for (Object item : JsonValues.array(list)) {
                Map<String, Object> action = JsonValues.object(item);
                String type = JsonValues.text(action.get("action_type"));
                BigDecimal value = nonNegative(action.get("value"));
                if (type != null && value != null) {
                    byType.merge(type, value, BigDecimal::add);
                }
            }
            return byType;
        }

        private static BigDecimal nonNegative(Object value) {
            BigDecimal d = JsonValues.decimal(value);
            return d == null || d.signum() < 0 ? null : d;
        }

        private static Long whole(BigDecimal value) {
            return value == null ? null : value.longValue();
        }

        private static Long plus(Long a, Long b) {
            if (a == null || b == null) {
                // Not a ternary: a + b would unbox the null.
                return a == null ? b : a;
            }
            return a + b;
        }

        private static BigDecimal plus(BigDecimal a, BigDecimal b) {
            return a == null ? b : b == null ? a : a.add(b);
        }
    }

    /**
     * The read state: the last complete day read of each account, and while a report run is computed
     * its id and days: {@code {"1234567890":"2026-11-22","reports":{"1234567890":{"run":"602…","since":…,"until":…}}}}.
     */
    static final class State {

        private static final String REPORTS = "reports";

        final Map<String, LocalDate> synced = new TreeMap<>();
        final Map<String, Report> reports = new TreeMap<>();

        /** A report run being computed for an account. */
        record Report(String run, LocalDate since, LocalDate until) {
        }

        static State parse(String text) {
            State state = new State();
            if (text == null || text.isBlank()) {
                return state;
            }
            try {
                JsonValues.object(JsonValues.parse(text)).forEach((key, value) -> {
                    if (REPORTS.equals(key)) {
                        JsonValues.object(value).forEach((account, report) -> {
                            Map<String, Object> r = JsonValues.object(report);
                            String run = JsonValues.text(r.get("run"));
                            LocalDate since = date(JsonValues.text(r.get("since")));
                            LocalDate until = date(JsonValues.text(r.get("until")));
                            if (run != null && run.matches("\\d+") && since != null && until != null) {
                                state.reports.put(account, new Report(run, since, until));
                            }
                        });
                    } else {
                        LocalDate day = date(JsonValues.text(value));
                        if (day != null) {
                            state.synced.put(key, day);
                        }
                    }
                });
            } catch (RuntimeException e) {
                // An unreadable state means a full read, which is always safe.
                return new State();
            }
            return state;
        }

        String write() {
            Map<String, Object> map = new TreeMap<>();
            synced.forEach((account, day) -> map.put(account, day.toString()));
            if (!reports.isEmpty()) {
                Map<String, Object> runs = new TreeMap<>();
                reports.forEach((account, r) -> {
                    Map<String, Object> run = new LinkedHashMap<>();
                    run.put("run", r.run());
                    run.put("since", r.since().toString());
                    run.put("until", r.until().toString());
                    runs.put(account, run);
                });
                map.put(REPORTS, runs);
            }
            return JsonValues.write(map);
        }
    }
}
