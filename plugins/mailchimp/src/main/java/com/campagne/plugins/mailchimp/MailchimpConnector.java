package com.campagne.plugins.mailchimp;

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

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mailchimp through its Marketing API 3.0: the account of the API key, and the reports of its sent
 * campaigns ({@code GET /reports}) as campaigns and one row of e-mail figures on each sending day.
 */
@Extension
public class MailchimpConnector implements Connector {

    static final String API_KEY = "apiKey";
    static final String BASE_URL = "baseUrl";

    /** Reports per page (Mailchimp allows up to 1,000; smaller pages checkpoint more often). */
    static final int PAGE_SIZE = 100;
    /** Reports keep moving (late opens, clicks, unsubscriptions) for weeks after sending. */
    static final int REREAD_DAYS = 30;
    private static final int MAX_PAGES = 10_000;
    private static final DateTimeFormatter MAILCHIMP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    @Override
    public ConnectorSpec spec() {
        Text account = Text.of("Compte Mailchimp", "Mailchimp account");
        Text advanced = Text.of("Avancé", "Advanced");
        return new ConnectorSpec("mailchimp",
                Text.of("Mailchimp", "Mailchimp"),
                Text.of("Vos campagnes e-mail envoyées et leurs rapports (envois, rebonds, ouvertures, clics, "
                                + "désinscriptions) (Marketing API 3.0).",
                        "Your sent e-mail campaigns and their reports (sends, bounces, opens, clicks, unsubscriptions) "
                                + "(Marketing API 3.0)."),
                "1.0.0", Category.EMAILING, null,
                URI.create("https://mailchimp.com/developer/marketing/api/reports/"),
                List.of(
                        SettingField.secret(API_KEY, Text.of("Clé API", "API key")).asRequired()
                                .help(Text.of("Dans Mailchimp : Profil → Extras → Clés API → Créer une clé. "
                                                + "Elle finit par votre centre de données (…-us21).",
                                        "In Mailchimp: Profile → Extras → API keys → Create a key. "
                                                + "It ends with your data centre (…-us21)."))
                                .group(account, 1),
                        SettingField.url(BASE_URL, Text.of("Adresse de l’API", "API address"))
                                .help(Text.of("Vide : déduite de la clé (https://us21.api.mailchimp.com/3.0). "
                                                + "À ne remplir que pour un relais ou un test.",
                                        "Empty: taken from the key (https://us21.api.mailchimp.com/3.0). "
                                                + "Fill in only for a proxy or a test."))
                                .group(advanced, 1)),
                null);
    }

    @Override
    public CheckResult check(ConnectorContext context, Settings settings) {
        MailchimpApi api = api(context, settings);
        // The documented health check first: a refused key fails here, before anything else is read.
        api.get("/ping");
        Map<String, Object> root = JsonValues.object(api.get("/"));
        AccountRecord record = account(root);
        String email = JsonValues.text(root.get("email"));
        return CheckResult.ok(
                "Connecté à Mailchimp : « " + record.name() + " »" + (email == null ? "" : " (" + email + ")") + ".",
                "Connected to Mailchimp: \"" + record.name() + "\"" + (email == null ? "" : " (" + email + ")") + ".");
    }

    @Override
    public Catalog discover(ConnectorContext context, Settings settings) {
        MailchimpApi api = api(context, settings);
        AccountRecord account = account(JsonValues.object(api.get("/")));
        // Audiences are shown for information: the unified schema has no stream for them (yet).
        Map<String, Object> lists = JsonValues.object(api.get("/lists?count=1000&offset=0"
                + "&fields=lists.id,lists.name,lists.stats.member_count,total_items"));
        List<String> audiences = new ArrayList<>();
        for (Object item : JsonValues.array(lists.get("lists"))) {
            Map<String, Object> list = JsonValues.object(item);
            audiences.add(JsonValues.text(list.get("name")) + " (" + JsonValues.text(list.get("id")) + ", "
                    + JsonValues.count(JsonValues.object(list.get("stats")).get("member_count")) + " contacts)");
        }
        context.logger().info("Mailchimp account {} has {} audience(s): {}", account.accountId(),
                JsonValues.count(lists.get("total_items")), audiences);
        return new Catalog(List.of(account), Set.of(Stream.ACCOUNTS, Stream.CAMPAIGNS, Stream.DAILY_METRICS));
    }

