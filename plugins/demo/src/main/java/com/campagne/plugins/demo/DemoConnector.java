package com.campagne.plugins.demo;

import com.campagne.connectors.api.BadSettingsException;
import com.campagne.connectors.api.Catalog;
import com.campagne.connectors.api.Category;
import com.campagne.connectors.api.CheckResult;
import com.campagne.connectors.api.Choice;
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
import org.pf4j.Extension;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Demo data, so a new user sees full dashboards a minute after signing up: four accounts (Google Ads
 * search, shopping and display; Meta Ads; a GA4-like analytics property; an e-mailing tool) of an
 * invented French business, with a year of deterministic daily figures — weekly rhythm, Black Friday
 * and Christmas, a campaign launched mid-way, another paused, a one-day spend spike.
 *
 * <p>A full read plans the history over the {@code historyDays} before today (Paris time) and places
 * its events in it. The state remembers both the last full day read and the history's start, so
 * incremental reads continue the same history day after day, its events where they were.
 */
@Extension
public class DemoConnector implements Connector {

    static final String PROFILE = "profile";
    static final String HISTORY_DAYS = "historyDays";
    static final String SEED = "seed";

    private static final Pattern STATE = Pattern.compile(
            "\\{\"lastDay\":\"(\\d{4}-\\d{2}-\\d{2})\",\"start\":\"(\\d{4}-\\d{2}-\\d{2})\"}");
    private static final Set<Stream> STREAMS = Set.of(Stream.ACCOUNTS, Stream.CAMPAIGNS, Stream.DAILY_METRICS);

    @Override
    public ConnectorSpec spec() {
        Text data = Text.of("Données", "Data");
        return new ConnectorSpec("demo",
                Text.of("Données de démonstration", "Demo data"),
                Text.of("Un an de chiffres réalistes (Google Ads, Meta, analytics, e-mailing) d’une entreprise "
                                + "fictive, pour découvrir les tableaux de bord avant de connecter vos outils.",
                        "A year of realistic figures (Google Ads, Meta, analytics, e-mailing) of an invented "
                                + "business, to explore the dashboards before connecting your tools."),
                "1.0.0", Category.AD_NETWORK, null, null,
                List.of(
                        SettingField.choice(PROFILE, Text.of("Type d’entreprise", "Kind of business"), List.of(
                                        Choice.of("ecommerce", "Boutique en ligne (e-commerce)", "Online shop (e-commerce)"),
                                        Choice.of("local", "Commerce de proximité", "Local business"),
                                        Choice.of("b2b", "Entreprise B2B (génération de leads)",
                                                "B2B company (lead generation)")))
                                .asRequired().defaultValue("ecommerce")
                                .help(Text.of("Décide des campagnes, des volumes et du rythme de la semaine.",
                                        "Decides the campaigns, the volumes and the weekly rhythm."))
                                .group(data, 1),
                        SettingField.number(HISTORY_DAYS, Text.of("Jours d’historique", "Days of history"))
                                .asRequired().defaultValue("365").range(BigDecimal.valueOf(30), BigDecimal.valueOf(730))
                                .help(Text.of("Les chiffres vont d’autant de jours avant aujourd’hui jusqu’à hier.",
                                        "Figures run from that many days ago to yesterday."))
                                .group(data, 2),
                        SettingField.number(SEED, Text.of("Graine", "Seed"))
                                .defaultValue("42").range(BigDecimal.ONE, BigDecimal.valueOf(999_999))
                                .help(Text.of("Une autre graine donne d’autres chiffres, toujours les mêmes pour "
                                                + "la même graine.",
                                        "Another seed gives other figures, always the same for the same seed."))
                                .group(Text.of("Avancé", "Advanced"), 1)),
                null);
    }

    @Override
    public CheckResult check(ConnectorContext context, Settings settings) {
        DemoProfile profile = profile(settings);
        historyDays(settings);
        seed(settings);
        return CheckResult.ok("Données de démonstration de « " + profile.brand() + " » : 4 comptes.",
                "Demo data of \"" + profile.brand() + "\": 4 accounts.");
    }

    @Override
    public Catalog discover(ConnectorContext context, Settings settings) {
        check(context, settings);
        return new Catalog(dataset(settings, yesterday(context).minusDays(historyDays(settings)), yesterday(context))
                .accounts(), STREAMS);
    }

