package com.campagne.plugins.googleads;

import com.campagne.connectors.api.AuthenticationExpiredException;
import com.campagne.connectors.api.BadSettingsException;
import com.campagne.connectors.api.CheckResult;
import com.campagne.connectors.api.ConnectorSpec;
import com.campagne.connectors.api.PermanentException;
import com.campagne.connectors.api.RateLimitedException;
import com.campagne.connectors.api.ReadRequest;
import com.campagne.connectors.api.SettingType;
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

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Google Ads connector against a WireMock Google Ads API v26 answering as Google's REST reference documents. */
class GoogleAdsConnectorTest {

    private static final String PARIS = GoogleAdsStub.PARIS;
    private static final String GENEVA = GoogleAdsStub.GENEVA;
    private static final LocalDate FROM = LocalDate.parse("2026-11-09");
    private static final LocalDate TO = LocalDate.parse("2026-11-22");
    private static final Set<Stream> ALL = Set.of(Stream.ACCOUNTS, Stream.CAMPAIGNS, Stream.AD_GROUPS, Stream.ADS,
            Stream.DAILY_METRICS);

    private final GoogleAdsConnector connector = new GoogleAdsConnector();
    private GoogleAdsStub stub;

    @BeforeEach
    void start() {
        stub = GoogleAdsStub.standard();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private Settings settings(String... keyValues) {
        Map<String, String> values = new HashMap<>();
        values.put(GoogleAdsConnector.BASE_URL, stub.baseUrl());
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return Settings.of(values);
    }

    private static TestContext context(String accessToken) {
        return TestContext.of(Map.of(GoogleAdsConnector.GOOGLE_ACCOUNT, accessToken,
                GoogleAdsConnector.DEVELOPER_TOKEN, GoogleAdsStub.DEVELOPER_TOKEN));
    }

    private RecordingSink read(Settings settings, Set<String> accounts, String state) {
        RecordingSink sink = new RecordingSink();
        connector.read(context(GoogleAdsStub.TOKEN), new ReadRequest(settings, accounts, ALL, FROM, TO, state), sink);
        return sink;
    }

    private RecordingSink read(String state) {
        return read(settings(), Set.of(PARIS, GENEVA), state);
    }

    private void parisAnswers(ResponseDefinitionBuilder response) {
        stub.streamAnswers(PARIS, response);
    }

    @Test
    void specPinsTheApiVersionAndLetsTheHostRunGooglesOAuth() {
        ConnectorSpec spec = connector.spec();
        assertThat(spec.id()).isEqualTo("google-ads");
        assertThat(spec.description().en()).contains("Google Ads API v26");
        assertThat(spec.oauth2().authorizationEndpoint()).isEqualTo(URI.create("https://accounts.google.com/o/oauth2/v2/auth"));
        assertThat(spec.oauth2().tokenEndpoint()).isEqualTo(URI.create("https://oauth2.googleapis.com/token"));
        assertThat(spec.oauth2().scopes()).containsExactly("https://www.googleapis.com/auth/adwords");
        assertThat(spec.setting(GoogleAdsConnector.GOOGLE_ACCOUNT).type()).isEqualTo(SettingType.OAUTH2_ACCOUNT);
        assertThat(spec.setting(GoogleAdsConnector.DEVELOPER_TOKEN).type()).isEqualTo(SettingType.SECRET);
        assertThat(spec.setting(GoogleAdsConnector.BASE_URL).defaultValue()).isEqualTo("https://googleads.googleapis.com");
        assertThat(spec.setting(GoogleAdsConnector.CUSTOMER_IDS).validate("123-456-7890, 9876543210")).isEmpty();
        assertThat(spec.setting(GoogleAdsConnector.CUSTOMER_IDS).validate("123-456-789")).isPresent();
        assertThat(spec.setting(GoogleAdsConnector.LOGIN_CUSTOMER_ID).validate("555-666-7777")).isEmpty();
    }

    @Test
    void checkListsTheClientAccountsAndLeavesTheManagerOut() {
        CheckResult result = connector.check(context(GoogleAdsStub.TOKEN), settings());
        assertThat(result.message().fr()).isEqualTo(
                "Connecté à Google Ads : 2 compte(s) (Boulangerie Martin (123-456-7890), Boulangerie Martin – Genève (987-654-3210)).");
        assertThat(result.message().en()).startsWith("Connected to Google Ads: 2 account(s)");
        stub.server.verify(getRequestedFor(urlPathEqualTo("/v26/customers:listAccessibleCustomers"))
                .withHeader("Authorization", equalTo("Bearer " + GoogleAdsStub.TOKEN))
                .withHeader("developer-token", equalTo(GoogleAdsStub.DEVELOPER_TOKEN))
                .withHeader("login-customer-id", absent()));
        stub.server.verify(postRequestedFor(urlPathEqualTo(GoogleAdsStub.path(GoogleAdsStub.MANAGER)))
                .withRequestBody(containing("customer.manager")));
    }

    @Test
    void discoverGivesOneAccountPerClientCustomerWithItsCurrencyAndTimeZone() {
        assertThat(connector.discover(context(GoogleAdsStub.TOKEN), settings()).accounts()).containsExactly(
                new AccountRecord(PARIS, "Boulangerie Martin", "EUR", ZoneId.of("Europe/Paris")),
                new AccountRecord(GENEVA, "Boulangerie Martin – Genève", "CHF", ZoneId.of("Europe/Zurich")));
    }

    @Test
    void configuredIdsAndAManagerAccountGoInTheHeaders() {
        Settings settings = settings(GoogleAdsConnector.CUSTOMER_IDS, "123-456-7890",
                GoogleAdsConnector.LOGIN_CUSTOMER_ID, "555-666-7777");
        assertThat(connector.discover(context(GoogleAdsStub.TOKEN), settings).accounts())
                .extracting(AccountRecord::accountId).containsExactly(PARIS);
        stub.server.verify(postRequestedFor(urlPathEqualTo(GoogleAdsStub.path(PARIS)))
                .withHeader("login-customer-id", equalTo("5556667777"))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(containing("\"query\":\"SELECT customer.id")));
        stub.server.verify(0, postRequestedFor(urlPathEqualTo(GoogleAdsStub.path(GENEVA))));
    }

    @Test
    void aManagerAccountAsCustomerIdIsABadSetting() {
        BadSettingsException e = catchThrowableOfType(BadSettingsException.class, () -> connector.check(
                context(GoogleAdsStub.TOKEN), settings(GoogleAdsConnector.CUSTOMER_IDS, "555-666-7777")));
        assertThat(e.settingKey()).isEqualTo(GoogleAdsConnector.CUSTOMER_IDS);
        assertThat(e.userMessage().en()).contains("manager accounts");
    }

    @Test
    void readMapsCampaignsAdGroupsAndAds() {
        RecordingSink sink = read(null);
        assertThat(sink.records(AccountRecord.class)).hasSize(2);
        assertThat(sink.records(CampaignRecord.class)).containsExactlyInAnyOrder(
                new CampaignRecord(PARIS, "20301234567", "Recherche – Galettes des rois", EntityStatus.ACTIVE, Channel.SEARCH,
                        LocalDate.parse("2026-11-01"), null),
                new CampaignRecord(PARIS, "20301234568", "PMax – Boutique en ligne", EntityStatus.PAUSED, Channel.OTHER,
                        LocalDate.parse("2026-10-15"), null),
                new CampaignRecord(PARIS, "20301234569", "YouTube – Recettes de Noël", EntityStatus.ACTIVE, Channel.VIDEO,
                        LocalDate.parse("2026-11-05"), LocalDate.parse("2026-12-31")),
                new CampaignRecord(PARIS, "19870000001", "Ancienne campagne Display", EntityStatus.REMOVED, Channel.DISPLAY,
                        LocalDate.parse("2025-03-01"), LocalDate.parse("2025-06-30")),
                new CampaignRecord(GENEVA, "21550000001", "Recherche – Genève", EntityStatus.ACTIVE, Channel.SEARCH,
                        LocalDate.parse("2026-09-01"), null));
        assertThat(sink.records(AdGroupRecord.class)).containsExactlyInAnyOrder(
                new AdGroupRecord(PARIS, "20301234567", "158000000001", "Galette frangipane", EntityStatus.ACTIVE),
                new AdGroupRecord(PARIS, "20301234567", "158000000002", "Galette briochée", EntityStatus.PAUSED),
                new AdGroupRecord(PARIS, "20301234569", "158000000003", "Bûches", EntityStatus.ACTIVE));
        assertThat(sink.records(AdRecord.class)).containsExactlyInAnyOrder(
                new AdRecord(PARIS, "20301234567", "158000000001", "700000000001", "Galette des rois artisanale",
                        "RESPONSIVE_SEARCH_AD", EntityStatus.ACTIVE),
                new AdRecord(PARIS, "20301234567", "158000000002", "700000000002", "Galette briochée maison",
                        "RESPONSIVE_SEARCH_AD", EntityStatus.PAUSED),
                new AdRecord(PARIS, "20301234569", "158000000003", "700000000003", "Bûche – 15 s",
                        "VIDEO_RESPONSIVE_AD", EntityStatus.ACTIVE));
        assertThat(sink.records()).allSatisfy(r -> assertThat(r.problems()).isEmpty());
    }

    @Test
    void readGivesDailyCampaignFiguresByDeviceFromEveryBatchOfTheStream() {
        RecordingSink sink = read(null);
        List<MetricRow> rows = sink.records(MetricRow.class);
        // Paris: 14 days × (3 devices of search + 1 of Performance Max) + 8 days of video; Geneva: 7 days.
        assertThat(rows.stream().filter(r -> r.accountId().equals(PARIS))).hasSize(64);
        assertThat(rows.stream().filter(r -> r.accountId().equals(GENEVA))).hasSize(7)
                .allSatisfy(r -> assertThat(r.currency()).isEqualTo("CHF"));
        MetricRow row = rows.stream().filter(r -> r.date().equals(LocalDate.parse("2026-11-10"))
                && r.device() == Device.MOBILE && "20301234567".equals(r.campaignId())).findFirst().orElseThrow();
        assertThat(row.accountId()).isEqualTo(PARIS);
        assertThat(row.channel()).isEqualTo(Channel.SEARCH);
        assertThat(row.currency()).isEqualTo("EUR");
        assertThat(row.hour()).isNull();
        assertThat(row.adGroupId()).isNull();
        assertThat(row.country()).isNull();
        assertThat(row.measures().impressions()).isEqualTo(1523);
        assertThat(row.measures().clicks()).isEqualTo(87);
        assertThat(row.measures().cost()).as("41,230,000 micros").isEqualByComparingTo("41.23");
        assertThat(row.measures().conversions()).isEqualByComparingTo("5");
        assertThat(row.measures().conversionValue()).isEqualByComparingTo("312.5");
        assertThat(row.measures().sessions()).as("not an ad network figure: unknown").isNull();
        assertThat(rows).filteredOn(r -> "20301234569".equals(r.campaignId())).hasSize(8)
                .allSatisfy(r -> {
                    assertThat(r.device()).as("CONNECTED_TV").isEqualTo(Device.OTHER);
                    assertThat(r.channel()).isEqualTo(Channel.VIDEO);
                    assertThat(r.measures().videoViews()).isPositive();
                    assertThat(r.measures().cost()).isEqualByComparingTo("5.12");
                });
        assertThat(rows).allSatisfy(r -> assertThat(r.date()).isBetween(FROM, TO));
        stub.server.verify(postRequestedFor(urlPathEqualTo(GoogleAdsStub.path(PARIS)))
                .withRequestBody(containing("segments.date BETWEEN '2026-11-09' AND '2026-11-22'"))
                .withRequestBody(containing("metrics.cost_micros"))
                .withRequestBody(containing("segments.device")));
        assertThat(sink.lastState()).isEqualTo("{\"1234567890\":\"2026-11-22\",\"9876543210\":\"2026-11-22\"}");
        assertThat(sink.checkpoints()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void metricsLeftOutOfARowAreZeroBecauseTheFieldMaskAskedForThem() {
        MetricRow row = read(null).records(MetricRow.class).stream()
                .filter(r -> r.date().equals(LocalDate.parse("2026-11-11")) && r.device() == Device.TABLET).findFirst()
                .orElseThrow();
        assertThat(row.measures().impressions()).isEqualTo(42);
        assertThat(row.measures().clicks()).isZero();
        assertThat(row.measures().cost()).isEqualByComparingTo("0");
        assertThat(row.measures().conversions()).isEqualByComparingTo("0");
    }

    @Test
    void costMicrosBecomeMoneyExactly() {
        assertThat(GoogleAdsConnector.cost(41_230_000L)).isEqualTo(new BigDecimal("41.23"));
        assertThat(GoogleAdsConnector.cost(1L)).isEqualTo(new BigDecimal("0.000001"));
        assertThat(GoogleAdsConnector.cost(1_200_000_000L)).isEqualTo(new BigDecimal("1200"));
        assertThat(GoogleAdsConnector.cost(0L)).isEqualTo(new BigDecimal("0"));
        assertThat(GoogleAdsConnector.cost(123_456_789_012L)).isEqualTo(new BigDecimal("123456.789012"));
    }

    @Test
    void devicesAndChannelsMapOntoTheSchema() {
        assertThat(GoogleAdsConnector.device("MOBILE")).isEqualTo(Device.MOBILE);
        assertThat(GoogleAdsConnector.device("DESKTOP")).isEqualTo(Device.DESKTOP);
        assertThat(GoogleAdsConnector.device("TABLET")).isEqualTo(Device.TABLET);
        assertThat(GoogleAdsConnector.device("CONNECTED_TV")).isEqualTo(Device.OTHER);
        assertThat(GoogleAdsConnector.device("OTHER")).isEqualTo(Device.OTHER);
        assertThat(GoogleAdsConnector.channel("SEARCH")).isEqualTo(Channel.SEARCH);
        assertThat(GoogleAdsConnector.channel("DISPLAY")).isEqualTo(Channel.DISPLAY);
        assertThat(GoogleAdsConnector.channel("DEMAND_GEN")).isEqualTo(Channel.DISPLAY);
        assertThat(GoogleAdsConnector.channel("VIDEO")).isEqualTo(Channel.VIDEO);
        assertThat(GoogleAdsConnector.channel("SHOPPING")).isEqualTo(Channel.SHOPPING);
        assertThat(GoogleAdsConnector.channel("PERFORMANCE_MAX")).isEqualTo(Channel.OTHER);
        assertThat(GoogleAdsConnector.channel("MULTI_CHANNEL")).isEqualTo(Channel.OTHER);
    }

    @Test
    void anIncrementalReadReReadsTheLastThreeDays() {
        RecordingSink sink = read(settings(), Set.of(PARIS), "{\"1234567890\":\"2026-11-22\"}");
        stub.server.verify(postRequestedFor(urlPathEqualTo(GoogleAdsStub.path(PARIS)))
                .withRequestBody(containing("segments.date BETWEEN '2026-11-20' AND '2026-11-22'")));
        assertThat(sink.records(MetricRow.class)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.date()).isBetween(LocalDate.parse("2026-11-20"), TO));
        assertThat(sink.lastState()).isEqualTo("{\"1234567890\":\"2026-11-22\"}");
        // Geneva was not asked for: not even queried.
        stub.server.verify(0, postRequestedFor(urlPathEqualTo(GoogleAdsStub.path(GENEVA))));
    }

    @Test
    void todayIsNeverRecordedAsComplete() {
        RecordingSink sink = new RecordingSink();
        connector.read(context(GoogleAdsStub.TOKEN), new ReadRequest(settings(), Set.of(PARIS), ALL, FROM,
                LocalDate.parse("2026-11-23"), null), sink);
        assertThat(sink.lastState()).isEqualTo("{\"1234567890\":\"2026-11-22\"}");
    }

    @Test
    void anEmptyStreamGivesNoFigures() {
        stub.stream(PARIS, "segments.date BETWEEN", "empty-stream.json");
        RecordingSink sink = read(settings(), Set.of(PARIS), null);
        assertThat(sink.records(MetricRow.class)).isEmpty();
        assertThat(sink.records(AccountRecord.class)).hasSize(1);
        assertThat(sink.lastState()).isEqualTo("{\"1234567890\":\"2026-11-22\"}");
    }

    @Test
    void anExpiredAccessTokenAsksToReconnect() {
        AuthenticationExpiredException e = catchThrowableOfType(AuthenticationExpiredException.class,
                () -> connector.check(context(GoogleAdsStub.EXPIRED), settings()));
        assertThat(e.userMessage().en()).contains("reconnect the Google account", "Authentication of the request failed");
        parisAnswers(GoogleAdsStub.error(401, "error-401-token-expired.json"));
        assertThatThrownBy(() -> read(null)).isInstanceOf(AuthenticationExpiredException.class);
    }

    @Test
    void anInvalidDeveloperTokenIsABadSettingNotAnExpiredLogin() {
        parisAnswers(GoogleAdsStub.error(401, "error-401-developer-token.json"));
        BadSettingsException e = catchThrowableOfType(BadSettingsException.class,
                () -> connector.check(context(GoogleAdsStub.TOKEN), settings()));
        assertThat(e.settingKey()).isEqualTo(GoogleAdsConnector.DEVELOPER_TOKEN);
        assertThat(e.userMessage().en()).contains("developer token is not valid");
    }

    @Test
    void aDeveloperTokenForTestAccountsOnlyIsABadSetting() {
        parisAnswers(GoogleAdsStub.error(403, "error-403-not-approved.json"));
        BadSettingsException e = catchThrowableOfType(BadSettingsException.class, () -> read(null));
        assertThat(e.settingKey()).isEqualTo(GoogleAdsConnector.DEVELOPER_TOKEN);
        assertThat(e.userMessage().en()).contains("Basic access");
    }

    @Test
    void permissionDeniedPointsAtTheManagerAccountOrTheCustomerId() {
        parisAnswers(GoogleAdsStub.error(403, "error-403-permission.json"));
        BadSettingsException noManager = catchThrowableOfType(BadSettingsException.class, () -> read(null));
        assertThat(noManager.settingKey()).isEqualTo(GoogleAdsConnector.LOGIN_CUSTOMER_ID);
        assertThat(noManager.userMessage().en()).contains("manager account", "doesn't have permission to access customer");
        BadSettingsException withManager = catchThrowableOfType(BadSettingsException.class, () -> read(
                settings(GoogleAdsConnector.LOGIN_CUSTOMER_ID, "5556667777"), Set.of(PARIS), null));
        assertThat(withManager.settingKey()).isEqualTo(GoogleAdsConnector.CUSTOMER_IDS);
    }

    @Test
    void aCustomerListedButNotReadableIsLeftOutOfDiscovery() {
        parisAnswers(GoogleAdsStub.error(403, "error-403-permission.json"));
        assertThat(connector.discover(context(GoogleAdsStub.TOKEN), settings()).accounts())
                .extracting(AccountRecord::accountId).containsExactly(GENEVA);
    }

    @Test
    void quotaErrorsWaitTheDelayGoogleGives() {
        parisAnswers(GoogleAdsStub.error(429, "error-429-quota.json"));
        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> read(null));
        assertThat(e.retryAfter()).as("quotaErrorDetails.retryDelay").isEqualTo(Duration.ofSeconds(30));
        parisAnswers(GoogleAdsStub.error(429, "error-429-quota.json").withHeader("Retry-After", "120"));
        assertThat(catchThrowableOfType(RateLimitedException.class, () -> read(null)).retryAfter())
                .as("Retry-After header").isEqualTo(Duration.ofSeconds(120));
        parisAnswers(aResponse().withStatus(429));
        assertThat(catchThrowableOfType(RateLimitedException.class, () -> read(null)).retryAfter())
                .isEqualTo(GoogleAdsApi.DEFAULT_RETRY);
    }

    @Test
    void serverErrorsAreTransient() {
        parisAnswers(GoogleAdsStub.error(500, "error-500.json"));
        assertThat(catchThrowableOfType(TransientException.class, () -> read(null)).userMessage().en()).contains("HTTP 500");
        parisAnswers(GoogleAdsStub.error(503, "error-503.json"));
        assertThat(catchThrowableOfType(TransientException.class, () -> read(null)).userMessage().en()).contains("HTTP 503");
        parisAnswers(aResponse().withStatus(502).withHeader("Content-Type", "text/html").withBody(GoogleAdsStub.body("malformed.html")));
        assertThat(catchThrowableOfType(TransientException.class, () -> read(null)).userMessage().en()).contains("HTTP 502");
    }

    @Test
    void anErrorInTheMiddleOfTheStreamIsTyped() {
        String stream = "[" + GoogleAdsStub.body("metrics-9876543210.json").strip().replaceAll("^\\[|]$", "") + ","
                + GoogleAdsStub.body("error-500.json").strip().replaceAll("^\\[|]$", "") + "]";
        stub.server.stubFor(post(urlPathEqualTo(GoogleAdsStub.path(GENEVA))).atPriority(1)
                .withRequestBody(containing("segments.date BETWEEN")).willReturn(okJson(stream)));
        RecordingSink sink = new RecordingSink();
        assertThatThrownBy(() -> connector.read(context(GoogleAdsStub.TOKEN),
                new ReadRequest(settings(), Set.of(GENEVA), ALL, FROM, TO, null), sink))
                .isInstanceOf(TransientException.class);
        // The batches before the error are not taken: the day range is read again on the retry.
        assertThat(sink.records(MetricRow.class)).isEmpty();
        assertThat(sink.checkpoints()).isEmpty();
    }

    @Test
    void aLongRangeIsReadMonthByMonthWithACheckpointAfterEach() {
        RecordingSink sink = new RecordingSink();
        connector.read(context(GoogleAdsStub.TOKEN), new ReadRequest(settings(), Set.of(PARIS), Set.of(Stream.DAILY_METRICS),
                LocalDate.parse("2026-09-01"), TO, null), sink);
        for (String range : new String[]{"'2026-09-01' AND '2026-10-01'", "'2026-10-02' AND '2026-11-01'",
                "'2026-11-02' AND '2026-11-22'"}) {
            stub.server.verify(postRequestedFor(urlPathEqualTo(GoogleAdsStub.path(PARIS)))
                    .withRequestBody(containing("segments.date BETWEEN " + range)));
        }
        assertThat(sink.checkpoints()).startsWith("{\"1234567890\":\"2026-10-01\"}", "{\"1234567890\":\"2026-11-01\"}",
                "{\"1234567890\":\"2026-11-22\"}");
        // The stub answers every month with November's rows: each month keeps only its own days.
        assertThat(sink.records(MetricRow.class)).hasSize(64);
    }

    @Test
    void aRetiredApiVersionSaysThePluginMustBeUpdated() {
        stub.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        urlPathEqualTo("/v26/customers:listAccessibleCustomers")).atPriority(1)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/html")
                        .withBody("<!DOCTYPE html><title>Error 404 (Not Found)!!1</title><p>The requested URL was not found on this server.")));
        PermanentException e = catchThrowableOfType(PermanentException.class,
                () -> connector.check(context(GoogleAdsStub.TOKEN), settings()));
        assertThat(e.userMessage().en()).contains("HTTP 404", "v26", "Update the Google Ads plugin");
    }

    @Test
    void otherRefusalsArePermanentWithGooglesCode() {
        parisAnswers(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                [{"error": {"code": 400, "message": "Request contains an invalid argument.", "status": "INVALID_ARGUMENT",
                  "details": [{"@type": "type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure",
                    "errors": [{"errorCode": {"requestError": "INVALID_INPUT"}, "message": "The input is invalid."}],
                    "requestId": "aBcDeFgHiJkLmNoPqRsTuV"}]}}]"""));
        PermanentException refused = catchThrowableOfType(PermanentException.class, () -> read(null));
        assertThat(refused.userMessage().en()).contains("HTTP 400", "requestError:INVALID_INPUT", "The input is invalid.");
    }

    @Test
    void aQueryGoogleNoLongerKnowsSaysThePluginMustBeUpdated() {
        parisAnswers(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                [{"error": {"code": 400, "message": "Request contains an invalid argument.", "status": "INVALID_ARGUMENT",
                  "details": [{"@type": "type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure",
                    "errors": [{"errorCode": {"queryError": "UNRECOGNIZED_FIELD"},
                                "message": "Unrecognized field in the query: 'campaign.start_date'."}],
                    "requestId": "aBcDeFgHiJkLmNoPqRsTuV"}]}}]"""));
        PermanentException e = catchThrowableOfType(PermanentException.class, () -> read(null));
        assertThat(e).isNotInstanceOf(AuthenticationExpiredException.class);
        assertThat(e.userMessage().en()).contains("queryError:UNRECOGNIZED_FIELD", "campaign.start_date", "API v26 changed",
                "Update the Google Ads plugin");
    }

    @Test
    void aMalformedBodyIsAClearPermanentFailure() {
        stub.stream(PARIS, "segments.date BETWEEN", "truncated.json");
        PermanentException e = catchThrowableOfType(PermanentException.class, () -> read(null));
        assertThat(e.userMessage().en()).contains("unreadable answer (not JSON)", "searchStream 1234567890");
        parisAnswers(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(GoogleAdsStub.body("malformed.html")));
        assertThatThrownBy(() -> read(null)).isInstanceOf(PermanentException.class).hasMessageContaining("not JSON");
        parisAnswers(okJson("{\"results\": []}"));
        assertThatThrownBy(() -> read(null)).isInstanceOf(PermanentException.class).hasMessageContaining("not an array");
    }
}
