package com.campagne.plugins.csvimport;

import com.campagne.connectors.api.RecordSink;
import com.campagne.connectors.api.Stream;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.api.schema.AccountRecord;
import com.campagne.connectors.api.schema.CampaignRecord;
import com.campagne.connectors.api.schema.Channel;
import com.campagne.connectors.api.schema.Device;
import com.campagne.connectors.api.schema.EntityStatus;
import com.campagne.connectors.api.schema.Measures;
import com.campagne.connectors.api.schema.MetricRow;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One import of one file: a first streaming pass checks every line and learns the account, the
 * campaigns and the date range; a second pass emits. Both passes convert lines with the same code,
 * so the second finds exactly the bad lines the first did.
 */
final class Import {

    /** A bad line and why, for the user. */
    record Problem(long line, String fr, String en) {
        Text where() {
            return Text.of("ligne " + line, "line " + line);
        }

        Text reason() {
            return Text.of(fr, en);
        }
    }

    /** What the import knows of a campaign after the first pass. */
    static final class Campaign {
        String name;
        Channel channel;
        EntityStatus status;
    }

    /** The fixed choices of the connection that the conversion needs. */
    record Options(String accountId, String accountName, String currency, ZoneId timeZone) {
    }

    static final String DEFAULT_ACCOUNT_ID = "csv-import";
    static final int PROBLEMS_KEPT = 20;
    private static final Pattern TOTAL = Pattern.compile(
            "^(total|totaux|totals|sous-total|subtotal|grand total|total general|somme|summary|resume)\\s*(:.*)?$");
    private static final List<Field> DIMENSIONS = List.of(Field.CAMPAIGN_ID, Field.CAMPAIGN, Field.AD_GROUP_ID,
            Field.AD_GROUP, Field.AD_ID, Field.AD, Field.CHANNEL, Field.DEVICE, Field.COUNTRY);

    final Source source;
    final Layout layout;
    final Options options;
    Values.Reading reading;

    // What the first pass learnt.
    long dataLines;
    long totalsSkipped;
    long problemCount;
    final List<Problem> problems = new ArrayList<>();
    LocalDate firstDay;
    LocalDate lastDay;
    String fileAccountId;
    String fileAccountName;
    final Set<String> currencies = new LinkedHashSet<>();
    final Map<String, Campaign> campaigns = new LinkedHashMap<>();
    private final KeyIndex keys = new KeyIndex();
    private Values.Evidence evidence;

    Import(Source source, Layout layout, Options options) {
        this.source = source;
        this.layout = layout;
        this.options = options;
        this.reading = layout.reading;
    }

    /** The first pass; read again once when the cells show the file writes dates or numbers the other way. */
    void analyse() throws IOException {
        pass();
        Values.Reading preferred = evidence.preferred(reading);
        if (!preferred.equals(reading)) {
            reading = preferred;
            pass();
        }
    }

    private void pass() throws IOException {
        dataLines = 0;
        totalsSkipped = 0;
        problemCount = 0;
        problems.clear();
        firstDay = null;
        lastDay = null;
        fileAccountId = null;
        fileAccountName = null;
        currencies.clear();
        campaigns.clear();
        keys.clear();
        evidence = new Values.Evidence();
        try (Source.Rows rows = source.rows(layout.delimiter)) {
            Source.Row row;
            while ((row = rows.next()) != null) {
                Object outcome = convert(row, true);
                if (outcome instanceof Problem problem) {
                    problemCount++;
                    if (problems.size() < PROBLEMS_KEPT) {
                        problems.add(problem);
                    }
                } else if (outcome instanceof Converted converted) {
                    learn(converted);
                }
            }
        }
    }

    private void learn(Converted converted) {
        MetricRow metric = converted.row;
        dataLines++;
        if (firstDay == null || metric.date().isBefore(firstDay)) {
            firstDay = metric.date();
        }
        if (lastDay == null || metric.date().isAfter(lastDay)) {
            lastDay = metric.date();
        }
        if (metric.currency() != null && metric.measures().hasMoney()) {
            currencies.add(metric.currency());
        }
        if (metric.campaignId() != null) {
            Campaign campaign = campaigns.computeIfAbsent(metric.campaignId(), id -> new Campaign());
            if (campaign.name == null) {
                campaign.name = converted.campaignName;
                campaign.channel = metric.channel();
            }
            if (converted.status != null) {
                campaign.status = converted.status;
            }
        }
    }

