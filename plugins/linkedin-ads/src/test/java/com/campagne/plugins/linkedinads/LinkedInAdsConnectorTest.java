package com.campagne.plugins.linkedinads;

import com.campagne.connectors.api.AuthenticationExpiredException;
import com.campagne.connectors.api.BadSettingsException;
import com.campagne.connectors.api.CheckResult;
import com.campagne.connectors.api.PermanentException;
import com.campagne.connectors.api.RateLimitedException;
import com.campagne.connectors.api.ReadRequest;
import com.campagne.connectors.api.SettingType;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.api.Stream;
import com.campagne.connectors.api.TransientException;
import com.campagne.connectors.api.schema.AccountRecord;
import com.campagne.connectors.api.schema.CampaignRecord;
import com.campagne.connectors.api.schema.Channel;
import com.campagne.connectors.api.schema.EntityStatus;
import com.campagne.connectors.api.schema.MetricRow;
import com.campagne.connectors.testkit.RecordingSink;
import com.campagne.connectors.testkit.TestContext;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The LinkedIn Ads connector against a WireMock Marketing API answering as LinkedIn documents it. */
class LinkedInAdsConnectorTest {

    private static final LocalDate FROM = LocalDate.parse("2026-11-09");
    private static final LocalDate TO = LocalDate.parse("2026-11-22");
    private static final String BAKERY = LinkedInStub.BAKERY;

    private final LinkedInAdsConnector connector = new LinkedInAdsConnector();
    private LinkedInStub stub;

