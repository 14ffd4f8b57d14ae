package com.campagne.plugins.matomo;

import com.campagne.connectors.api.AuthenticationExpiredException;
import com.campagne.connectors.api.BadSettingsException;
import com.campagne.connectors.api.CheckResult;
import com.campagne.connectors.api.ConnectorException;
import com.campagne.connectors.api.FailureType;
import com.campagne.connectors.api.PermanentException;
import com.campagne.connectors.api.RateLimitedException;
import com.campagne.connectors.api.ReadRequest;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.api.Stream;
import com.campagne.connectors.api.TransientException;
import com.campagne.connectors.api.schema.AccountRecord;
import com.campagne.connectors.api.schema.CampaignRecord;
import com.campagne.connectors.api.schema.Channel;
import com.campagne.connectors.api.schema.MetricRow;
import com.campagne.connectors.testkit.RecordingSink;
import com.campagne.connectors.testkit.TestContext;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Matomo connector against a WireMock Matomo answering as the Reporting API documents. */
class MatomoConnectorTest {

    private static final LocalDate FROM = LocalDate.parse("2026-11-09");
    private static final LocalDate TO = LocalDate.parse("2026-11-22");

    private final MatomoConnector connector = new MatomoConnector();
    private MatomoStub stub;

    @BeforeEach
    void start() {
        stub = MatomoStub.standard();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private Settings settings() {
        return Settings.of(Map.of(MatomoConnector.BASE_URL, stub.baseUrl()));
    }

    private TestContext context() {
        return TestContext.of(Map.of(MatomoConnector.TOKEN, MatomoStub.TOKEN));
    }

    private RecordingSink read(Set<String> sites, LocalDate from, LocalDate to, String state) {
        RecordingSink sink = new RecordingSink();
        connector.read(context(), new ReadRequest(settings(), sites,
                Set.of(Stream.ACCOUNTS, Stream.CAMPAIGNS, Stream.DAILY_METRICS), from, to, state), sink);
        return sink;
    }

    @Test
    void checkSaysTheVersionAndTheSites() {
        CheckResult result = connector.check(context(), settings());
        assertThat(result.message().fr()).contains("Matomo 5.1.2", "2 site(s)", "Boutique Martin", "Blog Martin");
        assertThat(result.message().en()).contains("Matomo 5.1.2", "2 site(s)");
    }

    @Test
    void matomo3IsRefusedAtCheck() {
        stub.method("API.getMatomoVersion", okJson("{\"value\":\"3.14.1\"}"));
        BadSettingsException e = catchThrowableOfType(BadSettingsException.class, () -> connector.check(context(), settings()));
        assertThat(e.settingKey()).isEqualTo(MatomoConnector.BASE_URL);
        assertThat(e.userMessage().en()).contains("Matomo 3.14.1 is too old");
    }

    @Test
    void tokenTravelsInThePostBodyNeverInTheUrl() {
        connector.check(context(), settings());
        List<LoggedRequest> requests = stub.server.findAll(anyRequestedFor(urlPathEqualTo("/index.php")));
        assertThat(requests).isNotEmpty().allSatisfy(r -> {
            assertThat(r.getMethod().getName()).isEqualTo("POST");
            assertThat(r.getUrl()).doesNotContain("token_auth").doesNotContain(MatomoStub.TOKEN);
            assertThat(r.getBodyAsString()).isEqualTo("token_auth=" + MatomoStub.TOKEN);
        });
    }

    @Test
    void discoverListsTheSitesWithTheirCurrencyAndTimeZone() {
        List<AccountRecord> accounts = connector.discover(context(), settings()).accounts();
        assertThat(accounts).containsExactly(
                new AccountRecord("1", "Boutique Martin", "EUR", ZoneId.of("Europe/Paris")),
                new AccountRecord("3", "Blog Martin", "EUR", ZoneOffset.ofHours(1)));
    }

    @Test
    void siteIdsRestrictTheSitesAndAnUnknownOneIsABadSetting() {
        Settings one = Settings.of(Map.of(MatomoConnector.BASE_URL, stub.baseUrl(), MatomoConnector.SITE_IDS, "3"));
        assertThat(connector.discover(context(), one).accounts()).extracting(AccountRecord::accountId).containsExactly("3");
        Settings unknown = Settings.of(Map.of(MatomoConnector.BASE_URL, stub.baseUrl(), MatomoConnector.SITE_IDS, "1, 7"));
        BadSettingsException e = catchThrowableOfType(BadSettingsException.class,
                () -> connector.check(context(), unknown));
        assertThat(e.settingKey()).isEqualTo(MatomoConnector.SITE_IDS);
        assertThat(e.userMessage().en()).contains("7");
    }

    @Test
    void readMapsVisitsChannelsCampaignsAndGoals() {
        RecordingSink sink = read(Set.of("1"), FROM, TO, null);
        LocalDate day = FROM;
        List<MetricRow> rows = sink.records(MetricRow.class).stream().filter(r -> r.date().equals(day)).toList();

        MetricRow site = rows.stream().filter(r -> r.campaignId() == null && r.channel() == null).findFirst().orElseThrow();
        assertThat(site.accountId()).isEqualTo("1");
        assertThat(site.currency()).isEqualTo("EUR");
        assertThat(site.measures().sessions()).isEqualTo(99);
        assertThat(site.measures().users()).isEqualTo(92);
        assertThat(site.measures().bounces()).isEqualTo(32);
        assertThat(site.measures().pageViews()).isEqualTo(285);
        assertThat(site.measures().conversions()).isEqualByComparingTo("5");
        assertThat(site.measures().conversionValue()).isEqualByComparingTo("135.4");
        assertThat(site.measures().impressions()).as("unknown is null").isNull();
        assertThat(site.measures().clicks()).isNull();
        assertThat(site.measures().cost()).isNull();

        MetricRow search = rows.stream().filter(r -> r.channel() == Channel.ORGANIC_SEARCH).findFirst().orElseThrow();
        assertThat(search.measures().sessions()).isEqualTo(42);
        assertThat(search.measures().users()).isEqualTo(41);
        assertThat(search.measures().bounces()).isEqualTo(14);
        assertThat(search.measures().conversions()).isEqualByComparingTo("2");
        assertThat(search.measures().conversionValue()).isEqualByComparingTo("60");
        assertThat(search.measures().pageViews()).as("nb_actions is not page views").isNull();
        assertThat(rows.stream().filter(r -> r.campaignId() == null && r.channel() != null).map(MetricRow::channel))
                .containsExactlyInAnyOrder(Channel.ORGANIC_SEARCH, Channel.DIRECT, Channel.OTHER, Channel.REFERRAL,
                        Channel.ORGANIC_SOCIAL);
        assertThat(rows.stream().filter(r -> r.campaignId() == null && r.channel() != null)
                .mapToLong(r -> r.measures().sessions()).sum()).as("channels add up to the site's visits").isEqualTo(99);

        MetricRow blackFriday = rows.stream().filter(r -> "black-friday-2026".equals(r.campaignId())).findFirst().orElseThrow();
        assertThat(blackFriday.measures().sessions()).isEqualTo(11);
        assertThat(blackFriday.measures().conversionValue()).isEqualByComparingTo(new BigDecimal("49.9"));
        assertThat(blackFriday.channel()).isNull();

        assertThat(sink.records(CampaignRecord.class)).extracting(CampaignRecord::campaignId)
                .containsExactlyInAnyOrder("black-friday-2026", "newsletter-novembre");
        assertThat(sink.records(AccountRecord.class)).extracting(AccountRecord::accountId).containsExactly("1");
        assertThat(sink.records()).allSatisfy(r -> assertThat(r.problems()).isEmpty());
        // 2026-11-15 has no data ([] in every report): no row, never a row of zeros.
        assertThat(sink.records(MetricRow.class)).noneMatch(r -> r.date().equals(LocalDate.parse("2026-11-15")));
        assertThat(sink.records(MetricRow.class)).hasSize(13 * (1 + 5 + 2));
        assertThat(sink.lastState()).isEqualTo("{\"1\":\"2026-11-22\"}");
    }

    @Test
    void aLongRangeIsReadAMonthAtATimeWithACheckpointAfterEach() {
        stub.reports("1", "2026-10-01,2026-10-31", "october-");
        stub.reports("1", "2026-11-01,2026-11-09", "november-");
        RecordingSink sink = read(Set.of("1"), LocalDate.parse("2026-10-01"), LocalDate.parse("2026-11-09"), null);
        assertThat(sink.records(MetricRow.class).stream().map(MetricRow::date).distinct()).hasSize(40);
        assertThat(sink.checkpoints()).contains("{\"1\":\"2026-10-31\"}", "{\"1\":\"2026-11-09\"}");
        stub.server.verify(1, postRequestedFor(urlPathEqualTo("/index.php"))
                .withQueryParam("method", equalTo("VisitsSummary.get")).withQueryParam("date", equalTo("2026-10-01,2026-10-31"))
                .withQueryParam("period", equalTo("day")));
        stub.server.verify(1, postRequestedFor(urlPathEqualTo("/index.php"))
                .withQueryParam("method", equalTo("Referrers.getCampaigns")).withQueryParam("date", equalTo("2026-11-01,2026-11-09"))
                .withQueryParam("filter_limit", equalTo("-1")));
    }

    @Test
    void anIncrementalReadReReadsTheLastTwoDaysAndKeepsTodayOut() {
        RecordingSink sink = read(Set.of("1"), FROM, LocalDate.parse("2026-11-23"), "{\"1\":\"2026-11-20\"}");
        stub.server.verify(1, postRequestedFor(urlPathEqualTo("/index.php"))
                .withQueryParam("method", equalTo("VisitsSummary.get")).withQueryParam("date", equalTo("2026-11-19,2026-11-23")));
        assertThat(sink.records(MetricRow.class)).allSatisfy(r -> assertThat(r.date()).isAfterOrEqualTo(LocalDate.parse("2026-11-19")));
        // The clock says 2026-11-23 in Paris: today is not complete, the state stops at yesterday.
        assertThat(sink.lastState()).isEqualTo("{\"1\":\"2026-11-22\"}");
    }

    @Test
    void emptyReportsGiveTheAccountAndNoRow() {
        stub.siteData("1", "empty-");
        RecordingSink sink = read(Set.of("1"), FROM, TO, null);
        assertThat(sink.records(MetricRow.class)).isEmpty();
        assertThat(sink.records(CampaignRecord.class)).isEmpty();
        assertThat(sink.records(AccountRecord.class)).hasSize(1);
        assertThat(sink.lastState()).isEqualTo("{\"1\":\"2026-11-22\"}");
    }

    @Test
    void anInvalidTokenAnsweredAsHttp200ErrorAsksToReconnect() {
        stub.method("SitesManager.getSitesWithAtLeastViewAccess", okJson(MatomoStub.body("error-token.json")));
        AuthenticationExpiredException e = catchThrowableOfType(AuthenticationExpiredException.class,
                () -> read(Set.of("1"), FROM, TO, null));
        assertThat(e.type()).isEqualTo(FailureType.AUTHENTICATION_EXPIRED);
        assertThat(e.userMessage().en()).contains("Unable to authenticate with the provided token", "token_auth");
        assertThat(e.userMessage().fr()).contains("jeton");
    }

    @Test
    void anExpiredTokenAnsweredAsHttp401AsksToReconnect() {
        TestContext revoked = TestContext.of(Map.of(MatomoConnector.TOKEN, MatomoStub.REVOKED));
        assertThatThrownBy(() -> connector.check(revoked, settings()))
                .isInstanceOf(AuthenticationExpiredException.class)
                .hasMessageContaining("It is either invalid or expired");
    }

    @Test
    void aSiteTheTokenMayNotViewIsAPermanentFailureWithMatomosWords() {
        stub.method("VisitsSummary.get", okJson(MatomoStub.body("error-access.json")));
        PermanentException e = catchThrowableOfType(PermanentException.class, () -> read(Set.of("1"), FROM, TO, null));
        assertThat(e.userMessage().en()).contains("You can't access this resource", "\"view\" access");
    }

    @Test
    void aTokenWithoutAccessIsABadSettingAtCheck() {
        stub.method("API.getMatomoVersion", okJson(MatomoStub.body("error-access.json")));
        BadSettingsException e = catchThrowableOfType(BadSettingsException.class, () -> connector.check(context(), settings()));
        assertThat(e.settingKey()).isEqualTo(MatomoConnector.TOKEN);
        assertThat(e.userMessage().fr()).contains("accès « vue »");
    }

    @Test
    void http403IsAPermanentFailure() {
        stub.method("Goals.get", aResponse().withStatus(403).withHeader("Content-Type", "text/html").withBody("<h1>Forbidden</h1>"));
        assertThatThrownBy(() -> read(Set.of("1"), FROM, TO, null)).isInstanceOf(PermanentException.class)
                .hasMessageContaining("may not read");
    }

    @Test
    void http429CarriesTheRetryAfterDelay() {
        stub.method("VisitsSummary.get", aResponse().withStatus(429).withHeader("Retry-After", "120")
                .withBody("Too Many Requests"));
        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> read(Set.of("1"), FROM, TO, null));
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void http503WithAnHttpDateRetryAfterIsRateLimitedToo() {
        // The test context's clock is 2026-11-23T08:00:00Z.
        stub.method("API.getMatomoVersion", aResponse().withStatus(503)
                .withHeader("Retry-After", "Mon, 23 Nov 2026 08:05:00 GMT"));
        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> connector.check(context(), settings()));
        assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void serverErrorsAreTransient() {
        for (int status : new int[]{500, 502, 504}) {
            stub.method("Referrers.getReferrerType", aResponse().withStatus(status).withBody("<html>Bad gateway</html>"));
            TransientException e = catchThrowableOfType(TransientException.class, () -> read(Set.of("1"), FROM, TO, null));
            assertThat(e.userMessage().en()).contains("HTTP " + status);
        }
    }

    @Test
    void anHtmlPageInsteadOfJsonIsAClearPermanentFailure() {
        stub.method("API.getMatomoVersion", aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody(MatomoStub.body("malformed.html")));
        PermanentException e = catchThrowableOfType(PermanentException.class, () -> connector.check(context(), settings()));
        assertThat(e.userMessage().en()).contains("not JSON", "address of your Matomo");
        assertThat(e.userMessage().fr()).contains("pas du JSON");
    }

    @Test
    void aTruncatedJsonBodyIsAClearPermanentFailure() {
        stub.method("VisitsSummary.get", okJson(MatomoStub.body("truncated.json")));
        assertThatThrownBy(() -> read(Set.of("1"), FROM, TO, null)).isInstanceOf(PermanentException.class)
                .hasMessageContaining("unreadable answer");
    }

    @Test
    void anUnreachableInstanceIsTransient() {
        Settings settings = settings();
        stub.server.stop();
        assertThatThrownBy(() -> connector.check(context(), settings)).isInstanceOf(TransientException.class)
                .isInstanceOf(ConnectorException.class);
    }

    @Test
    void referrerTypesMapToChannels() {
        assertThat(MatomoConnector.channel("referrerType==search", "Moteurs de recherche")).isEqualTo(Channel.ORGANIC_SEARCH);
        assertThat(MatomoConnector.channel("referrerType==social", null)).isEqualTo(Channel.ORGANIC_SOCIAL);
        assertThat(MatomoConnector.channel("referrerType==website", null)).isEqualTo(Channel.REFERRAL);
        assertThat(MatomoConnector.channel("referrerType==direct", null)).isEqualTo(Channel.DIRECT);
        assertThat(MatomoConnector.channel("referrerType==campaign", null)).isEqualTo(Channel.OTHER);
        assertThat(MatomoConnector.channel(null, "Search Engines")).isEqualTo(Channel.ORGANIC_SEARCH);
    }

    @Test
    void matomoTimeZonesAndEndpoints() {
        assertThat(MatomoConnector.zone("UTC+5.5")).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
        assertThat(MatomoConnector.zone("UTC-3")).isEqualTo(ZoneOffset.ofHours(-3));
        assertThat(MatomoConnector.zone("America/New_York")).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(MatomoApi.endpoint(java.net.URI.create("https://stats.example.com/matomo/")).toString())
                .isEqualTo("https://stats.example.com/matomo/index.php");
        assertThat(MatomoApi.endpoint(java.net.URI.create("https://stats.example.com/index.php")).toString())
                .isEqualTo("https://stats.example.com/index.php");
    }
}