    /** The account the rows belong to: the setting, else the file's account column, else a fixed id. */
    String accountId() {
        return options.accountId() != null ? options.accountId()
                : fileAccountId != null ? fileAccountId : DEFAULT_ACCOUNT_ID;
    }

    String accountName() {
        return options.accountName() != null ? options.accountName()
                : fileAccountName != null ? fileAccountName : layout.preset == Preset.CUSTOM ? "Import CSV" : "Import " + layout.preset.label;
    }

    /** The account's currency: the one of every money figure of the file, else the setting's. */
    String accountCurrency() {
        return currencies.size() == 1 ? currencies.iterator().next() : options.currency();
    }

    AccountRecord account() {
        return new AccountRecord(accountId(), accountName(), accountCurrency(), options.timeZone());
    }

    /**
     * The second pass: the account, the campaigns, then every good line of the requested days, and
     * the state once at the end; bad lines are reported to the sink (only reached when bad lines are
     * to be skipped).
     *
     * @return how many good lines were outside the requested days
     */
    long emit(RecordSink sink, Set<Stream> streams, LocalDate from, LocalDate to) throws IOException {
        long outside = 0;
        if (streams.contains(Stream.ACCOUNTS)) {
            sink.accept(account());
        }
        if (streams.contains(Stream.CAMPAIGNS)) {
            campaigns.forEach((id, c) -> sink.accept(
                    new CampaignRecord(accountId(), id, c.name, c.status, c.channel, null, null)));
        }
        try (Source.Rows rows = source.rows(layout.delimiter)) {
            Source.Row row;
            while ((row = rows.next()) != null) {
                Object outcome = convert(row, false);
                if (outcome instanceof Problem problem) {
                    sink.reject(problem.where(), problem.reason());
                } else if (outcome instanceof Converted converted && streams.contains(Stream.DAILY_METRICS)) {
                    if (converted.row.date().isBefore(from) || converted.row.date().isAfter(to)) {
                        outside++; // the host asked for other days (the connector contract reads a range)
                    } else {
                        sink.accept(converted.row);
                    }
                }
            }
        }
        sink.checkpoint(source.fingerprint);
        return outside;
    }

    private record Converted(MetricRow row, String campaignName, EntityStatus status) {
    }