    @BeforeEach
    void start() {
        stub = LinkedInStub.standard();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private Settings settings() {
        return Settings.of(Map.of(LinkedInAdsConnector.BASE_URL, stub.baseUrl()));
    }

    private TestContext context() {
        return TestContext.of(Map.of(LinkedInAdsConnector.LINKEDIN_ACCOUNT, LinkedInStub.TOKEN));
    }

    private RecordingSink read(String account, LocalDate from, LocalDate to, String state) {
        RecordingSink sink = new RecordingSink();
        connector.read(context(), new ReadRequest(settings(), Set.of(account),
                Set.of(Stream.ACCOUNTS, Stream.CAMPAIGNS, Stream.DAILY_METRICS), from, to, state), sink);
        return sink;
    }

    @Test
    void specDeclaresTheLinkedInAccountWithTheAdsScopes() {
        var spec = connector.spec();
        assertThat(spec.setting(LinkedInAdsConnector.LINKEDIN_ACCOUNT).type()).isEqualTo(SettingType.OAUTH2_ACCOUNT);
        assertThat(spec.oauth2().scopes()).containsExactly("r_ads", "r_ads_reporting");
        assertThat(spec.oauth2().authorizationEndpoint()).hasToString("https://www.linkedin.com/oauth/v2/authorization");
        assertThat(spec.oauth2().tokenEndpoint()).hasToString("https://www.linkedin.com/oauth/v2/accessToken");
        assertThat(spec.setting(LinkedInAdsConnector.AD_ACCOUNT_IDS).validate("507404993, 508112233")).isEmpty();
        assertThat(spec.setting(LinkedInAdsConnector.AD_ACCOUNT_IDS).validate("urn:li:sponsoredAccount:1")).isPresent();
    }

    @Test
    void checkNamesTheAdAccountsOfBothPagesAndTheApiVersion() {
        CheckResult result = connector.check(context(), settings());
        assertThat(result.message().fr()).contains("Boulangerie Martin (507404993)", "Martin Recrutement (508112233)",
                LinkedInApi.VERSION);
        stub.server.verify(2, getRequestedFor(urlPathEqualTo("/rest/adAccounts"))
                .withHeader("LinkedIn-Version", equalTo(LinkedInApi.VERSION))
                .withHeader("X-Restli-Protocol-Version", equalTo("2.0.0")));
    }

    @Test
    void discoverGivesTheAccountsInUtcWithTheirCurrency() {
        assertThat(connector.discover(context(), settings()).accounts()).containsExactly(
                new AccountRecord(BAKERY, "Boulangerie Martin", "EUR", ZoneOffset.UTC),
                new AccountRecord(LinkedInStub.RECRUITING, "Martin Recrutement", "USD", ZoneOffset.UTC));
    }

    @Test
    void adAccountIdsRestrictTheAccountsAndAnUnknownOneIsABadSetting() {
        Settings one = Settings.of(Map.of(LinkedInAdsConnector.BASE_URL, stub.baseUrl(), LinkedInAdsConnector.AD_ACCOUNT_IDS, BAKERY));
        assertThat(connector.discover(context(), one).accounts()).extracting(AccountRecord::accountId).containsExactly(BAKERY);
        Settings unknown = Settings.of(Map.of(LinkedInAdsConnector.BASE_URL, stub.baseUrl(),
                LinkedInAdsConnector.AD_ACCOUNT_IDS, BAKERY + ", 999"));
        BadSettingsException e = catchThrowableOfType(BadSettingsException.class, () -> connector.check(context(), unknown));
        assertThat(e.settingKey()).isEqualTo(LinkedInAdsConnector.AD_ACCOUNT_IDS);
        assertThat(e.userMessage().en()).contains("999");
    }

    @Test
    void theAnalyticsQueryIsRestLiEncoded() {
        read(BAKERY, FROM, TO, null);
        List<LoggedRequest> requests = stub.server.findAll(getRequestedFor(urlPathEqualTo("/rest/adAnalytics")));
        assertThat(requests).hasSize(1);
        assertThat(requests.getFirst().getUrl()).isEqualTo("/rest/adAnalytics?q=analytics&pivot=CAMPAIGN&timeGranularity=DAILY"
                + "&dateRange=(start:(year:2026,month:11,day:9),end:(year:2026,month:11,day:22))"
                + "&accounts=List(urn%3Ali%3AsponsoredAccount%3A507404993)"
                + "&fields=dateRange,pivotValues,impressions,clicks,costInLocalCurrency,externalWebsiteConversions,"
                + "conversionValueInLocalCurrency,videoViews,totalEngagements,likes,comments,shares,follows");
    }

    @Test
    void readMapsCampaignsAndTheirDailyFigures() {
        RecordingSink sink = read(BAKERY, FROM, TO, null);
        assertThat(sink.records(CampaignRecord.class)).containsExactly(
                new CampaignRecord(BAKERY, "612345678", "Black Friday 2026", EntityStatus.ACTIVE, Channel.SOCIAL,
                        LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")),
                new CampaignRecord(BAKERY, "612345679", "Recrutement boulangers", EntityStatus.PAUSED, Channel.SOCIAL,
                        LocalDate.parse("2026-10-15"), null),
                new CampaignRecord(BAKERY, "612345680", "Galette des rois 2026", EntityStatus.REMOVED, Channel.SOCIAL,
                        LocalDate.parse("2026-01-02"), LocalDate.parse("2026-01-31")));
        MetricRow first = sink.records(MetricRow.class).stream()
                .filter(r -> r.date().equals(FROM) && r.campaignId().equals("612345678")).findFirst().orElseThrow();
        assertThat(first.channel()).isEqualTo(Channel.SOCIAL);
        assertThat(first.currency()).isEqualTo("EUR");
        assertThat(first.measures().impressions()).isEqualTo(1500);
        assertThat(first.measures().clicks()).isEqualTo(38);
        assertThat(first.measures().cost()).isEqualByComparingTo("45.12");
        assertThat(first.measures().conversions()).isEqualByComparingTo("2");
        assertThat(first.measures().conversionValue()).isEqualByComparingTo("120");
        assertThat(first.measures().videoViews()).isZero();
        assertThat(first.measures().engagements()).isEqualTo(60);
        assertThat(first.measures().likes()).isEqualTo(5);
        assertThat(first.measures().comments()).isEqualTo(1);
        assertThat(first.measures().shares()).isZero();
        assertThat(first.measures().followers()).isEqualTo(2);
        assertThat(first.measures().sessions()).isNull();
        // 14 days of Black Friday, 13 of the recruiting campaign (nothing served on 2026-11-15).
        assertThat(sink.records(MetricRow.class)).hasSize(27);
        assertThat(sink.records()).allSatisfy(r -> assertThat(r.problems()).isEmpty());
        assertThat(sink.lastState()).isEqualTo("{\"507404993\":\"2026-11-22\"}");
    }

    @Test
    void aLongRangeIsReadAMonthAtATimeWithACheckpointAfterEach() {
        RecordingSink sink = read(BAKERY, LocalDate.parse("2026-10-01"), TO, null);
        List<LoggedRequest> requests = stub.server.findAll(getRequestedFor(urlPathEqualTo("/rest/adAnalytics")));
        assertThat(requests).extracting(LoggedRequest::getUrl).anySatisfy(u -> assertThat(u)
                .contains("dateRange=(start:(year:2026,month:10,day:1),end:(year:2026,month:10,day:31))"))
                .anySatisfy(u -> assertThat(u).contains("dateRange=(start:(year:2026,month:11,day:1),end:(year:2026,month:11,day:22))"));
        assertThat(sink.checkpoints()).contains("{\"507404993\":\"2026-10-31\"}", "{\"507404993\":\"2026-11-22\"}");
    }

    @Test
    void aRangeThatReachesThe15000ElementCapIsReadAgainInHalves() {
        // adAnalytics has no paging and silently stops at 15,000 elements.
        String element = "{\"pivotValues\":[\"urn:li:sponsoredCampaign:699\"],\"dateRange\":{\"start\":{\"year\":2026,"
                + "\"month\":11,\"day\":9},\"end\":{\"year\":2026,\"month\":11,\"day\":9}},\"impressions\":1}";
        String capped = "{\"paging\":{\"start\":0,\"count\":10,\"links\":[]},\"elements\":["
                + String.join(",", java.util.Collections.nCopies(LinkedInAdsConnector.ANALYTICS_CAP, element)) + "]}";
        stub.server.stubFor(LinkedInStub.rest("adAnalytics").atPriority(2)
                .withQueryParam("dateRange", equalTo("(start:(year:2026,month:11,day:9),end:(year:2026,month:11,day:22))"))
                .willReturn(okJson(capped)));
        RecordingSink sink = read(BAKERY, FROM, TO, null);
        List<String> urls = stub.server.findAll(getRequestedFor(urlPathEqualTo("/rest/adAnalytics"))).stream()
                .map(LoggedRequest::getUrl).toList();
        assertThat(urls).hasSize(3);
        assertThat(urls.get(1)).contains("dateRange=(start:(year:2026,month:11,day:9),end:(year:2026,month:11,day:15))");
        assertThat(urls.get(2)).contains("dateRange=(start:(year:2026,month:11,day:16),end:(year:2026,month:11,day:22))");
        assertThat(sink.records(MetricRow.class)).hasSize(27).noneMatch(r -> r.campaignId().equals("699"));
    }

    @Test
    void anIncrementalReadReReadsTheLastThreeDays() {
        RecordingSink sink = read(BAKERY, FROM, TO, "{\"507404993\":\"2026-11-21\"}");
        assertThat(stub.server.findAll(getRequestedFor(urlPathEqualTo("/rest/adAnalytics"))).getFirst().getUrl())
                .contains("dateRange=(start:(year:2026,month:11,day:19),end:(year:2026,month:11,day:22))");
        assertThat(sink.records(MetricRow.class)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.date()).isAfterOrEqualTo(LocalDate.parse("2026-11-19")));
        assertThat(sink.lastState()).isEqualTo("{\"507404993\":\"2026-11-22\"}");
        assertThat(read(BAKERY, FROM, LocalDate.parse("2026-11-23"), null).lastState())
                .as("today (UTC) is never complete").isEqualTo("{\"507404993\":\"2026-11-22\"}");
    }

    @Test
    void anEmptyAccountGivesItsRecordAndNoRow() {
        stub.analytics(BAKERY, okJson(LinkedInStub.body("analytics-empty.json")));
        stub.server.stubFor(LinkedInStub.rest("adAccounts/" + BAKERY + "/adCampaigns").atPriority(2)
                .willReturn(okJson(LinkedInStub.body("campaigns-empty.json"))));
        RecordingSink sink = read(BAKERY, FROM, TO, null);
        assertThat(sink.records(MetricRow.class)).isEmpty();
        assertThat(sink.records(CampaignRecord.class)).isEmpty();
        assertThat(sink.records(AccountRecord.class)).hasSize(1);
    }

    @Test
    void noAdAccountIsABadSetting() {
        stub.server.stubFor(LinkedInStub.rest("adAccounts").atPriority(2).willReturn(okJson(LinkedInStub.body("ad-accounts-empty.json"))));
        BadSettingsException e = catchThrowableOfType(BadSettingsException.class, () -> connector.check(context(), settings()));
        assertThat(e.settingKey()).isEqualTo(LinkedInAdsConnector.LINKEDIN_ACCOUNT);
    }

    @Test
    void aRevokedTokenAsksToReconnect() {
        TestContext revoked = TestContext.of(Map.of(LinkedInAdsConnector.LINKEDIN_ACCOUNT, LinkedInStub.REVOKED));
        AuthenticationExpiredException e = catchThrowableOfType(AuthenticationExpiredException.class,
                () -> connector.check(revoked, settings()));
        assertThat(e.userMessage().en()).contains("revoked by the user", "REVOKED_ACCESS_TOKEN", "reconnect");
        stub.analytics(BAKERY, LinkedInStub.json(401, "error-401-invalid.json"));
        assertThatThrownBy(() -> read(BAKERY, FROM, TO, null)).isInstanceOf(AuthenticationExpiredException.class)
                .hasMessageContaining("Invalid access token");
        assertThatThrownBy(() -> connector.check(TestContext.of(Map.of()), settings()))
                .isInstanceOf(AuthenticationExpiredException.class).hasMessageContaining("Connect a LinkedIn account");
    }

    @Test
    void aForbiddenAccountListIsABadSettingAndForbiddenAnalyticsArePermanent() {
        stub.server.stubFor(LinkedInStub.rest("adAccounts").atPriority(2).willReturn(LinkedInStub.json(403, "error-403.json")));
        BadSettingsException e = catchThrowableOfType(BadSettingsException.class, () -> connector.check(context(), settings()));
        assertThat(e.settingKey()).isEqualTo(LinkedInAdsConnector.LINKEDIN_ACCOUNT);
        assertThat(e.userMessage().en()).contains("Not enough permissions", "Viewer");
        stub.close();
        stub = LinkedInStub.standard();
        stub.analytics(BAKERY, LinkedInStub.json(403, "error-403.json"));
        assertThatThrownBy(() -> read(BAKERY, FROM, TO, null)).isInstanceOf(PermanentException.class)
                .hasMessageContaining("ACCESS_DENIED");
    }

    @Test
    void http429CarriesTheRetryAfterDelayOrWaitsForMidnightUtc() {
        stub.analytics(BAKERY, LinkedInStub.json(429, "error-429.json").withHeader("Retry-After", "90"));
        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> read(BAKERY, FROM, TO, null));
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(90));
        // Without Retry-After, a daily limit waits until midnight UTC (the test clock is 08:00 UTC).
        stub.analytics(BAKERY, LinkedInStub.json(429, "error-429.json"));
        e = catchThrowableOfType(RateLimitedException.class, () -> read(BAKERY, FROM, TO, null));
        assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(16));
    }

    @Test
    void serverErrorsAreTransient() {
        stub.analytics(BAKERY, LinkedInStub.json(500, "error-500.json"));
        assertThatThrownBy(() -> read(BAKERY, FROM, TO, null)).isInstanceOf(TransientException.class)
                .hasMessageContaining("HTTP 500");
        stub.analytics(BAKERY, aResponse().withStatus(504).withBody("upstream timed out"));
        assertThatThrownBy(() -> read(BAKERY, FROM, TO, null)).isInstanceOf(TransientException.class)
                .hasMessageContaining("HTTP 504");
    }

    @Test
    void aSunsetApiVersionAndABadRequestArePermanent() {
        stub.server.stubFor(LinkedInStub.rest("adAccounts").atPriority(2).willReturn(LinkedInStub.json(426, "error-426.json")));
        assertThatThrownBy(() -> connector.check(context(), settings())).isInstanceOf(PermanentException.class)
                .hasMessageContaining("no longer accepts version " + LinkedInApi.VERSION);
        stub.close();
        stub = LinkedInStub.standard();
        stub.analytics(BAKERY, LinkedInStub.json(400, "error-400.json"));
        assertThatThrownBy(() -> read(BAKERY, FROM, TO, null)).isInstanceOf(PermanentException.class)
                .hasMessageContaining("ILLEGAL_ARGUMENT");
    }

    @Test
    void malformedBodiesAreClearPermanentFailures() {
        stub.analytics(BAKERY, aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody(LinkedInStub.body("malformed.html")));
        assertThatThrownBy(() -> read(BAKERY, FROM, TO, null)).isInstanceOf(PermanentException.class)
                .hasMessageContaining("not JSON");
        stub.analytics(BAKERY, okJson(LinkedInStub.body("truncated.json")));
        assertThatThrownBy(() -> read(BAKERY, FROM, TO, null)).isInstanceOf(PermanentException.class)
                .hasMessageContaining("unreadable answer");
    }

    @Test
    void anUnreachableApiIsTransient() {
        Settings settings = settings();
        stub.server.stop();
        assertThatThrownBy(() -> connector.check(context(), settings)).isInstanceOf(TransientException.class);
    }

    @Test
    void statusesUrnsAndDateRanges() {
        assertThat(LinkedInAdsConnector.status("COMPLETED")).isEqualTo(EntityStatus.OTHER);
        assertThat(LinkedInAdsConnector.status("CANCELED")).isEqualTo(EntityStatus.REMOVED);
        assertThat(LinkedInAdsConnector.urnId("urn:li:sponsoredCampaign:612345678")).isEqualTo("612345678");
        assertThat(LinkedInAdsConnector.dateRange(LocalDate.parse("2026-01-05"), LocalDate.parse("2026-02-01")))
                .isEqualTo("(start:(year:2026,month:1,day:5),end:(year:2026,month:2,day:1))");
        assertThat(LinkedInApi.restliValue("urn:li:sponsoredAccount:1")).isEqualTo("urn%3Ali%3AsponsoredAccount%3A1");
    }
}
