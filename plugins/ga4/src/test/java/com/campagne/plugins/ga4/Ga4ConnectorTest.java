package com.campagne.plugins.ga4;

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
import com.campagne.connectors.api.schema.CampaignRecord;
import com.campagne.connectors.api.schema.Channel;
import com.campagne.connectors.api.schema.Device;
import com.campagne.connectors.api.schema.MetricRow;
import com.campagne.connectors.testkit.RecordingSink;
import com.campagne.connectors.testkit.TestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The GA4 connector against a WireMock Google Analytics answering as the Data and Admin APIs document. */
class Ga4ConnectorTest {

    private static final LocalDate FROM = LocalDate.parse("2026-11-09");
    private static final LocalDate TO = LocalDate.parse("2026-11-22");

    private final Ga4Connector connector = new Ga4Connector();
    private Ga4Stub stub;

    @BeforeEach
    void start() {
        stub = Ga4Stub.standard();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private Settings settings(String properties) {
        return Settings.of(Map.of(Ga4Connector.PROPERTY_ID, properties, Ga4Connector.BASE_URL, stub.baseUrl(),
                Ga4Connector.ADMIN_BASE_URL, stub.baseUrl()));
    }

    private TestContext context() {
        return TestContext.of(Map.of(Ga4Connector.GOOGLE_ACCOUNT, Ga4Stub.TOKEN));
    }

    private RecordingSink read(String property, LocalDate from, LocalDate to, String state) {
        RecordingSink sink = new RecordingSink();
        connector.read(context(), new ReadRequest(settings(property), Set.of(property),
                Set.of(Stream.ACCOUNTS, Stream.CAMPAIGNS, Stream.DAILY_METRICS), from, to, state), sink);
        return sink;
    }

    @Test
    void specDeclaresTheGoogleAccountWithTheAnalyticsReadOnlyScope() {
        var spec = connector.spec();
        assertThat(spec.setting(Ga4Connector.GOOGLE_ACCOUNT).type()).isEqualTo(com.campagne.connectors.api.SettingType.OAUTH2_ACCOUNT);
        assertThat(spec.oauth2().scopes()).containsExactly("https://www.googleapis.com/auth/analytics.readonly");
        assertThat(spec.oauth2().authorizationEndpoint().getHost()).isEqualTo("accounts.google.com");
        assertThat(spec.setting(Ga4Connector.PROPERTY_ID).validate("G-ABC123")).isPresent();
        assertThat(spec.setting(Ga4Connector.PROPERTY_ID).validate("123456789, 987654321")).isEmpty();
    }

    @Test
    void checkNamesThePropertiesFromTheAdminApi() {
        CheckResult result = connector.check(context(), settings("123,456"));
        assertThat(result.message().fr()).contains("Boutique Martin – GA4 (123)", "Martin US (456)");
        assertThat(result.message().en()).startsWith("Connected to Google Analytics 4");
        stub.server.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/v1beta/properties/123"))
                .withHeader("Authorization", equalTo("Bearer " + Ga4Stub.TOKEN)));
    }

    @Test
    void discoverGivesEachPropertysCurrencyAndTimeZone() {
        assertThat(connector.discover(context(), settings("123, 456")).accounts()).containsExactly(
                new AccountRecord("123", "Boutique Martin – GA4", "EUR", ZoneId.of("Europe/Paris")),
                new AccountRecord("456", "Martin US", "USD", ZoneId.of("America/New_York")));
    }

    @Test
    void withoutTheAdminApiThePropertyIsDescribedByTheReportMetadata() {
        stub.property("123", Ga4Stub.json(403, "error-403-disabled.json"));
        assertThat(connector.discover(context(), settings("123")).accounts()).containsExactly(
                new AccountRecord("123", "GA4 123", "EUR", ZoneId.of("Europe/Paris")));
    }