    /** A metric row, a {@link Problem}, or {@code null} for a line that is not data (title, total, blank). */
    private Object convert(Source.Row row, boolean firstPass) {
        if (row.line() <= layout.headerLine || row.blank()) {
            return null;
        }
        String first = row.first();
        if (first.startsWith("#") || first.startsWith("©") || first.startsWith("(c)") || total(first)) {
            if (firstPass && !first.startsWith("#")) {
                totalsSkipped++;
            }
            return null;
        }
        if (Norm.trim(row.cell(layout.column(Field.DATE))).equals(Norm.trim(layout.headers[layout.column(Field.DATE)]))) {
            return null; // the header repeated (a second table of a GA4 export, pages glued together)
        }
        if (summary(row)) {
            if (firstPass) {
                totalsSkipped++;
            }
            return null;
        }
        String column = null;
        try {
            column = layout.header(Field.DATE);
            LocalDate date = Values.date(row.cell(layout.column(Field.DATE)), row.isNumeric(layout.column(Field.DATE)),
                    reading, firstPass ? evidence : null);
            if (date == null) {
                return problem(row, "date manquante (" + column + ")", "missing date (" + column + ")");
            }
            if (layout.has(Field.DATE_END)) {
                column = layout.header(Field.DATE_END);
                LocalDate end = Values.date(row.cell(layout.column(Field.DATE_END)),
                        row.isNumeric(layout.column(Field.DATE_END)), reading, firstPass ? evidence : null);
                if (end != null && !end.equals(date)) {
                    return problem(row, "la ligne couvre du " + date + " au " + end + " : exportez le rapport par jour",
                            "the line covers " + date + " to " + end + ": export the report by day");
                }
            }
            column = null;
            String account = text(row, Field.ACCOUNT_ID);
            if (firstPass && fileAccountName == null) {
                fileAccountName = text(row, Field.ACCOUNT_NAME);
            }
            if (account != null && options.accountId() == null) {
                if (fileAccountId == null && firstPass) {
                    fileAccountId = account;
                } else if (!account.equals(fileAccountId)) {
                    return problem(row, "ligne d’un autre compte (" + account + ") que " + fileAccountId
                                    + " : un fichier par compte, ou indiquez l’identifiant du compte",
                            "line of another account (" + account + ") than " + fileAccountId
                                    + ": one file per account, or set the account ID");
                }
            }
            String campaignName = text(row, Field.CAMPAIGN);
            String campaignId = or(text(row, Field.CAMPAIGN_ID), campaignName);
            String adGroupId = or(text(row, Field.AD_GROUP_ID), text(row, Field.AD_GROUP));
            String adId = or(text(row, Field.AD_ID), text(row, Field.AD));
            Channel channel = layout.has(Field.CHANNEL) ? Values.channel(row.cell(layout.column(Field.CHANNEL)))
                    : layout.has(Field.CAMPAIGN_TYPE)
                    ? Values.campaignType(row.cell(layout.column(Field.CAMPAIGN_TYPE)), layout.preset.defaultChannel)
                    : layout.preset.defaultChannel;
            Device device = layout.has(Field.DEVICE) ? Values.device(row.cell(layout.column(Field.DEVICE))) : null;
            column = layout.header(Field.COUNTRY);
            String country = layout.has(Field.COUNTRY) ? Values.country(row.cell(layout.column(Field.COUNTRY))) : null;
            column = null;
            Money money = new Money();
            Measures.Builder measures = Measures.builder();
            Long sessions = null;
            BigDecimal bounceRate = null;
            boolean bouncesKnown = false;
            for (Map.Entry<Field, Integer> entry : layout.columns.entrySet()) {
                Field field = entry.getKey();
                if (!field.measure()) {
                    continue;
                }
                column = layout.header(field);
                Values.Number number = Values.number(row.cell(entry.getValue()), row.isNumeric(entry.getValue()),
                        reading, firstPass ? evidence : null);
                if (number == null) {
                    continue;
                }
                if (number.value().signum() < 0) {
                    return problem(row, column + " : nombre négatif", column + ": negative number");
                }
                if (number.currency() != null) {
                    money.symbol = number.currency();
                }
                switch (field.kind) {
                    case COUNT -> {
                        long count = count(number.value());
                        switch (field) {
                            case IMPRESSIONS -> measures.impressions(count);
                            case CLICKS -> measures.clicks(count);
                            case SESSIONS -> {
                                measures.sessions(count);
                                sessions = count;
                            }
                            case USERS -> measures.users(count);
                            case NEW_USERS -> measures.newUsers(count);
                            case PAGE_VIEWS -> measures.pageViews(count);
                            case BOUNCES -> {
                                measures.bounces(count);
                                bouncesKnown = true;
                            }
                            case VIDEO_VIEWS -> measures.videoViews(count);
                            case ENGAGEMENTS -> measures.engagements(count);
                            case LIKES -> measures.likes(count);
                            case COMMENTS -> measures.comments(count);
                            case SHARES -> measures.shares(count);
                            case FOLLOWERS -> measures.followers(count);
                            default -> throw new IllegalStateException(field.name());
                        }
                    }
                    case DECIMAL -> measures.conversions(number.value());
                    case MONEY -> {
                        if (field == Field.COST) {
                            measures.cost(number.value());
                        } else {
                            measures.conversionValue(number.value());
                        }
                        money.headerCurrency = money.headerCurrency != null ? money.headerCurrency
                                : layout.headerCurrencies.get(field);
                    }
                    case RATE -> bounceRate = rate(number, row.isNumeric(entry.getValue()));
                    default -> throw new IllegalStateException(field.name());
                }
            }
            column = null;
            if (!bouncesKnown && bounceRate != null && sessions != null) {
                // Only the rate is exported: bounces = rate × sessions, rounded to the nearest visit.
                measures.bounces(bounceRate.multiply(BigDecimal.valueOf(sessions)).setScale(0, RoundingMode.HALF_UP).longValue());
            }
            String currency;
            if (layout.has(Field.CURRENCY) && !Values.unknown(row.cell(layout.column(Field.CURRENCY)))) {
                currency = Values.currency(row.cell(layout.column(Field.CURRENCY)));
                if (currency == null) {
                    column = layout.header(Field.CURRENCY);
                    return problem(row, column + " : devise « " + Norm.trim(row.cell(layout.column(Field.CURRENCY)))
                                    + " » inconnue (code ISO attendu, par exemple EUR)",
                            column + ": unknown currency \"" + Norm.trim(row.cell(layout.column(Field.CURRENCY)))
                                    + "\" (an ISO code such as EUR is expected)");
                }
            } else {
                currency = money.headerCurrency != null ? money.headerCurrency
                        : money.symbol != null ? money.symbol : options.currency();
            }
            MetricRow metric = new MetricRow(date, null, accountId(), campaignId, adGroupId, adId, channel, device,
                    country, currency, measures.build());
            if (adGroupId != null && campaignId == null || adId != null && campaignId == null) {
                return problem(row, "groupe d’annonces ou annonce sans campagne", "ad group or ad without a campaign");
            }
            List<String> wrong = metric.problems();
            if (!wrong.isEmpty()) {
                String detail = String.join("; ", wrong);
                return problem(row, "ligne invalide (" + detail + ")", "invalid line (" + detail + ")");
            }
            long key = KeyIndex.hash(date, campaignId, adGroupId, adId, channel, device, country);
            int line = (int) row.line();
            int holder = firstPass ? keys.putIfAbsent(key, line) : keys.get(key);
            if (holder != line) {
                return problem(row, "mêmes jour, campagne et ventilation que la ligne " + holder
                                + " : le rapport est ventilé par une colonne non importée, exportez-le par jour et par campagne",
                        "same day, campaign and breakdown as line " + holder
                                + ": the report is broken down by a column not imported; export it by day and campaign");
            }
            EntityStatus status = layout.has(Field.CAMPAIGN_STATUS)
                    ? Values.status(row.cell(layout.column(Field.CAMPAIGN_STATUS))) : null;
            return new Converted(metric, campaignName != null ? campaignName : campaignId, status);
        } catch (Values.BadValue e) {
            return column == null ? problem(row, e.fr, e.en) : problem(row, column + " : " + e.fr, column + ": " + e.en);
        }
    }

