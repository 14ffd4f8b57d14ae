package com.campagne.plugins.metaads;

import com.campagne.connectors.api.AuthenticationExpiredException;
import com.campagne.connectors.api.BadSettingsException;
import com.campagne.connectors.api.CheckResult;
import com.campagne.connectors.api.PermanentException;
import com.campagne.connectors.api.RateLimitedException;
import com.campagne.connectors.api.ReadRequest;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.api.Stream;
import com.campagne.connectors.api.TransientException;
import com.campagne.connectors.api.schema.AccountRecord;
import com.campagne.connectors.api.schema.AdGroupRecord;
import com.campagne.connectors.api.schema.AdRecord;
import com.campagne.connectors.api.schema.CampaignRecord;
import com.campagne.connectors.api.schema.Channel;
import com.campagne.connectors.api.schema.Device;
import com.campagne.connectors.api.schema.EntityStatus;
import com.campagne.connectors.api.schema.MetricRow;
import com.campagne.connectors.testkit.RecordingSink;
import com.campagne.connectors.testkit.TestContext;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** The Meta Ads connector against a WireMock Graph API answering as Meta's Marketing API reference documents. */
class MetaAdsConnectorTest {

    private static final String V = MetaStub.V;
    private static final String ACCOUNT = MetaStub.ACCOUNT;
    private static final String INSIGHTS = V + "/act_" + ACCOUNT + "/insights";
    private static final LocalDate FROM = LocalDate.parse("2026-11-09");
    private static final LocalDate TO = LocalDate.parse("2026-11-22");
    private static final String C1 = "120210000000000001";
    private static final String C2 = "120210000000000002";
    private static final String S1 = "120210000000000101";
    private static final String S2 = "120210000000000102";
    private static final String A1 = "120210000000001001";
    private static final String A2 = "120210000000001002";
    private static final String A3 = "120210000000001003";

    private final MetaAdsConnector connector = new MetaAdsConnector(Duration.ofMillis(5), Duration.ofSeconds(5));
    private MetaStub stub;

