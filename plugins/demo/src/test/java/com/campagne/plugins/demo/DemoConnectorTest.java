package com.campagne.plugins.demo;

import com.campagne.connectors.api.ReadRequest;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.api.Stream;
import com.campagne.connectors.api.schema.CampaignRecord;
import com.campagne.connectors.api.schema.Channel;
import com.campagne.connectors.api.schema.MetricRow;
import com.campagne.connectors.testkit.RecordingSink;
import com.campagne.connectors.testkit.TestContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo data looks like a real business: rhythm, seasons, events, plausible rates, unknowns left null. */
class DemoConnectorTest {

    /** 2026-12-31 in Paris: the history holds Black Friday 2026 (27 November) and Christmas. */
    private static final Clock NEW_YEAR = Clock.fixed(Instant.parse("2026-12-31T10:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate YESTERDAY = LocalDate.of(2026, 12, 30);
    private static final Set<String> ALL_ACCOUNTS = Set.of(DemoProfile.GOOGLE, DemoProfile.META,
            DemoProfile.ANALYTICS, DemoProfile.EMAILING);

    private final DemoConnector connector = new DemoConnector();

    private RecordingSink fullYear(String profile, Clock clock) {
        Settings settings = Settings.of(Map.of("profile", profile, "historyDays", "365"));
        RecordingSink sink = new RecordingSink();
        LocalDate yesterday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
        connector.read(TestContext.of(Map.of()).withClock(clock),
                new ReadRequest(settings, ALL_ACCOUNTS, Set.of(Stream.values()), yesterday.minusDays(364), yesterday,
                        null), sink);
        return sink;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecommerce", "local", "b2b"})
    void everyProfileGivesAYearOfValidRecordsWithEightToFifteenCampaigns(String profile) {
        RecordingSink sink = fullYear(profile, NEW_YEAR);
        assertThat(sink.records()).allSatisfy(r -> assertThat(r.problems()).as("%s", r).isEmpty());
        Set<String> steadyCampaigns = sink.records(CampaignRecord.class).stream()
                .map(c -> c.campaignId().replaceAll("-\\d{4}$", "")).collect(Collectors.toSet());
        assertThat(steadyCampaigns).hasSizeBetween(8, 15);
        assertThat(sink.records(MetricRow.class).stream().map(MetricRow::accountId).distinct())
                .containsExactlyInAnyOrderElementsOf(ALL_ACCOUNTS);
        assertThat(sink.checkpoints()).hasSize(365).last().asString().contains("\"lastDay\":\"" + YESTERDAY + "\"");
    }

    @Test
    void theSameSeedGivesTheSameFiguresAndAnotherSeedOthers() {
        LocalDate day = LocalDate.of(2026, 10, 14);
        DemoDataset a = new DemoDataset(DemoProfile.ECOMMERCE, 42, YESTERDAY.minusDays(365), 365, YESTERDAY);
        DemoDataset b = new DemoDataset(DemoProfile.ECOMMERCE, 42, YESTERDAY.minusDays(365), 365, YESTERDAY);
        DemoDataset c = new DemoDataset(DemoProfile.ECOMMERCE, 7, YESTERDAY.minusDays(365), 365, YESTERDAY);
        assertThat(a.rows(DemoProfile.GOOGLE, day)).isEqualTo(b.rows(DemoProfile.GOOGLE, day))
                .isNotEqualTo(c.rows(DemoProfile.GOOGLE, day));
    }

    @Test
    void b2bWeekendsAreQuieterThanWeekdays() {
        List<MetricRow> analytics = rows(fullYear("b2b", NEW_YEAR), DemoProfile.ANALYTICS);
        double weekend = average(analytics, d -> d.getDayOfWeek().getValue() >= 6, r -> r.measures().sessions());
        double weekdays = average(analytics, d -> d.getDayOfWeek().getValue() < 6, r -> r.measures().sessions());
        assertThat(weekend).isLessThan(weekdays * 0.6);
    }

    @Test
    void blackFridayAndDecemberLiftTheShopsSpend() {
        List<MetricRow> google = rows(fullYear("ecommerce", NEW_YEAR), DemoProfile.GOOGLE);
        LocalDate blackFriday = LocalDate.of(2026, 11, 27);
        double october = average(google, d -> d.getMonth().getValue() == 10, r -> r.measures().cost());
        double onBlackFriday = average(google, blackFriday::equals, r -> r.measures().cost());
        double earlyDecember = average(google, d -> d.getMonthValue() == 12 && d.getDayOfMonth() <= 20,
                r -> r.measures().cost());
        assertThat(onBlackFriday).isGreaterThan(october * 2.5);
        assertThat(earlyDecember).isGreaterThan(october * 1.3);
    }

    @Test
    void aCampaignLaunchesMidWayAndAnotherIsPausedThreeWeeksBeforeTheEnd() {
        RecordingSink sink = fullYear("ecommerce", NEW_YEAR);
        CampaignRecord launched = campaign(sink, "gads-display-collection");
        CampaignRecord paused = campaign(sink, "gads-search-deco");
        assertThat(launched.startDate()).isEqualTo(YESTERDAY.minusDays(365).plusDays(182));
        List<LocalDate> launchedDays = days(sink, launched.campaignId());
        assertThat(launchedDays.getFirst()).isEqualTo(launched.startDate());
        assertThat(paused.endDate()).isEqualTo(YESTERDAY.minusDays(21));
        assertThat(days(sink, paused.campaignId()).getLast()).isEqualTo(paused.endDate());
    }

    @Test
    void oneDayHasASpendSpikeOnOneCampaign() {
        RecordingSink sink = fullYear("ecommerce", NEW_YEAR);
        List<MetricRow> generic = sink.records(MetricRow.class).stream()
                .filter(r -> "gads-search-luminaires".equals(r.campaignId())).toList();
        MetricRow top = generic.stream().max((x, y) -> x.measures().cost().compareTo(y.measures().cost())).orElseThrow();
        LocalDate spike = YESTERDAY.minusDays(365).plusDays(365 * 7 / 10);
        assertThat(top.date()).isEqualTo(spike);
        BigDecimal cpc = top.measures().cost().divide(BigDecimal.valueOf(top.measures().clicks()), 2, RoundingMode.HALF_UP);
        assertThat(cpc).isGreaterThan(new BigDecimal("2"));
    }

    @Test
    void ratesArePlausibleAndInEuros() {
        List<MetricRow> google = rows(fullYear("ecommerce", NEW_YEAR), DemoProfile.GOOGLE).stream()
                .filter(r -> r.channel() == Channel.SEARCH).toList();
        long impressions = google.stream().mapToLong(r -> r.measures().impressions()).sum();
        long clicks = google.stream().mapToLong(r -> r.measures().clicks()).sum();
        double cost = google.stream().mapToDouble(r -> r.measures().cost().doubleValue()).sum();
        double conversions = google.stream().mapToDouble(r -> r.measures().conversions().doubleValue()).sum();
        assertThat((double) clicks / impressions).as("search CTR").isBetween(0.02, 0.12);
        assertThat(cost / clicks).as("search CPC").isBetween(0.3, 2.0);
        assertThat(conversions / clicks).as("search conversion rate").isBetween(0.01, 0.08);
        assertThat(google).allSatisfy(r -> assertThat(r.currency()).isEqualTo("EUR"));
    }

    @Test
    void whatASourceDoesNotKnowStaysNull() {
        RecordingSink b2b = fullYear("b2b", NEW_YEAR);
        assertThat(rows(b2b, DemoProfile.ANALYTICS)).allSatisfy(r -> {
            assertThat(r.measures().impressions()).isNull();
            assertThat(r.measures().cost()).isNull();
            assertThat(r.measures().sessions()).isNotNull();
        });
        assertThat(rows(b2b, DemoProfile.EMAILING)).isNotEmpty().allSatisfy(r -> {
            assertThat(r.measures().cost()).isNull();
            assertThat(r.measures().emailsSent()).isNotNull();
            assertThat(r.measures().emailsOpened()).isLessThanOrEqualTo(r.measures().emailsDelivered());
        });
        // Leads have no value the business tells.
        assertThat(rows(b2b, DemoProfile.GOOGLE)).allSatisfy(r -> assertThat(r.measures().conversionValue()).isNull());
    }

    @Test
    void theNextDaysIncrementalReadAddsExactlyThatDay() {
        RecordingSink full = fullYear("local", NEW_YEAR);
        Clock nextDay = Clock.offset(NEW_YEAR, java.time.Duration.ofDays(1));
        RecordingSink incremental = new RecordingSink();
        connector.read(TestContext.of(Map.of()).withClock(nextDay),
                new ReadRequest(Settings.of(Map.of("profile", "local", "historyDays", "365")), ALL_ACCOUNTS,
                        Set.of(Stream.DAILY_METRICS), YESTERDAY.minusDays(364), YESTERDAY.plusDays(1),
                        full.lastState()), incremental);
        assertThat(incremental.records(MetricRow.class)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.date()).isEqualTo(YESTERDAY.plusDays(1)));
        assertThat(incremental.lastState()).contains("\"lastDay\":\"" + YESTERDAY.plusDays(1) + "\"")
                .contains("\"start\":\"" + YESTERDAY.minusDays(365) + "\"");
    }

    @Test
    void laterIncrementalReadsKeepTheEventsWhereTheyWere() {
        RecordingSink full = fullYear("ecommerce", NEW_YEAR);
        Clock tenDaysLater = Clock.offset(NEW_YEAR, java.time.Duration.ofDays(10));
        RecordingSink later = new RecordingSink();
        connector.read(TestContext.of(Map.of()).withClock(tenDaysLater),
                new ReadRequest(Settings.of(Map.of("profile", "ecommerce", "historyDays", "365")), ALL_ACCOUNTS,
                        Set.of(Stream.values()), YESTERDAY.minusDays(364), YESTERDAY.plusDays(10),
                        full.lastState()), later);
        assertThat(later.records(CampaignRecord.class)).containsAll(full.records(CampaignRecord.class));
        assertThat(later.records(MetricRow.class)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.date()).isAfter(YESTERDAY))
                .noneSatisfy(r -> assertThat(r.campaignId()).isEqualTo("gads-search-deco"));
    }

    private static List<MetricRow> rows(RecordingSink sink, String accountId) {
        return sink.records(MetricRow.class).stream().filter(r -> r.accountId().equals(accountId)).toList();
    }

    private static CampaignRecord campaign(RecordingSink sink, String id) {
        return sink.records(CampaignRecord.class).stream().filter(c -> c.campaignId().equals(id)).findFirst()
                .orElseThrow();
    }

    private static List<LocalDate> days(RecordingSink sink, String campaignId) {
        return sink.records(MetricRow.class).stream().filter(r -> campaignId.equals(r.campaignId()))
                .map(MetricRow::date).sorted().toList();
    }

    /** The average per day of the daily total of a measure, over the days matching. */
    private static double average(List<MetricRow> rows, Predicate<LocalDate> days,
                                  java.util.function.Function<MetricRow, Number> measure) {
        Map<LocalDate, Double> totals = rows.stream().filter(r -> days.test(r.date()))
                .collect(Collectors.groupingBy(MetricRow::date,
                        Collectors.summingDouble(r -> measure.apply(r).doubleValue())));
        return totals.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

}