    @Override
    public void read(ConnectorContext context, ReadRequest request, RecordSink sink) {
        MailchimpApi api = api(context, request.settings());
        AccountRecord account = account(JsonValues.object(api.get("/")));
        ZoneId zone = account.timeZone();
        State previous = State.parse(request.state());
        if (!request.accountIds().contains(account.accountId())) {
            sink.checkpoint(previous.write(request.from()));
            return;
        }
        if (request.streams().contains(Stream.ACCOUNTS)) {
            sink.accept(account);
        }
        LocalDate start = previous.windowStart(request.from(), context.clock().instant(), zone);
        boolean campaigns = request.streams().contains(Stream.CAMPAIGNS);
        boolean metrics = request.streams().contains(Stream.DAILY_METRICS);
        Instant lastSent = previous.lastSendTime;
        if ((campaigns || metrics) && !start.isAfter(request.to())) {
            String range = "&since_send_time=" + encode(start.atStartOfDay(zone).format(MAILCHIMP_TIME))
                    + "&before_send_time=" + encode(request.to().plusDays(1).atStartOfDay(zone).format(MAILCHIMP_TIME));
            int offset = 0;
            for (int page = 0; page < MAX_PAGES; page++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new TransientException(Text.of("Lecture de Mailchimp interrompue.", "Mailchimp read interrupted."), null);
                }
                Map<String, Object> answer = JsonValues.object(api.get("/reports?count=" + PAGE_SIZE + "&offset=" + offset + range));
                List<Object> items = JsonValues.array(answer.get("reports"));
                for (Object item : items) {
                    Instant sent = emit(JsonValues.object(item), account.accountId(), zone, start, request.to(),
                            campaigns, metrics, sink);
                    if (sent != null && (lastSent == null || sent.isAfter(lastSent))) {
                        lastSent = sent;
                    }
                }
                // A crash here resumes the same window: re-reading replaces rows, it never loses one.
                sink.checkpoint(previous.write(start));
                offset += items.size();
                Long total = JsonValues.count(answer.get("total_items"));
                if (items.isEmpty() || total == null || offset >= total) {
                    break;
                }
            }
        }
        sink.checkpoint(lastSent != null ? State.sent(lastSent) : previous.write(start));
    }

    /** Emits one campaign's report if it was sent within the window; returns its send time. */
    private static Instant emit(Map<String, Object> report, String accountId, ZoneId zone, LocalDate from,
                                LocalDate to, boolean campaigns, boolean metrics, RecordSink sink) {
        String id = JsonValues.text(report.get("id"));
        Instant sentAt = instant(JsonValues.text(report.get("send_time")));
        if (id == null || id.isBlank() || sentAt == null) {
            return null;
        }
        LocalDate sent = sentAt.atZone(zone).toLocalDate();
        if (sent.isBefore(from) || sent.isAfter(to)) {
            return null;
        }
        if (campaigns) {
            String name = JsonValues.text(report.get("campaign_title"));
            if (name == null || name.isBlank()) {
                name = JsonValues.text(report.get("subject_line"));
            }
            // A report exists only for a sent campaign: finished, neither running nor paused.
            sink.accept(new CampaignRecord(accountId, id, name == null || name.isBlank() ? "Campagne " + id : name,
                    EntityStatus.OTHER, Channel.EMAIL, sent, sent));
        }
        if (metrics) {
            Map<String, Object> bounces = JsonValues.object(report.get("bounces"));
            Long hard = JsonValues.count(bounces.get("hard_bounces"));
            Long soft = JsonValues.count(bounces.get("soft_bounces"));
            Map<String, Object> opens = JsonValues.object(report.get("opens"));
            Map<String, Object> clicks = JsonValues.object(report.get("clicks"));
            Measures measures = Measures.builder()
                    .emailsSent(JsonValues.count(report.get("emails_sent")))
                    .emailsOpened(JsonValues.count(opens.get("unique_opens")))
                    .emailsClicked(JsonValues.count(clicks.get("unique_subscriber_clicks")))
                    .clicks(JsonValues.count(clicks.get("clicks_total")))
                    .emailsBounced(hard == null && soft == null ? null : (hard == null ? 0 : hard) + (soft == null ? 0 : soft))
                    .emailsUnsubscribed(JsonValues.count(report.get("unsubscribed")))
                    .build();
            sink.accept(MetricRow.daily(sent, accountId, id, Channel.EMAIL, null, measures));
        }
        return sentAt;
    }

    /** An ISO date-time with offset ({@code 2026-11-10T09:00:00+00:00}), or {@code null}. */
    static Instant instant(String dateTime) {
        if (dateTime == null || dateTime.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(dateTime.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static AccountRecord account(Map<String, Object> root) {
        String id = JsonValues.text(root.get("account_id"));
        if (id == null || id.isBlank()) {
            throw new PermanentException(Text.of("Mailchimp n’a pas décrit le compte (GET /).",
                    "Mailchimp did not describe the account (GET /)."), null);
        }
        String name = JsonValues.text(root.get("account_name"));
        // E-mail reports carry no money: the account has no currency.
        return new AccountRecord(id, name == null || name.isBlank() ? "Mailchimp " + id : name, null,
                zone(JsonValues.text(root.get("account_timezone"))));
    }

    /** The account's time zone (an IANA name), UTC when absent or unknown. */
    static ZoneId zone(String timezone) {
        if (timezone == null || timezone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timezone.strip());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static MailchimpApi api(ConnectorContext context, Settings settings) {
        String key = context.secrets().get(API_KEY);
        URI base;
        try {
            base = settings.url(BASE_URL).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new BadSettingsException(BASE_URL, Text.of("Cette adresse n’est pas valide.", "This address is not valid."));
        }
        if (base == null) {
            base = MailchimpApi.dataCentreUrl(key);
            if (base == null) {
                throw new BadSettingsException(API_KEY, Text.of(
                        "Cette clé ne finit pas par un centre de données (par exemple …-us21) : copiez-la en entier depuis Mailchimp.",
                        "This key does not end with a data centre (for example …-us21): copy it whole from Mailchimp."));
            }
        } else if (base.getHost() == null || !("https".equals(base.getScheme()) || "http".equals(base.getScheme()))) {
            throw new BadSettingsException(BASE_URL, Text.of(
                    "Saisissez une adresse complète, par exemple https://us21.api.mailchimp.com/3.0.",
                    "Enter a full address, for example https://us21.api.mailchimp.com/3.0."));
        }
        return new MailchimpApi(context, base, key == null ? "" : key);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * The read state: {@code {"lastSendTime":"2026-11-20T09:00:00Z"}} once a read finished (the latest
     * send time seen), {@code {"resumeFrom":"2026-10-21"}} while one runs or when nothing was ever sent.
     */
    static final class State {

        final Instant lastSendTime;
        final LocalDate resumeFrom;

        private State(Instant lastSendTime, LocalDate resumeFrom) {
            this.lastSendTime = lastSendTime;
            this.resumeFrom = resumeFrom;
        }

        static State parse(String state) {
            if (state == null || state.isBlank()) {
                return new State(null, null);
            }
            try {
                Map<String, Object> map = JsonValues.object(JsonValues.parse(state));
                String sent = JsonValues.text(map.get("lastSendTime"));
                String resume = JsonValues.text(map.get("resumeFrom"));
                return new State(sent == null ? null : Instant.parse(sent), resume == null ? null : LocalDate.parse(resume));
            } catch (RuntimeException e) {
                // An unreadable state means a full read, which is always safe.
                return new State(null, null);
            }
        }

        static String sent(Instant at) {
            return JsonValues.write(Map.of("lastSendTime", at.truncatedTo(ChronoUnit.SECONDS).toString()));
        }

        /** The first sending day to read: reports of campaigns sent in the 30 days before the last one are read again. */
        LocalDate windowStart(LocalDate from, Instant now, ZoneId zone) {
            LocalDate start = from;
            if (lastSendTime != null) {
                Instant last = lastSendTime.isAfter(now) ? now : lastSendTime;
                LocalDate reread = last.atZone(zone).toLocalDate().minusDays(REREAD_DAYS);
                if (reread.isAfter(start)) {
                    start = reread;
                }
            } else if (resumeFrom != null && resumeFrom.isAfter(start)) {
                start = resumeFrom;
            }
            return start;
        }

        /** This state again, to resume a read that started at {@code start}. */
        String write(LocalDate start) {
            if (lastSendTime != null) {
                return sent(lastSendTime);
            }
            return JsonValues.write(Map.of("resumeFrom", start.toString()));
        }
    }
}