    @BeforeEach
    void start() {
        stub = MetaStub.standard();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private Settings settings(String... more) {
        Map<String, String> values = new HashMap<>();
        values.put(MetaAdsConnector.BASE_URL, stub.baseUrl());
        for (int i = 0; i < more.length; i += 2) {
            values.put(more[i], more[i + 1]);
        }
        return Settings.of(values);
    }

    private static TestContext context() {
        return TestContext.of(Map.of(MetaAdsConnector.ACCESS_TOKEN, MetaStub.TOKEN));
    }

    private RecordingSink read(Settings settings, LocalDate from, String state, Stream... streams) {
        RecordingSink sink = new RecordingSink();
        connector.read(context(), new ReadRequest(settings, Set.of(ACCOUNT), streams.length == 0
                ? Set.of(Stream.ACCOUNTS, Stream.CAMPAIGNS, Stream.AD_GROUPS, Stream.ADS, Stream.DAILY_METRICS)
                : Set.of(streams), from, TO, state), sink);
        return sink;
    }

    private RecordingSink read() {
        return read(settings(), FROM, null);
    }

    private void insightsAnswer(ResponseDefinitionBuilder response) {
        stub.server.stubFor(get(urlPathEqualTo(INSIGHTS)).atPriority(1).willReturn(response));
    }

    private static MetricRow row(RecordingSink sink, String date, String ad, Device device) {
        return sink.records(MetricRow.class).stream()
                .filter(r -> r.date().equals(LocalDate.parse(date)) && r.adId().equals(ad) && r.device() == device)
                .findFirst().orElseThrow(() -> new AssertionError("no row " + date + " " + ad + " " + device));
    }

    // ---------------------------------------------------------------- check and discover

    @Test
    void checkNamesTheAccountsAndTheTokensExpiry() {
        CheckResult result = connector.check(context(), settings());
        assertThat(result.message().fr()).isEqualTo("Connecté à Meta : 2 compte(s) publicitaire(s) (Boulangerie Martin, Martin Traiteur).");
        assertThat(result.message().en()).isEqualTo("Connected to Meta: 2 ad account(s) (Boulangerie Martin, Martin Traiteur).");
        assertThat(result.credentialsExpireAt()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        // The token travels in the header only, and the version is pinned in the path.
        stub.server.verify(getRequestedFor(urlPathEqualTo(V + "/me/adaccounts"))
                .withHeader("Authorization", equalTo("Bearer " + MetaStub.TOKEN))
                .withQueryParam("fields", equalTo("id,account_id,name,currency,timezone_name,account_status"))
                .withQueryParam("access_token", absent()));
    }

    @Test
    void discoverGivesEachAccountWithItsCurrencyAndTimeZone() {
        assertThat(connector.discover(context(), settings()).accounts()).containsExactly(
                new AccountRecord(ACCOUNT, "Boulangerie Martin", "EUR", ZoneId.of("Europe/Paris")),
                new AccountRecord(MetaStub.EMPTY_ACCOUNT, "Martin Traiteur", "EUR", ZoneId.of("Europe/Paris")));
    }

    @Test
    void accountsArePagedWithTheAfterCursor() {
        stub.server.stubFor(get(urlPathEqualTo(V + "/me/adaccounts")).atPriority(1).withQueryParam("after", absent())
                .willReturn(okJson(MetaStub.body("adaccounts-page1.json"))));
        stub.server.stubFor(get(urlPathEqualTo(V + "/me/adaccounts")).atPriority(1)
                .withQueryParam("after", equalTo("QVFIUmFjY291bnRzLXBhZ2UtMg"))
                .willReturn(okJson(MetaStub.body("adaccounts-page2.json"))));
        assertThat(connector.discover(context(), settings()).accounts()).extracting(AccountRecord::accountId,
                AccountRecord::currency, AccountRecord::timeZone).containsExactly(
                tuple(ACCOUNT, "EUR", ZoneId.of("Europe/Paris")),
                tuple("5550001112", "CAD", ZoneId.of("America/Toronto")));
        // paging.next points at Meta with the token in it: the connector asks its own base URL instead.
        stub.server.verify(2, getRequestedFor(urlPathEqualTo(V + "/me/adaccounts")));
    }

    @Test
    void theAccountFilterKeepsTheNamedAccountsOnly() {
        assertThat(connector.discover(context(), settings(MetaAdsConnector.AD_ACCOUNTS, "act_9876543210")).accounts())
                .extracting(AccountRecord::accountId).containsExactly(MetaStub.EMPTY_ACCOUNT);
        BadSettingsException e = catchThrowableOfType(BadSettingsException.class,
                () -> connector.check(context(), settings(MetaAdsConnector.AD_ACCOUNTS, "111, 222")));
        assertThat(e.settingKey()).isEqualTo(MetaAdsConnector.AD_ACCOUNTS);
    }

    // ---------------------------------------------------------------- read

    @Test
    void readMapsCampaignsAdSetsAndAds() {
        RecordingSink sink = read();
        assertThat(sink.records(CampaignRecord.class)).containsExactly(
                new CampaignRecord(ACCOUNT, C1, "Noël 2026 – Bûches", EntityStatus.ACTIVE, Channel.SOCIAL,
                        LocalDate.parse("2026-11-02"), LocalDate.parse("2026-12-24")),
                // 00:30 UTC is 02:30 in Paris; no stop_time: open-ended.
                new CampaignRecord(ACCOUNT, C2, "Notoriété boutique", EntityStatus.PAUSED, Channel.SOCIAL,
                        LocalDate.parse("2026-10-01"), null));
        assertThat(sink.records(AdGroupRecord.class)).containsExactly(
                new AdGroupRecord(ACCOUNT, C1, S1, "Paris 25-54 ans", EntityStatus.ACTIVE),
                new AdGroupRecord(ACCOUNT, C2, S2, "Île-de-France large", EntityStatus.PAUSED));
        assertThat(sink.records(AdRecord.class)).containsExactly(
                new AdRecord(ACCOUNT, C1, S1, A1, "Bûche chocolat – vidéo", null, EntityStatus.ACTIVE),
                new AdRecord(ACCOUNT, C1, S1, A2, "Bûche marrons – carrousel", null, EntityStatus.OTHER),
                new AdRecord(ACCOUNT, C2, S2, A3, "La boutique", null, EntityStatus.PAUSED));
        stub.server.verify(getRequestedFor(urlPathEqualTo(V + "/act_" + ACCOUNT + "/campaigns"))
                .withQueryParam("fields", equalTo("id,name,status,effective_status,objective,start_time,stop_time")));
    }

    @Test
    void readMapsDailyInsightsOfTwoPagesByDevice() {
        RecordingSink sink = read();
        assertThat(sink.records(MetricRow.class)).hasSize(4).allSatisfy(r -> {
            assertThat(r.problems()).isEmpty();
            assertThat(r.channel()).isEqualTo(Channel.SOCIAL);
            assertThat(r.currency()).isEqualTo("EUR");
            assertThat(r.hour()).isNull();
            assertThat(r.country()).isNull();
        });
        // mobile_app (page 1) and mobile_web (page 2) of the same ad and day add up into one MOBILE row.
        MetricRow mobile = row(sink, "2026-11-20", A1, Device.MOBILE);
        assertThat(mobile.campaignId()).isEqualTo(C1);
        assertThat(mobile.adGroupId()).isEqualTo(S1);
        assertThat(mobile.measures().impressions()).isEqualTo(1820);
        assertThat(mobile.measures().clicks()).as("link clicks").isEqualTo(52);
        assertThat(mobile.measures().cost()).isEqualByComparingTo("46.00");
        assertThat(mobile.measures().conversions()).as("3 + 1 purchases, 1 registration; pixel and omni not counted twice")
                .isEqualByComparingTo("5");
        assertThat(mobile.measures().conversionValue()).isEqualByComparingTo("124.5");
        assertThat(mobile.measures().videoViews()).as("ThruPlays").isEqualTo(210);
        assertThat(mobile.measures().engagements()).isEqualTo(75);
        assertThat(mobile.measures().likes()).isEqualTo(12);
        assertThat(mobile.measures().comments()).isEqualTo(2);
        assertThat(mobile.measures().shares()).isEqualTo(1);
        assertThat(mobile.measures().sessions()).as("unknown is null").isNull();

        MetricRow desktop = row(sink, "2026-11-20", A1, Device.DESKTOP);
        assertThat(desktop.measures().cost()).isEqualByComparingTo("11.02");
        assertThat(desktop.measures().conversions()).isEqualByComparingTo("1");
        assertThat(desktop.measures().conversionValue()).isEqualByComparingTo("32");
        assertThat(desktop.measures().videoViews()).as("no video: unknown").isNull();

        MetricRow leads = row(sink, "2026-11-21", A2, Device.MOBILE);
        assertThat(leads.measures().conversions()).isEqualByComparingTo("2");
        assertThat(leads.measures().conversionValue()).as("leads have no value: unknown, not 0").isNull();

        MetricRow quiet = row(sink, "2026-11-22", A3, Device.DESKTOP);
        assertThat(quiet.measures().impressions()).isEqualTo(95);
        assertThat(quiet.measures().clicks()).isZero();
        assertThat(quiet.measures().cost()).isEqualByComparingTo("0");
        assertThat(quiet.measures().conversions()).as("no action reported: none happened").isEqualByComparingTo("0");
        assertThat(quiet.measures().conversionValue()).isEqualByComparingTo("0");

        assertThat(sink.records(MetricRow.class)).as("the row of 5 November is outside the range")
                .noneMatch(r -> r.date().equals(LocalDate.parse("2026-11-05")));
        assertThat(sink.lastState()).isEqualTo("{\"" + ACCOUNT + "\":\"2026-11-22\"}");
        stub.server.verify(getRequestedFor(urlPathEqualTo(INSIGHTS))
                .withQueryParam("level", equalTo("ad"))
                .withQueryParam("time_increment", equalTo("1"))
                .withQueryParam("time_range", equalTo("{\"since\":\"2026-11-09\",\"until\":\"2026-11-22\"}"))
                .withQueryParam("breakdowns", equalTo("device_platform"))
                .withQueryParam("fields", containing("actions,action_values"))
                .withQueryParam("after", absent()));
        stub.server.verify(getRequestedFor(urlPathEqualTo(INSIGHTS)).withQueryParam("after", equalTo("NAZDZD")));
        stub.server.verify(0, postRequestedFor(urlPathEqualTo(INSIGHTS)));
    }

    @Test
    void customActionTypesChooseWhatCountsAsAConversion() {
        RecordingSink sink = read(settings(MetaAdsConnector.CONVERSIONS, MetaAdsConnector.CUSTOM,
                MetaAdsConnector.CUSTOM_ACTION_TYPES, "offsite_conversion.fb_pixel_purchase"), FROM, null, Stream.DAILY_METRICS);
        MetricRow mobile = row(sink, "2026-11-20", A1, Device.MOBILE);
        assertThat(mobile.measures().conversions()).isEqualByComparingTo("3");
        assertThat(mobile.measures().conversionValue()).isEqualByComparingTo("96.5");
        assertThat(row(sink, "2026-11-21", A2, Device.MOBILE).measures().conversions()).as("leads not counted")
                .isEqualByComparingTo("0");

        BadSettingsException e = catchThrowableOfType(BadSettingsException.class, () -> connector.check(context(),
                settings(MetaAdsConnector.CONVERSIONS, MetaAdsConnector.CUSTOM)));
        assertThat(e.settingKey()).isEqualTo(MetaAdsConnector.CUSTOM_ACTION_TYPES);
    }

    @Test
    void anIncrementalReadReadsTheLastSevenDaysAgain() {
        RecordingSink sink = read(settings(), LocalDate.parse("2026-10-01"), "{\"" + ACCOUNT + "\":\"2026-11-20\"}",
                Stream.DAILY_METRICS);
        stub.server.verify(getRequestedFor(urlPathEqualTo(INSIGHTS))
                .withQueryParam("time_range", equalTo("{\"since\":\"2026-11-14\",\"until\":\"2026-11-22\"}")));
        stub.server.verify(0, postRequestedFor(urlPathEqualTo(INSIGHTS)));
        assertThat(sink.records(MetricRow.class)).hasSize(4);
        assertThat(sink.lastState()).isEqualTo("{\"" + ACCOUNT + "\":\"2026-11-22\"}");
    }

    @Test
    void todayIsReadButNotMarkedDone() {
        // The clock says 23 November 09:00 in Paris: the 23rd is incomplete and read again next time.
        RecordingSink sink = new RecordingSink();
        connector.read(context(), new ReadRequest(settings(), Set.of(ACCOUNT), Set.of(Stream.DAILY_METRICS),
                FROM, LocalDate.parse("2026-11-23"), null), sink);
        assertThat(sink.lastState()).isEqualTo("{\"" + ACCOUNT + "\":\"2026-11-22\"}");
    }

    @Test
    void anEmptyDataListGivesNoRowAndStillCheckpoints() {
        insightsAnswer(okJson(MetaStub.body("empty.json")));
        RecordingSink sink = read(settings(), FROM, null, Stream.DAILY_METRICS);
        assertThat(sink.records()).isEmpty();
        assertThat(sink.lastState()).isEqualTo("{\"" + ACCOUNT + "\":\"2026-11-22\"}");
    }

    @Test
    void anAccountWithoutAdsGivesItsAccountRecordOnly() {
        RecordingSink sink = new RecordingSink();
        connector.read(context(), new ReadRequest(settings(), Set.of(MetaStub.EMPTY_ACCOUNT),
                Set.of(Stream.ACCOUNTS, Stream.CAMPAIGNS, Stream.DAILY_METRICS), FROM, TO, null), sink);
        assertThat(sink.records()).singleElement().isInstanceOf(AccountRecord.class);
        stub.server.verify(0, getRequestedFor(urlPathEqualTo(INSIGHTS)));
    }

    // ---------------------------------------------------------------- asynchronous report runs

    @Test
    void aLongRangeIsAnAsynchronousReportRunPolledUntilCompleted() {
        RecordingSink sink = read(settings(), LocalDate.parse("2026-09-01"), null, Stream.DAILY_METRICS);
        stub.server.verify(postRequestedFor(urlPathEqualTo(INSIGHTS))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("level=ad"))
                .withRequestBody(containing("time_increment=1"))
                .withRequestBody(containing("breakdowns=device_platform"))
                .withRequestBody(containing("time_range=%7B%22since%22%3A%222026-09-01%22%2C%22until%22%3A%222026-11-22%22%7D")));
        stub.server.verify(2, getRequestedFor(urlPathEqualTo(V + "/" + MetaStub.REPORT_RUN)));
        stub.server.verify(getRequestedFor(urlPathEqualTo(V + "/" + MetaStub.REPORT_RUN + "/insights")));
        stub.server.verify(0, getRequestedFor(urlPathEqualTo(INSIGHTS)));
        assertThat(sink.records(MetricRow.class)).extracting(MetricRow::date, MetricRow::adId, MetricRow::device)
                .containsExactlyInAnyOrder(
                        tuple(LocalDate.parse("2026-09-15"), A3, Device.MOBILE),
                        tuple(LocalDate.parse("2026-11-20"), A1, Device.DESKTOP));
        assertThat(row(sink, "2026-09-15", A3, Device.MOBILE).measures().cost()).isEqualByComparingTo("22.5");
        assertThat(sink.lastState()).isEqualTo("{\"" + ACCOUNT + "\":\"2026-11-22\"}");
    }

    @Test
    void aVeryLongRangeIsOneReportRunPer90DaysWithACheckpointAfterEach() {
        RecordingSink sink = read(settings(), LocalDate.parse("2026-05-01"), null, Stream.DAILY_METRICS);
        for (String range : new String[]{"2026-05-01%22%2C%22until%22%3A%222026-07-29",
                "2026-07-30%22%2C%22until%22%3A%222026-10-27", "2026-10-28%22%2C%22until%22%3A%222026-11-22"}) {
            stub.server.verify(1, postRequestedFor(urlPathEqualTo(INSIGHTS))
                    .withRequestBody(containing("time_range=%7B%22since%22%3A%22" + range + "%22%7D")));
        }
        assertThat(sink.checkpoints()).filteredOn(c -> !c.contains("reports")).startsWith("{\"" + ACCOUNT + "\":\"2026-07-29\"}",
                "{\"" + ACCOUNT + "\":\"2026-10-27\"}", "{\"" + ACCOUNT + "\":\"2026-11-22\"}");
        // Each block keeps the report's rows of its own days only: no row twice.
        assertThat(sink.records(MetricRow.class)).extracting(MetricRow::date)
                .containsExactlyInAnyOrder(LocalDate.parse("2026-09-15"), LocalDate.parse("2026-11-20"));
    }

    @Test
    void tooMuchDataForASynchronousCallBecomesAReportRun() {
        insightsAnswer(MetaStub.json(500, "error-1-too-much-data.json"));
        RecordingSink sink = read(settings(), FROM, null, Stream.DAILY_METRICS);
        stub.server.verify(1, getRequestedFor(urlPathEqualTo(INSIGHTS)));
        stub.server.verify(postRequestedFor(urlPathEqualTo(INSIGHTS))
                .withRequestBody(containing("time_range=%7B%22since%22%3A%222026-11-09%22%2C%22until%22%3A%222026-11-22%22%7D")));
        // The report's rows of the range only: 15 September is outside it.
        assertThat(sink.records(MetricRow.class)).extracting(MetricRow::date, MetricRow::adId)
                .containsExactly(tuple(LocalDate.parse("2026-11-20"), A1));
    }

    @Test
    void aReportRunNotReadyInTimeIsTakenUpByTheNextRead() {
        var running = stub.server.stubFor(get(urlPathEqualTo(V + "/" + MetaStub.REPORT_RUN)).atPriority(1)
                .willReturn(okJson(MetaStub.body("report-run-running.json"))));
        MetaAdsConnector impatient = new MetaAdsConnector(Duration.ofMillis(5), Duration.ofMillis(30));
        ReadRequest request = new ReadRequest(settings(), Set.of(ACCOUNT), Set.of(Stream.DAILY_METRICS),
                LocalDate.parse("2026-09-01"), TO, null);
        RecordingSink first = new RecordingSink();
        assertThatThrownBy(() -> impatient.read(context(), request, first)).isInstanceOf(TransientException.class);
        assertThat(first.lastState()).isEqualTo("{\"reports\":{\"" + ACCOUNT + "\":{\"run\":\"" + MetaStub.REPORT_RUN
                + "\",\"since\":\"2026-09-01\",\"until\":\"2026-11-22\"}}}");

        stub.server.removeStub(running);
        RecordingSink second = new RecordingSink();
        impatient.read(context(), request.withState(first.lastState()), second);
        stub.server.verify(1, postRequestedFor(urlPathEqualTo(INSIGHTS)));
        assertThat(second.records(MetricRow.class)).hasSize(2);
        assertThat(second.lastState()).isEqualTo("{\"" + ACCOUNT + "\":\"2026-11-22\"}");
    }

    @Test
    void aPendingRunMetaNoLongerKnowsIsStartedAgain() {
        String state = "{\"reports\":{\"" + ACCOUNT + "\":{\"run\":\"999\",\"since\":\"2026-09-01\",\"until\":\"2026-11-22\"}}}";
        stub.server.stubFor(get(urlPathEqualTo(V + "/999")).willReturn(MetaStub.json(400, "error-100.json")));
        RecordingSink sink = read(settings(), LocalDate.parse("2026-09-01"), state, Stream.DAILY_METRICS);
        stub.server.verify(getRequestedFor(urlPathEqualTo(V + "/999")));
        stub.server.verify(1, postRequestedFor(urlPathEqualTo(INSIGHTS)));
        assertThat(sink.records(MetricRow.class)).hasSize(2);
        assertThat(sink.lastState()).doesNotContain("reports");
    }

    @Test
    void theReReadDaysOfALongReadComeFirstSoReportRunsKeepTheirDays() {
        assertThat(MetaAdsConnector.blocks(LocalDate.parse("2026-05-01"), LocalDate.parse("2026-11-22"), null))
                .extracting(MetaAdsConnector.Block::from, MetaAdsConnector.Block::to, MetaAdsConnector.Block::report)
                .containsExactly(tuple(LocalDate.parse("2026-05-01"), LocalDate.parse("2026-07-29"), true),
                        tuple(LocalDate.parse("2026-07-30"), LocalDate.parse("2026-10-27"), true),
                        tuple(LocalDate.parse("2026-10-28"), LocalDate.parse("2026-11-22"), true));
        // Tried again after the first run: the 7 re-read days in one call, then the same second and third runs.
        assertThat(MetaAdsConnector.blocks(LocalDate.parse("2026-07-23"), LocalDate.parse("2026-11-22"),
                LocalDate.parse("2026-07-29")))
                .extracting(MetaAdsConnector.Block::from, MetaAdsConnector.Block::to, MetaAdsConnector.Block::report)
                .containsExactly(tuple(LocalDate.parse("2026-07-23"), LocalDate.parse("2026-07-29"), false),
                        tuple(LocalDate.parse("2026-07-30"), LocalDate.parse("2026-10-27"), true),
                        tuple(LocalDate.parse("2026-10-28"), LocalDate.parse("2026-11-22"), true));
        assertThat(MetaAdsConnector.blocks(LocalDate.parse("2026-11-14"), LocalDate.parse("2026-11-22"),
                LocalDate.parse("2026-11-20"))).containsExactly(new MetaAdsConnector.Block(
                LocalDate.parse("2026-11-14"), LocalDate.parse("2026-11-22"), false));
    }

    @Test
    void aFailedReportRunIsTransient() {
        stub.server.stubFor(get(urlPathEqualTo(V + "/" + MetaStub.REPORT_RUN)).atPriority(1)
                .willReturn(okJson(MetaStub.body("report-run-failed.json"))));
        TransientException e = catchThrowableOfType(TransientException.class,
                () -> read(settings(), LocalDate.parse("2026-09-01"), null, Stream.DAILY_METRICS));
        assertThat(e.userMessage().en()).contains("Job Failed");
    }

    @Test
    void aReportRunThatNeverEndsIsTransient() {
        stub.server.stubFor(get(urlPathEqualTo(V + "/" + MetaStub.REPORT_RUN)).atPriority(1)
                .willReturn(okJson(MetaStub.body("report-run-running.json"))));
        MetaAdsConnector impatient = new MetaAdsConnector(Duration.ofMillis(5), Duration.ofMillis(30));
        TransientException e = catchThrowableOfType(TransientException.class, () -> impatient.read(context(),
                new ReadRequest(settings(), Set.of(ACCOUNT), Set.of(Stream.DAILY_METRICS), LocalDate.parse("2026-09-01"),
                        TO, null), new RecordingSink()));
        assertThat(e.userMessage().en()).contains("not ready", "Job Running", "42 %");
    }

    // ---------------------------------------------------------------- errors

    @Test
    void anExpiredTokenAsksToReconnect() {
        TestContext expired = TestContext.of(Map.of(MetaAdsConnector.ACCESS_TOKEN, MetaStub.EXPIRED));
        AuthenticationExpiredException e = catchThrowableOfType(AuthenticationExpiredException.class,
                () -> connector.check(expired, settings()));
        assertThat(e.userMessage().en()).contains("Session has expired", "code 190/463", "System users");
        assertThat(e.userMessage().fr()).contains("jeton d’accès", "Utilisateurs système");

        insightsAnswer(MetaStub.json(400, "error-190-invalid.json"));
        assertThatThrownBy(this::read).isInstanceOf(AuthenticationExpiredException.class)
                .hasMessageContaining("Cannot parse access token");
        insightsAnswer(MetaStub.json(401, "error-190.json"));
        assertThatThrownBy(this::read).isInstanceOf(AuthenticationExpiredException.class);
    }

    @Test
    void aMissingPermissionIsABadAccessToken() {
        stub.server.stubFor(get(urlPathEqualTo(V + "/me/adaccounts")).atPriority(1).willReturn(MetaStub.json(403, "error-200.json")));
        BadSettingsException check = catchThrowableOfType(BadSettingsException.class, () -> connector.check(context(), settings()));
        assertThat(check.settingKey()).isEqualTo(MetaAdsConnector.ACCESS_TOKEN);
        assertThat(check.userMessage().en()).contains("NOT grant ads_management or ads_read", "(code 200)", "ads_read permission");

        stub.close();
        stub = MetaStub.standard();
        insightsAnswer(MetaStub.json(400, "error-10.json"));
        BadSettingsException read = catchThrowableOfType(BadSettingsException.class, this::read);
        assertThat(read.userMessage().en()).contains("(code 10)");
    }

    @Test
    void userRequestLimitWaitsForTheBusinessUseCaseRegainTime() {
        insightsAnswer(MetaStub.json(400, "error-17.json").withHeader("X-Business-Use-Case-Usage",
                "{\"" + ACCOUNT + "\":[{\"type\":\"ads_insights\",\"call_count\":100,\"total_cputime\":31,\"total_time\":44,"
                        + "\"estimated_time_to_regain_access\":12,\"ads_api_access_tier\":\"standard_access\"}]}"));
        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, this::read);
        assertThat(e.retryAfter()).as("is_transient is true too, but it is a rate limit").isEqualTo(Duration.ofMinutes(12));
    }

