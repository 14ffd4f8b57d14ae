package com.campagne.plugins.brevo;

import com.campagne.connectors.api.BadSettingsException;
import com.campagne.connectors.api.Catalog;
import com.campagne.connectors.api.Category;
import com.campagne.connectors.api.CheckResult;
import com.campagne.connectors.api.Connector;
import com.campagne.connectors.api.ConnectorContext;
import com.campagne.connectors.api.ConnectorSpec;
import com.campagne.connectors.api.EmailMessage;
import com.campagne.connectors.api.EmailSender;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brevo (ex-Sendinblue) through its API v3: the account, its sent e-mail campaigns with their global
 * statistics, and transactional sending ({@code POST /smtp/email}) as an {@link EmailSender}.
 */
@Extension
public class BrevoConnector implements Connector, EmailSender {

    static final String API_KEY = "apiKey";
    static final String BASE_URL = "baseUrl";
    static final String TIME_ZONE = "timeZone";

    /** Campaigns per page, as Brevo's documentation examples use. */
    static final int PAGE_SIZE = 50;
    /** Statistics of a campaign keep moving (late opens, clicks, unsubscriptions) for weeks after sending. */
    static final int REREAD_DAYS = 30;
    private static final int MAX_PAGES = 10_000;
    private static final DateTimeFormatter BREVO_INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    @Override
    public ConnectorSpec spec() {
        Text account = Text.of("Compte Brevo", "Brevo account");
        Text advanced = Text.of("Avancé", "Advanced");
        return new ConnectorSpec("brevo",
                Text.of("Brevo", "Brevo"),
                Text.of("Vos campagnes e-mail envoyées et leurs statistiques (envois, ouvertures, clics, désinscriptions), "
                                + "et l’envoi de vos e-mails par Brevo (API v3).",
                        "Your sent e-mail campaigns and their statistics (sends, opens, clicks, unsubscriptions), "
                                + "and sending your e-mail through Brevo (API v3)."),
                "1.0.0", Category.EMAILING, null,
                URI.create("https://developers.brevo.com/docs/getting-started"),
                List.of(
                        SettingField.secret(API_KEY, Text.of("Clé API", "API key")).asRequired()
                                .help(Text.of("Dans Brevo : votre profil → SMTP et API → Clés API → Générer une nouvelle clé.",
                                        "In Brevo: your profile → SMTP & API → API keys → Generate a new API key."))
                                .group(account, 1),
                        SettingField.text(TIME_ZONE, Text.of("Fuseau horaire", "Time zone")).asRequired()
                                .defaultValue("Europe/Paris")
                                .pattern("[A-Za-z]+(/[A-Za-z0-9_+-]+)*|UTC|Z|[+-]\\d{2}:\\d{2}", Text.of(
                                        "Un fuseau comme Europe/Paris.", "A time zone such as Europe/Paris."))
                                .help(Text.of("Le jour d’envoi d’une campagne est compté dans ce fuseau.",
                                        "A campaign's sending day is counted in this time zone."))
                                .group(account, 2),
                        SettingField.url(BASE_URL, Text.of("Adresse de l’API", "API address"))
                                .defaultValue(BrevoApi.DEFAULT_BASE_URL)
                                .help(Text.of("À ne changer que pour un relais ou un test.", "Change only for a proxy or a test."))
                                .group(advanced, 1)),
                null);
    }

    @Override
    public CheckResult check(ConnectorContext context, Settings settings) {
        Map<String, Object> account;
        try {
            account = JsonValues.object(api(context, settings).get("/account"));
        } catch (BrevoApi.NoAccessException e) {
            throw new BadSettingsException(API_KEY, e.userMessage());
        }
        AccountRecord record = account(account, zone(settings));
        String email = JsonValues.text(account.get("email"));
        return CheckResult.ok(
                "Connecté à Brevo : « " + record.name() + " »" + (email == null ? "" : " (" + email + ")") + ".",
                "Connected to Brevo: \"" + record.name() + "\"" + (email == null ? "" : " (" + email + ")") + ".");
    }

    @Override
    public Catalog discover(ConnectorContext context, Settings settings) {
        AccountRecord account = account(JsonValues.object(api(context, settings).get("/account")), zone(settings));
        return new Catalog(List.of(account), Set.of(Stream.ACCOUNTS, Stream.CAMPAIGNS, Stream.DAILY_METRICS));
    }