    @Test
    void theReportAsksForTheDocumentedDimensionsMetricsAndQuota() {
        read("123", FROM, TO, null);
        stub.server.verify(1, postRequestedFor(urlPathEqualTo("/v1beta/properties/123:runReport"))
                .withRequestBody(equalToJson("""
                        {"dateRanges":[{"startDate":"2026-11-09","endDate":"2026-11-22"}],
                         "dimensions":[{"name":"date"},{"name":"sessionDefaultChannelGroup"},
                                       {"name":"sessionCampaignName"},{"name":"deviceCategory"}],
                         "metrics":[{"name":"sessions"},{"name":"totalUsers"},{"name":"newUsers"},
                                    {"name":"screenPageViews"},{"name":"keyEvents"},{"name":"purchaseRevenue"},
                                    {"name":"engagedSessions"}],
                         "orderBys":[{"dimension":{"dimensionName":"date"}},
                                     {"dimension":{"dimensionName":"sessionDefaultChannelGroup"}},
                                     {"dimension":{"dimensionName":"sessionCampaignName"}},
                                     {"dimension":{"dimensionName":"deviceCategory"}}],
                         "limit":10000,"offset":0,"keepEmptyRows":false,"returnPropertyQuota":true}""")));
    }

    @Test
    void readMapsChannelsCampaignsDevicesAndMeasures() {
        RecordingSink sink = read("123", FROM, TO, null);
        List<MetricRow> day = sink.records(MetricRow.class).stream().filter(r -> r.date().equals(FROM)).toList();
        // Six GA4 rows, two of which (Unassigned, Paid Other) fall on OTHER / no campaign / tablet.
        assertThat(day).hasSize(5);

        MetricRow search = day.stream().filter(r -> r.channel() == Channel.SEARCH).findFirst().orElseThrow();
        assertThat(search.campaignId()).isEqualTo("black-friday-2026");
        assertThat(search.device()).isEqualTo(Device.MOBILE);
        assertThat(search.currency()).isEqualTo("EUR");
        assertThat(search.measures().sessions()).isEqualTo(25);
        assertThat(search.measures().users()).isEqualTo(24);
        assertThat(search.measures().newUsers()).isEqualTo(15);
        assertThat(search.measures().pageViews()).isEqualTo(60);
        assertThat(search.measures().bounces()).as("sessions − engaged sessions").isEqualTo(10);
        assertThat(search.measures().conversions()).isEqualByComparingTo("3");
        assertThat(search.measures().conversionValue()).isEqualByComparingTo("149.70");
        assertThat(search.measures().impressions()).isNull();
        assertThat(search.measures().clicks()).isNull();
        assertThat(search.measures().cost()).isNull();

        MetricRow organic = day.stream().filter(r -> r.channel() == Channel.ORGANIC_SEARCH).findFirst().orElseThrow();
        assertThat(organic.campaignId()).as("(organic) is not a campaign").isNull();
        assertThat(organic.device()).isEqualTo(Device.DESKTOP);

        MetricRow other = day.stream().filter(r -> r.channel() == Channel.OTHER).findFirst().orElseThrow();
        assertThat(other.device()).isEqualTo(Device.TABLET);
        assertThat(other.measures().sessions()).as("Unassigned + Paid Other").isEqualTo(5);
        assertThat(other.measures().bounces()).isEqualTo(2);
        assertThat(other.currency()).as("a revenue of 0 is measured money: the row has its currency")
                .isEqualTo("EUR");

        assertThat(day).extracting(MetricRow::channel).containsExactlyInAnyOrder(Channel.ORGANIC_SEARCH, Channel.SEARCH,
                Channel.EMAIL, Channel.DIRECT, Channel.OTHER);
        assertThat(sink.records(CampaignRecord.class)).extracting(CampaignRecord::campaignId)
                .containsExactlyInAnyOrder("black-friday-2026", "newsletter-novembre");
        assertThat(sink.records(AccountRecord.class)).extracting(AccountRecord::accountId).containsExactly("123");
        assertThat(sink.records()).allSatisfy(r -> assertThat(r.problems()).isEmpty());
        // 2026-11-15 has no rows: no row, never a row of zeros.
        assertThat(sink.records(MetricRow.class)).noneMatch(r -> r.date().equals(LocalDate.parse("2026-11-15")));
        assertThat(sink.records(MetricRow.class)).hasSize(13 * 5);
        assertThat(sink.lastState()).isEqualTo("{\"123\":\"2026-11-22\"}");
    }