    @Test
    void adAccountLimitWaitsForTheAccountsResetTime() {
        insightsAnswer(MetaStub.json(400, "error-80000.json").withHeader("X-Ad-Account-Usage",
                "{\"acc_id_util_pct\":100,\"reset_time_duration\":480,\"ads_api_access_tier\":\"standard_access\"}"));
        assertThat(catchThrowableOfType(RateLimitedException.class, this::read).retryAfter()).isEqualTo(Duration.ofMinutes(8));
    }

    @Test
    void aLimitWithoutAnyDelayWaitsFiveMinutes() {
        for (int code : new int[]{4, 32, 613, 80004, 80014}) {
            insightsAnswer(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"message\":\"(#" + code + ") Too many calls\",\"type\":\"OAuthException\",\"code\":"
                            + code + ",\"fbtrace_id\":\"AbC\"}}"));
            assertThat(catchThrowableOfType(RateLimitedException.class, this::read).retryAfter()).as("code %s", code)
                    .isEqualTo(MetaApi.DEFAULT_WAIT);
        }
        insightsAnswer(aResponse().withStatus(429).withHeader("Retry-After", "90"));
        assertThat(catchThrowableOfType(RateLimitedException.class, this::read).retryAfter()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aNearlySpentQuotaStopsTheReadBeforeMetaBlocksIt() {
        stub.server.stubFor(get(urlPathEqualTo(V + "/act_" + ACCOUNT + "/campaigns")).atPriority(1)
                .willReturn(okJson(MetaStub.body("campaigns.json")).withHeader("X-Business-Use-Case-Usage",
                        "{\"" + ACCOUNT + "\":[{\"type\":\"ads_management\",\"call_count\":97,\"total_cputime\":20,"
                                + "\"total_time\":25,\"estimated_time_to_regain_access\":3}]}")));
        RecordingSink sink = new RecordingSink();
        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> connector.read(context(),
                new ReadRequest(settings(), Set.of(ACCOUNT), Set.of(Stream.CAMPAIGNS, Stream.AD_GROUPS), FROM, TO, null), sink));
        assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(3));
        assertThat(sink.records(CampaignRecord.class)).hasSize(2);
        stub.server.verify(0, getRequestedFor(urlPathMatching(".*/adsets")));
    }

    @Test
    void theInsightsThrottleHeaderStopsTheReadToo() {
        stub.server.stubFor(get(urlPathEqualTo(INSIGHTS)).atPriority(1).withQueryParam("after", absent())
                .willReturn(okJson(MetaStub.body("insights-page1.json"))
                        .withHeader("X-FB-Ads-Insights-Throttle", "{\"app_id_util_pct\":12.5,\"acc_id_util_pct\":99.8}")));
        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, this::read);
        assertThat(e.retryAfter()).as("no regain time told").isEqualTo(MetaApi.DEFAULT_WAIT);
        stub.server.verify(0, getRequestedFor(urlPathEqualTo(INSIGHTS)).withQueryParam("after", equalTo("NAZDZD")));
    }

    @Test
    void serverErrorsAndTransientErrorsAreTransient() {
        insightsAnswer(MetaStub.json(500, "error-500-transient.json"));
        assertThat(catchThrowableOfType(TransientException.class, this::read).userMessage().en())
                .contains("HTTP 500", "Please retry your request later", "code 2");
        insightsAnswer(MetaStub.json(400, "error-500-transient.json"));
        assertThatThrownBy(this::read).isInstanceOf(TransientException.class);
        insightsAnswer(aResponse().withStatus(503).withHeader("Content-Type", "text/html").withBody(MetaStub.body("malformed.html")));
        assertThat(catchThrowableOfType(TransientException.class, this::read).userMessage().en()).contains("HTTP 503");
    }

    @Test
    void anInvalidParameterIsPermanentWithMetasMessage() {
        insightsAnswer(MetaStub.json(400, "error-100.json"));
        PermanentException e = catchThrowableOfType(PermanentException.class, this::read);
        assertThat(e).isNotInstanceOf(BadSettingsException.class);
        assertThat(e.userMessage().en()).contains("HTTP 400", "breakdowns[0] must be one of", "code 100");
    }

    @Test
    void aMalformedBodyIsAClearPermanentFailure() {
        insightsAnswer(okJson(MetaStub.body("truncated.json")));
        PermanentException e = catchThrowableOfType(PermanentException.class, this::read);
        assertThat(e.userMessage().en()).contains("unreadable answer", "GET /act_" + ACCOUNT + "/insights");
        insightsAnswer(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(MetaStub.body("malformed.html")));
        assertThatThrownBy(this::read).isInstanceOf(PermanentException.class).hasMessageContaining("not the expected JSON");
        insightsAnswer(okJson("{\"data\":{\"campaign_id\":\"1\"}}"));
        assertThatThrownBy(this::read).isInstanceOf(PermanentException.class).hasMessageContaining("data is not a list");
    }

    @Test
    void deviceAndStatusMappings() {
        assertThat(MetaAdsConnector.device("mobile_web")).isEqualTo(Device.MOBILE);
        assertThat(MetaAdsConnector.device("desktop")).isEqualTo(Device.DESKTOP);
        assertThat(MetaAdsConnector.device("unknown")).isEqualTo(Device.OTHER);
        assertThat(MetaAdsConnector.device(null)).isNull();
        assertThat(MetaAdsConnector.status("ADSET_PAUSED", "ACTIVE")).isEqualTo(EntityStatus.PAUSED);
        assertThat(MetaAdsConnector.status(null, "ARCHIVED")).isEqualTo(EntityStatus.REMOVED);
        assertThat(MetaAdsConnector.status("PENDING_REVIEW", "ACTIVE")).isEqualTo(EntityStatus.OTHER);
        assertThat(MetaAdsConnector.day("2026-12-24T23:59:00+0100", ZoneId.of("Europe/Paris"))).isEqualTo(LocalDate.parse("2026-12-24"));
    }
}