    @Override
    public void read(ConnectorContext context, ReadRequest request, RecordSink sink) {
        BrevoApi api = api(context, request.settings());
        ZoneId zone = zone(request.settings());
        AccountRecord account = account(JsonValues.object(api.get("/account")), zone);
        State previous = State.parse(request.state());
        if (!request.accountIds().contains(account.accountId())) {
            sink.checkpoint(previous.write(request.from()));
            return;
        }
        if (request.streams().contains(Stream.ACCOUNTS)) {
            sink.accept(account);
        }
        LocalDate start = previous.windowStart(request.from(), LocalDate.now(context.clock().withZone(zone)));
        boolean campaigns = request.streams().contains(Stream.CAMPAIGNS);
        boolean metrics = request.streams().contains(Stream.DAILY_METRICS);
        LocalDate lastSent = previous.lastSentDate;
        if ((campaigns || metrics) && !start.isAfter(request.to())) {
            String range = "&startDate=" + encode(start.atStartOfDay(zone).format(BREVO_INSTANT))
                    + "&endDate=" + encode(request.to().plusDays(1).atStartOfDay(zone).minusNanos(1_000_000).format(BREVO_INSTANT));
            int offset = 0;
            for (int page = 0; page < MAX_PAGES; page++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new TransientException(Text.of("Lecture de Brevo interrompue.", "Brevo read interrupted."), null);
                }
                Map<String, Object> answer = JsonValues.object(api.get("/emailCampaigns?type=classic&status=sent"
                        + "&statistics=globalStats&excludeHtmlContent=true&limit=" + PAGE_SIZE + "&offset=" + offset + range));
                List<Object> items = JsonValues.array(answer.get("campaigns"));
                for (Object item : items) {
                    LocalDate sent = emit(JsonValues.object(item), account.accountId(), zone, start, request.to(), campaigns,
                            metrics, sink);
                    if (sent != null && (lastSent == null || sent.isAfter(lastSent))) {
                        lastSent = sent;
                    }
                }
                // A crash here resumes the same window: re-reading replaces rows, it never loses one.
                sink.checkpoint(previous.write(start));
                offset += items.size();
                Long count = JsonValues.count(answer.get("count"));
                if (items.isEmpty() || count == null || offset >= count) {
                    break;
                }
            }
        }
        sink.checkpoint(lastSent != null ? State.sent(lastSent) : previous.write(start));
    }

    /** Emits one campaign and its figures if it was sent within the window; returns its sending day. */
    private static LocalDate emit(Map<String, Object> campaign, String accountId, ZoneId zone, LocalDate from,
                                  LocalDate to, boolean campaigns, boolean metrics, RecordSink sink) {
        String id = JsonValues.text(campaign.get("id"));
        LocalDate sent = day(JsonValues.text(campaign.get("sentDate")), zone);
        if (id == null || sent == null || sent.isBefore(from) || sent.isAfter(to)) {
            return null;
        }
        String name = JsonValues.text(campaign.get("name"));
        if (campaigns) {
            sink.accept(new CampaignRecord(accountId, id, name == null ? "Campagne " + id : name,
                    status(JsonValues.text(campaign.get("status"))), Channel.EMAIL, sent, sent));
        }
        Map<String, Object> stats = JsonValues.object(JsonValues.object(campaign.get("statistics")).get("globalStats"));
        if (metrics && !stats.isEmpty()) {
            Long hard = JsonValues.count(stats.get("hardBounces"));
            Long soft = JsonValues.count(stats.get("softBounces"));
            Measures measures = Measures.builder()
                    .emailsSent(JsonValues.count(stats.get("sent")))
                    .emailsDelivered(JsonValues.count(stats.get("delivered")))
                    .emailsOpened(JsonValues.count(stats.get("uniqueViews")))
                    .emailsClicked(JsonValues.count(stats.get("uniqueClicks")))
                    .clicks(JsonValues.count(stats.get("clickers")))
                    .emailsBounced(hard == null && soft == null ? null : (hard == null ? 0 : hard) + (soft == null ? 0 : soft))
                    .emailsUnsubscribed(JsonValues.count(stats.get("unsubscriptions")))
                    .build();
            sink.accept(MetricRow.daily(sent, accountId, id, Channel.EMAIL, null, measures));
        }
        return sent;
    }

    static EntityStatus status(String status) {
        if (status == null) {
            return EntityStatus.OTHER;
        }
        return switch (status) {
            case "queued", "in_process", "inProcess" -> EntityStatus.ACTIVE;
            case "suspended" -> EntityStatus.PAUSED;
            case "archive" -> EntityStatus.REMOVED;
            // "sent": done, neither running nor paused.
            default -> EntityStatus.OTHER;
        };
    }

    /** The sending day of an ISO date-time ({@code 2026-11-10T09:00:00.000Z}) in the account's zone. */
    static LocalDate day(String dateTime, ZoneId zone) {
        if (dateTime == null || dateTime.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(dateTime.trim()).atZoneSameInstant(zone).toLocalDate();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(dateTime.trim().substring(0, Math.min(10, dateTime.trim().length())));
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    @Override
    public String send(ConnectorContext context, Settings settings, EmailMessage message) {
        Map<String, Object> sender = new LinkedHashMap<>();
        sender.put("email", message.fromAddress());
        if (message.fromName() != null && !message.fromName().isBlank()) {
            sender.put("name", message.fromName());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sender", sender);
        List<Object> to = new ArrayList<>();
        for (String address : message.to()) {
            to.add(Map.of("email", address));
        }
        body.put("to", to);
        if (message.replyTo() != null && !message.replyTo().isBlank()) {
            body.put("replyTo", Map.of("email", message.replyTo()));
        }
        body.put("subject", message.subject());
        if (message.html() != null) {
            body.put("htmlContent", message.html());
        }
        if (message.text() != null) {
            body.put("textContent", message.text());
        }
        if (!message.headers().isEmpty()) {
            body.put("headers", new LinkedHashMap<String, Object>(message.headers()));
        }
        Object answer = api(context, settings).post("/smtp/email", body);
        String id = JsonValues.text(JsonValues.object(answer).get("messageId"));
        context.logger().info("Sent one e-mail through Brevo to {} recipient(s)", message.to().size());
        return id;
    }

    private static AccountRecord account(Map<String, Object> account, ZoneId zone) {
        String id = JsonValues.text(account.get("organization_id"));
        if (id == null || id.isBlank()) {
            id = JsonValues.text(account.get("user_id"));
        }
        if (id == null || id.isBlank()) {
            id = JsonValues.text(account.get("email"));
        }
        if (id == null || id.isBlank()) {
            throw new PermanentException(Text.of("Brevo n’a pas décrit le compte (GET /account).",
                    "Brevo did not describe the account (GET /account)."), null);
        }
        String name = JsonValues.text(account.get("companyName"));
        if (name == null || name.isBlank()) {
            name = JsonValues.text(account.get("email"));
        }
        // E-mail statistics carry no money: the account has no currency.
        return new AccountRecord(id, name == null ? "Brevo " + id : name, null, zone);
    }

    private static ZoneId zone(Settings settings) {
        String value = settings.find(TIME_ZONE).orElse("Europe/Paris");
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new BadSettingsException(TIME_ZONE, Text.of("Fuseau horaire inconnu : « " + value + " ».",
                    "Unknown time zone: \"" + value + "\"."));
        }
    }

    private static BrevoApi api(ConnectorContext context, Settings settings) {
        URI base;
        try {
            base = settings.url(BASE_URL).orElse(URI.create(BrevoApi.DEFAULT_BASE_URL));
        } catch (IllegalArgumentException e) {
            throw new BadSettingsException(BASE_URL, Text.of("Cette adresse n’est pas valide.", "This address is not valid."));
        }
        if (base.getHost() == null || !("https".equals(base.getScheme()) || "http".equals(base.getScheme()))) {
            throw new BadSettingsException(BASE_URL, Text.of("Saisissez une adresse complète, par exemple "
                    + BrevoApi.DEFAULT_BASE_URL + ".", "Enter a full address, for example " + BrevoApi.DEFAULT_BASE_URL + "."));
        }
        return new BrevoApi(context, base, context.secrets().get(API_KEY));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * The read state: {@code {"lastSentDate":"2026-11-20"}} once a read finished (the latest sending
     * day seen), {@code {"resumeFrom":"2026-10-21"}} while one runs or when nothing was ever sent.
     */
    static final class State {

        final LocalDate lastSentDate;
        final LocalDate resumeFrom;

        private State(LocalDate lastSentDate, LocalDate resumeFrom) {
            this.lastSentDate = lastSentDate;
            this.resumeFrom = resumeFrom;
        }

        static State parse(String state) {
            if (state == null || state.isBlank()) {
                return new State(null, null);
            }
            try {
                Map<String, Object> map = JsonValues.object(JsonValues.parse(state));
                String sent = JsonValues.text(map.get("lastSentDate"));
                String resume = JsonValues.text(map.get("resumeFrom"));
                return new State(sent == null ? null : LocalDate.parse(sent), resume == null ? null : LocalDate.parse(resume));
            } catch (RuntimeException e) {
                // An unreadable state means a full read, which is always safe.
                return new State(null, null);
            }
        }

        static String sent(LocalDate day) {
            return JsonValues.write(Map.of("lastSentDate", day.toString()));
        }

        /** The first sending day to read: campaigns sent in the last 30 days are read again, their statistics moved. */
        LocalDate windowStart(LocalDate from, LocalDate today) {
            LocalDate start = from;
            if (lastSentDate != null) {
                LocalDate reread = (lastSentDate.isAfter(today) ? today : lastSentDate).minusDays(REREAD_DAYS);
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
            if (lastSentDate != null) {
                return sent(lastSentDate);
            }
            return JsonValues.write(Map.of("resumeFrom", start.toString()));
        }
    }
}