    private static final class Money {
        String headerCurrency;
        String symbol;
    }

    /** "Total : compte", "Total: Account", "Totaux", "Grand total", "Summary"… */
    private static boolean total(String first) {
        char c = Character.toLowerCase(first.charAt(0));
        return (c == 't' || c == 's' || c == 'g' || c == 'r') && TOTAL.matcher(Norm.basic(first)).matches();
    }

    /** A line whose dimension columns are all empty sums the others: a total, not data. */
    private boolean summary(Source.Row row) {
        boolean anyDimension = false;
        for (Field field : DIMENSIONS) {
            if (layout.has(field)) {
                anyDimension = true;
                if (!Norm.trim(row.cell(layout.column(field))).isEmpty()) {
                    return false;
                }
            }
        }
        return anyDimension || Values.unknown(row.cell(layout.column(Field.DATE)));
    }

    private String text(Source.Row row, Field field) {
        if (!layout.has(field)) {
            return null;
        }
        String value = Norm.trim(row.cell(layout.column(field)));
        return value.isEmpty() || Values.unknown(value) ? null : value;
    }

    private static String or(String first, String second) {
        return first != null ? first : second;
    }

    private static long count(BigDecimal value) throws Values.BadValue {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 0) {
            throw new Values.BadValue("« " + value.toPlainString() + " » n’est pas un nombre entier",
                    "\"" + value.toPlainString() + "\" is not a whole number");
        }
        try {
            return stripped.longValueExact();
        } catch (ArithmeticException e) {
            throw new Values.BadValue("nombre trop grand", "number too large");
        }
    }

    /** A rate as a fraction: {@code 45 %} and {@code 0.45} both give 0.45; {@code 45} (no sign, above 1) too. */
    private static BigDecimal rate(Values.Number number, boolean numericCell) throws Values.BadValue {
        BigDecimal value = number.value();
        if (number.percent() || !numericCell && value.compareTo(BigDecimal.ONE) > 0) {
            value = value.movePointLeft(2);
        }
        if (value.compareTo(BigDecimal.ONE) > 0) {
            throw new Values.BadValue("taux supérieur à 100 %", "rate above 100%");
        }
        return value;
    }

    private Problem problem(Source.Row row, String fr, String en) {
        return new Problem(row.line(), capitalize(fr), capitalize(en));
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    /** The first bad lines, one per line of text, and how many more. */
    Text problemSummary() {
        StringBuilder fr = new StringBuilder();
        StringBuilder en = new StringBuilder();
        for (Problem problem : problems.subList(0, Math.min(10, problems.size()))) {
            fr.append("\nligne ").append(problem.line()).append(" : ").append(problem.fr());
            en.append("\nline ").append(problem.line()).append(": ").append(problem.en());
        }
        long more = problemCount - Math.min(10, problems.size());
        if (more > 0) {
            fr.append("\n… et ").append(more).append(more > 1 ? " autres lignes." : " autre ligne.");
            en.append("\n… and ").append(more).append(more > 1 ? " more lines." : " more line.");
        }
        return Text.of(fr.toString(), en.toString());
    }
}