    @Test
    void severalPagesAreReadWithOffsetsUntilTheRowCount() {
        stub.server.stubFor(Ga4Stub.runReport("123").atPriority(2).withRequestBody(containing("\"offset\":0"))
                .willReturn(okJson(Ga4Stub.body("report-page1.json"))));
        stub.server.stubFor(Ga4Stub.runReport("123").atPriority(2).withRequestBody(containing("\"offset\":2"))
                .willReturn(okJson(Ga4Stub.body("report-page2.json"))));
        RecordingSink sink = read("123", FROM, TO, null);
        assertThat(sink.records(MetricRow.class)).hasSize(4);
        assertThat(sink.records(MetricRow.class)).extracting(MetricRow::channel)
                .containsExactly(Channel.ORGANIC_SEARCH, Channel.REFERRAL, Channel.ORGANIC_SEARCH, Channel.DISPLAY);
        assertThat(sink.records(CampaignRecord.class)).extracting(CampaignRecord::campaignId).containsExactly("promo-hiver");
        stub.server.verify(2, postRequestedFor(urlPathEqualTo("/v1beta/properties/123:runReport")));
        stub.server.verify(1, postRequestedFor(urlPathEqualTo("/v1beta/properties/123:runReport"))
                .withRequestBody(matchingJsonPath("$.offset", equalTo("2"))));
    }