    @Override
    public void read(ConnectorContext context, ReadRequest request, RecordSink sink) {
        Settings settings = request.settings();
        check(context, settings);
        LocalDate yesterday = yesterday(context);
        Optional<State> previous = Optional.ofNullable(request.state()).map(state -> parse(context, state));
        // A full read (or an unreadable state) starts the history anew; an incremental one keeps its start.
        LocalDate start = previous.map(State::start).orElse(yesterday.minusDays(historyDays(settings)));
        DemoDataset dataset = dataset(settings, start, yesterday);
        List<AccountRecord> accounts = dataset.accounts().stream()
                .filter(a -> request.accountIds().contains(a.accountId())).toList();
        if (accounts.isEmpty()) {
            return;
        }
        if (request.streams().contains(Stream.ACCOUNTS)) {
            accounts.forEach(sink::accept);
        }
        if (request.streams().contains(Stream.CAMPAIGNS)) {
            for (CampaignRecord campaign : dataset.campaigns()) {
                if (request.accountIds().contains(campaign.accountId())) {
                    sink.accept(campaign);
                }
            }
        }
        LocalDate from = previous.map(s -> s.lastDay().plusDays(1)).filter(d -> d.isAfter(request.from()))
                .orElse(request.from());
        LocalDate to = request.to().isAfter(yesterday) ? yesterday : request.to();
        LocalDate lastDay = previous.map(State::lastDay).orElse(request.from().minusDays(1));
        boolean metrics = request.streams().contains(Stream.DAILY_METRICS);
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (metrics) {
                for (AccountRecord account : accounts) {
                    dataset.rows(account.accountId(), day).forEach(sink::accept);
                }
            }
            lastDay = day;
            sink.checkpoint(new State(lastDay, start).toString());
        }
        if (to.isBefore(from)) {
            // Nothing new to read: still say where the read stands.
            sink.checkpoint(new State(lastDay, start).toString());
        }
    }

    private static DemoDataset dataset(Settings settings, LocalDate start, LocalDate end) {
        return new DemoDataset(profile(settings), seed(settings), start, historyDays(settings), end);
    }

    private static LocalDate yesterday(ConnectorContext context) {
        return LocalDate.now(context.clock().withZone(DemoDataset.PARIS)).minusDays(1);
    }

    private static DemoProfile profile(Settings settings) {
        String key = settings.find(PROFILE).orElse("ecommerce");
        DemoProfile profile = DemoProfile.of(key);
        if (profile == null) {
            throw new BadSettingsException(PROFILE, Text.of(
                    "Type d’entreprise inconnu : « " + key + " ». Choisissez e-commerce, commerce de proximité ou B2B.",
                    "Unknown kind of business: \"" + key + "\". Choose e-commerce, local business or B2B."));
        }
        return profile;
    }

    private static int historyDays(Settings settings) {
        return whole(settings, HISTORY_DAYS, 365, 30, 730);
    }

    private static long seed(Settings settings) {
        return whole(settings, SEED, 42, 1, 999_999);
    }

    private static int whole(Settings settings, String key, int fallback, int min, int max) {
        try {
            BigDecimal value = settings.number(key).orElse(BigDecimal.valueOf(fallback));
            if (value.stripTrailingZeros().scale() <= 0 && value.intValue() >= min && value.intValue() <= max) {
                return value.intValue();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // Told below, in the user's words.
        }
        throw new BadSettingsException(key, Text.of("Un nombre entier de " + min + " à " + max + ".",
                "A whole number from " + min + " to " + max + "."));
    }

    private static State parse(ConnectorContext context, String state) {
        Matcher matcher = STATE.matcher(state);
        if (!matcher.matches()) {
            context.logger().warn("Unreadable demo state {}, reading the history anew", state);
            return null;
        }
        return new State(LocalDate.parse(matcher.group(1)), LocalDate.parse(matcher.group(2)));
    }

    /** Where a read stands: the last full day read, and the first day of the history it belongs to. */
    private record State(LocalDate lastDay, LocalDate start) {

        @Override
        public String toString() {
            return "{\"lastDay\":\"" + lastDay + "\",\"start\":\"" + start + "\"}";
        }
    }
}