    @Test
    void anExhaustedHourlyQuotaStopsALongReadAtItsCheckpoint() {
        // The second page says tokensPerProjectPerHour.remaining = 0: the next month would be refused.
        stub.report("123", okJson(Ga4Stub.body("report-page2.json")));
        TestContext context = context();
        RecordingSink sink = new RecordingSink();
        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> connector.read(context,
                new ReadRequest(settings("123"), Set.of("123"), Set.of(Stream.DAILY_METRICS),
                        LocalDate.parse("2026-10-01"), TO, null), sink));
        // The test clock is 08:00 UTC: the next full hour is an hour away.
        assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(sink.lastState()).isEqualTo("{\"123\":\"2026-10-31\"}");
        stub.server.verify(0, postRequestedFor(urlPathEqualTo("/v1beta/properties/123:runReport"))
                .withRequestBody(matchingJsonPath("$.dateRanges[0].startDate", equalTo("2026-11-01"))));
    }

    @Test
    void anIncrementalReadReReadsTheLastThreeDays() {
        RecordingSink sink = read("123", FROM, TO, "{\"123\":\"2026-11-21\"}");
        stub.server.verify(1, postRequestedFor(urlPathEqualTo("/v1beta/properties/123:runReport"))
                .withRequestBody(matchingJsonPath("$.dateRanges[0].startDate", equalTo("2026-11-19")))
                .withRequestBody(matchingJsonPath("$.dateRanges[0].endDate", equalTo("2026-11-22"))));
        assertThat(sink.records(MetricRow.class)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.date()).isAfterOrEqualTo(LocalDate.parse("2026-11-19")));
        assertThat(sink.lastState()).isEqualTo("{\"123\":\"2026-11-22\"}");
    }

    @Test
    void todayIsNeverRecordedAsComplete() {
        RecordingSink sink = read("123", FROM, LocalDate.parse("2026-11-23"), null);
        assertThat(sink.lastState()).isEqualTo("{\"123\":\"2026-11-22\"}");
    }

    @Test
    void anEmptyReportGivesTheAccountAndNoRow() {
        stub.report("123", okJson(Ga4Stub.body("report-empty.json")));
        RecordingSink sink = read("123", FROM, TO, null);
        assertThat(sink.records(MetricRow.class)).isEmpty();
        assertThat(sink.records(CampaignRecord.class)).isEmpty();
        assertThat(sink.records(AccountRecord.class)).hasSize(1);
        assertThat(sink.lastState()).isEqualTo("{\"123\":\"2026-11-22\"}");
    }

    @Test
    void anExpiredAccessTokenAsksToReconnect() {
        TestContext expired = TestContext.of(Map.of(Ga4Connector.GOOGLE_ACCOUNT, Ga4Stub.EXPIRED));
        AuthenticationExpiredException e = catchThrowableOfType(AuthenticationExpiredException.class,
                () -> connector.check(expired, settings("123")));
        assertThat(e.userMessage().en()).contains("Request had invalid authentication credentials", "reconnect");
        assertThat(e.userMessage().fr()).contains("reconnectez");
    }

    @Test
    void noGoogleAccountConnectedAsksToConnectOne() {
        assertThatThrownBy(() -> connector.check(TestContext.of(Map.of()), settings("123")))
                .isInstanceOf(AuthenticationExpiredException.class).hasMessageContaining("Connect a Google account");
    }

    @Test
    void aPropertyTheAccountMayNotReadIsABadPropertyId() {
        stub.property("123", Ga4Stub.json(403, "error-403.json"));
        BadSettingsException e = catchThrowableOfType(BadSettingsException.class, () -> connector.check(context(), settings("123")));
        assertThat(e.settingKey()).isEqualTo(Ga4Connector.PROPERTY_ID);
        assertThat(e.userMessage().en()).contains("123", "Viewer");
    }

    @Test
    void checkAlsoTriesTheDataApi() {
        stub.report("123", Ga4Stub.json(403, "error-403.json"));
        BadSettingsException e = catchThrowableOfType(BadSettingsException.class, () -> connector.check(context(), settings("123")));
        assertThat(e.settingKey()).isEqualTo(Ga4Connector.PROPERTY_ID);
        stub.server.verify(postRequestedFor(urlPathEqualTo("/v1beta/properties/123:runReport"))
                .withRequestBody(matchingJsonPath("$.dateRanges[0].startDate", equalTo("yesterday")))
                .withRequestBody(matchingJsonPath("$.limit", equalTo("1"))));
    }

    @Test
    void aReportRefusedWith403IsABadPropertyId() {
        stub.report("123", Ga4Stub.json(403, "error-403.json"));
        BadSettingsException e = catchThrowableOfType(BadSettingsException.class, () -> read("123", FROM, TO, null));
        assertThat(e.settingKey()).isEqualTo(Ga4Connector.PROPERTY_ID);
    }

    @Test
    void aTokenWithoutTheAnalyticsScopeAsksToReconnect() {
        stub.property("123", Ga4Stub.json(403, "error-403-scope.json"));
        assertThatThrownBy(() -> connector.check(context(), settings("123")))
                .isInstanceOf(AuthenticationExpiredException.class).hasMessageContaining("insufficient authentication scopes");
    }

    @Test
    void anExhaustedHourlyQuotaWaitsForTheNextHour() {
        stub.report("123", Ga4Stub.json(429, "error-429-hour.json"));
        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> read("123", FROM, TO, null));
        assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void anExhaustedDailyQuotaWaitsForMidnightPacificTime() {
        stub.report("123", Ga4Stub.json(429, "error-429-day.json"));
        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> read("123", FROM, TO, null));
        // 08:00 UTC is 00:00 in Los Angeles (PST, UTC−8): a whole day to wait.
        assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aRetryDelayOrRetryAfterIsHonoured() {
        stub.report("123", Ga4Stub.json(429, "error-429-retryinfo.json"));
        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> read("123", FROM, TO, null));
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(36));

        stub.report("123", Ga4Stub.json(429, "error-429-hour.json").withHeader("Retry-After", "120"));
        e = catchThrowableOfType(RateLimitedException.class, () -> read("123", FROM, TO, null));
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void serverErrorsAreTransient() {
        stub.report("123", Ga4Stub.json(500, "error-500.json"));
        TransientException e = catchThrowableOfType(TransientException.class, () -> read("123", FROM, TO, null));
        assertThat(e.userMessage().en()).contains("HTTP 500", "Internal error encountered.");
        stub.report("123", Ga4Stub.json(503, "error-503.json"));
        assertThatThrownBy(() -> read("123", FROM, TO, null)).isInstanceOf(TransientException.class)
                .hasMessageContaining("HTTP 503");
        stub.report("123", aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody(Ga4Stub.body("malformed.html")));
        assertThatThrownBy(() -> read("123", FROM, TO, null)).isInstanceOf(TransientException.class)
                .hasMessageContaining("HTTP 502");
    }

    @Test
    void anInvalidArgumentIsPermanentWithGooglesWords() {
        stub.report("123", Ga4Stub.json(400, "error-400.json"));
        assertThatThrownBy(() -> read("123", FROM, TO, null)).isInstanceOf(PermanentException.class)
                .hasMessageContaining("is not a valid metric").hasMessageContaining("INVALID_ARGUMENT");
    }

    @Test
    void malformedBodiesAreClearPermanentFailures() {
        stub.report("123", aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody(Ga4Stub.body("malformed.html")));
        PermanentException e = catchThrowableOfType(PermanentException.class, () -> read("123", FROM, TO, null));
        assertThat(e.userMessage().en()).contains("not JSON");
        stub.report("123", okJson(Ga4Stub.body("truncated.json")));
        assertThatThrownBy(() -> read("123", FROM, TO, null)).isInstanceOf(PermanentException.class)
                .hasMessageContaining("unreadable answer");
    }

    @Test
    void anUnreachableApiIsTransient() {
        Settings settings = settings("123");
        stub.server.stop();
        assertThatThrownBy(() -> connector.check(context(), settings)).isInstanceOf(TransientException.class);
    }

    @Test
    void channelGroupsDevicesAndPseudoCampaigns() {
        assertThat(Ga4Connector.channel("Organic Search")).isEqualTo(Channel.ORGANIC_SEARCH);
        assertThat(Ga4Connector.channel("Paid Search")).isEqualTo(Channel.SEARCH);
        assertThat(Ga4Connector.channel("Paid Social")).isEqualTo(Channel.SOCIAL);
        assertThat(Ga4Connector.channel("Organic Social")).isEqualTo(Channel.ORGANIC_SOCIAL);
        assertThat(Ga4Connector.channel("Email")).isEqualTo(Channel.EMAIL);
        assertThat(Ga4Connector.channel("Display")).isEqualTo(Channel.DISPLAY);
        assertThat(Ga4Connector.channel("Paid Video")).isEqualTo(Channel.VIDEO);
        assertThat(Ga4Connector.channel("Paid Shopping")).isEqualTo(Channel.SHOPPING);
        assertThat(Ga4Connector.channel("Affiliates")).isEqualTo(Channel.AFFILIATE);
        assertThat(Ga4Connector.channel("Referral")).isEqualTo(Channel.REFERRAL);
        assertThat(Ga4Connector.channel("Direct")).isEqualTo(Channel.DIRECT);
        assertThat(Ga4Connector.channel("Cross-network")).isEqualTo(Channel.OTHER);
        assertThat(Ga4Connector.device("smart tv")).isEqualTo(Device.OTHER);
        assertThat(Ga4Connector.campaignId("(not set)")).isNull();
        assertThat(Ga4Connector.campaignId("(direct)")).isNull();
        assertThat(Ga4Connector.campaignId("soldes_hiver")).isEqualTo("soldes_hiver");
        assertThat(Ga4Api.protoDuration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Ga4Api.quotaDelay("Exhausted concurrent requests", Instant.parse("2026-11-23T08:00:00Z")))
                .isEqualTo(Duration.ofSeconds(10));
    }
}
