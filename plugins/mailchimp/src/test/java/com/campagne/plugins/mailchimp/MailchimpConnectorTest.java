package com.campagne.plugins.mailchimp;

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
import com.campagne.connectors.api.schema.EntityStatus;
import com.campagne.connectors.api.schema.MetricRow;
import com.campagne.connectors.testkit.RecordingSink;
import com.campagne.connectors.testkit.TestContext;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Mailchimp connector against a WireMock Mailchimp answering as the Marketing API 3.0 reference documents. */
class MailchimpConnectorTest {

    private static final String ACCOUNT = "8d3a3db4d97663a9074efcc16";
    private static final LocalDate FROM = LocalDate.parse("2026-11-09");
    private static final LocalDate TO = LocalDate.parse("2026-11-22");

    private final MailchimpConnector connector = new MailchimpConnector();
    private MailchimpStub stub;

    @BeforeEach
    void start() {
        stub = MailchimpStub.standard();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private Settings settings() {
        return Settings.of(Map.of(MailchimpConnector.BASE_URL, stub.baseUrl()));
    }

    private TestContext context() {
        return TestContext.of(Map.of(MailchimpConnector.API_KEY, MailchimpStub.KEY));
    }

    private RecordingSink read(String state) {
        RecordingSink sink = new RecordingSink();
        connector.read(context(), new ReadRequest(settings(), Set.of(ACCOUNT),
                Set.of(Stream.ACCOUNTS, Stream.CAMPAIGNS, Stream.DAILY_METRICS), FROM, TO, state), sink);
        return sink;
    }

    private void reportsAnswer(ResponseDefinitionBuilder response) {
        stub.server.stubFor(get(urlPathEqualTo("/3.0/reports")).atPriority(1).willReturn(response));
    }

    @Test
    void theDataCentreComesFromTheKey() {
        assertThat(MailchimpApi.dataCentreUrl("0123456789abcdef0123456789abcdef-us21"))
                .isEqualTo(URI.create("https://us21.api.mailchimp.com/3.0"));
        assertThat(MailchimpApi.dataCentreUrl("0123456789abcdef-eu1")).isEqualTo(URI.create("https://eu1.api.mailchimp.com/3.0"));
        assertThat(MailchimpApi.dataCentreUrl("0123456789abcdef")).as("no data centre").isNull();
        assertThat(MailchimpApi.dataCentreUrl("abc-evil.example.com/x")).as("never a host of the user's choosing").isNull();
    }

    @Test
    void aKeyWithoutDataCentreIsABadSetting() {
        TestContext noDc = TestContext.of(Map.of(MailchimpConnector.API_KEY, "0123456789abcdef0123456789abcdef"));
        BadSettingsException e = catchThrowableOfType(BadSettingsException.class,
                () -> connector.check(noDc, Settings.of(Map.of())));
        assertThat(e.settingKey()).isEqualTo(MailchimpConnector.API_KEY);
        assertThat(e.userMessage().en()).contains("data centre");
    }

    @Test
    void checkPingsThenNamesTheAccount() {
        CheckResult result = connector.check(context(), settings());
        assertThat(result.message().fr()).isEqualTo("Connecté à Mailchimp : « Boutique Martin » (marie@boutique-martin.fr).");
        assertThat(result.message().en()).isEqualTo("Connected to Mailchimp: \"Boutique Martin\" (marie@boutique-martin.fr).");
        stub.server.verify(getRequestedFor(urlPathEqualTo("/3.0/ping"))
                .withHeader("Authorization", equalTo(MailchimpStub.basic(MailchimpStub.KEY)))
                .withHeader("Accept", equalTo("application/json")));
        stub.server.verify(getRequestedFor(urlPathEqualTo("/3.0/")));
    }

    @Test
    void discoverGivesTheAccountInItsTimeZoneAndListsTheAudiences() {
        assertThat(connector.discover(context(), settings()).accounts())
                .containsExactly(new AccountRecord(ACCOUNT, "Boutique Martin", null, ZoneId.of("Europe/Paris")));
        stub.server.verify(getRequestedFor(urlPathEqualTo("/3.0/lists")).withQueryParam("count", equalTo("1000")));
    }

    @Test
    void readMapsReportsToCampaignsAndOneRowOnTheSendingDay() {
        RecordingSink sink = read(null);
        assertThat(sink.records(AccountRecord.class)).hasSize(1);
        assertThat(sink.records(CampaignRecord.class)).containsExactlyInAnyOrder(
                new CampaignRecord(ACCOUNT, "f3b2a1c0d9", "Newsletter novembre", EntityStatus.OTHER, Channel.EMAIL,
                        LocalDate.parse("2026-11-10"), LocalDate.parse("2026-11-10")),
                // Sent at 23:30 UTC on the 18th: the 19th in Paris, the account's zone.
                new CampaignRecord(ACCOUNT, "0a9b8c7d6e", "Black Friday – avant-première", EntityStatus.OTHER, Channel.EMAIL,
                        LocalDate.parse("2026-11-19"), LocalDate.parse("2026-11-19")),
                new CampaignRecord(ACCOUNT, "5e4d3c2b1a", "Relance panier", EntityStatus.OTHER, Channel.EMAIL,
                        LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-20")));
        MetricRow row = sink.records(MetricRow.class).stream()
                .filter(r -> "f3b2a1c0d9".equals(r.campaignId())).findFirst().orElseThrow();
        assertThat(row.date()).isEqualTo(LocalDate.parse("2026-11-10"));
        assertThat(row.accountId()).isEqualTo(ACCOUNT);
        assertThat(row.channel()).isEqualTo(Channel.EMAIL);
        assertThat(row.currency()).isNull();
        assertThat(row.measures().emailsSent()).isEqualTo(1120);
        assertThat(row.measures().emailsBounced()).as("hard + soft").isEqualTo(25);
        assertThat(row.measures().emailsOpened()).as("unique opens").isEqualTo(373);
        assertThat(row.measures().emailsClicked()).as("unique subscriber clicks").isEqualTo(56);
        assertThat(row.measures().clicks()).as("all clicks").isEqualTo(74);
        assertThat(row.measures().emailsUnsubscribed()).isEqualTo(3);
        assertThat(row.measures().emailsDelivered()).as("not given by Mailchimp: unknown").isNull();
        assertThat(row.measures().cost()).as("unknown is null").isNull();
        assertThat(row.measures().impressions()).isNull();
        assertThat(sink.records(MetricRow.class)).hasSize(3).allSatisfy(r -> assertThat(r.problems()).isEmpty());
        assertThat(sink.lastState()).isEqualTo("{\"lastSendTime\":\"2026-11-20T15:45:00Z\"}");
        stub.server.verify(getRequestedFor(urlPathEqualTo("/3.0/reports"))
                .withQueryParam("count", equalTo("100"))
                .withQueryParam("offset", equalTo("0"))
                .withQueryParam("since_send_time", equalTo("2026-11-09T00:00:00+01:00"))
                .withQueryParam("before_send_time", equalTo("2026-11-23T00:00:00+01:00")));
    }

    @Test
    void readPagesWithOffsetUntilTotalItems() {
        stub.server.stubFor(get(urlPathEqualTo("/3.0/reports")).atPriority(1).withQueryParam("offset", equalTo("0"))
                .willReturn(okJson(MailchimpStub.body("reports-page1.json"))));
        stub.server.stubFor(get(urlPathEqualTo("/3.0/reports")).atPriority(1).withQueryParam("offset", equalTo("100"))
                .willReturn(okJson(MailchimpStub.body("reports-page2.json"))));
        RecordingSink sink = read(null);
        assertThat(sink.records(CampaignRecord.class)).hasSize(103);
        assertThat(sink.records(MetricRow.class)).hasSize(103);
        assertThat(sink.checkpoints()).hasSizeGreaterThanOrEqualTo(3);
        stub.server.verify(2, getRequestedFor(urlPathEqualTo("/3.0/reports")));
        stub.server.verify(0, getRequestedFor(urlPathEqualTo("/3.0/reports")).withQueryParam("offset", equalTo("200")));
    }

    @Test
    void anIncrementalReadReReadsTheReportsOfThe30DaysBeforeTheLastSend() {
        RecordingSink sink = new RecordingSink();
        connector.read(context(), new ReadRequest(settings(), Set.of(ACCOUNT), Set.of(Stream.DAILY_METRICS),
                LocalDate.parse("2026-09-01"), TO, "{\"lastSendTime\":\"2026-11-10T08:00:00Z\"}"), sink);
        stub.server.verify(getRequestedFor(urlPathEqualTo("/3.0/reports"))
                .withQueryParam("since_send_time", equalTo("2026-10-11T00:00:00+02:00")));
        // The campaign of 1 October is older than the window: not emitted again.
        assertThat(sink.records(MetricRow.class)).extracting(MetricRow::campaignId)
                .containsExactlyInAnyOrder("f3b2a1c0d9", "0a9b8c7d6e", "5e4d3c2b1a");
        assertThat(sink.lastState()).isEqualTo("{\"lastSendTime\":\"2026-11-20T15:45:00Z\"}");
    }

    @Test
    void noReportGivesTheAccountOnly() {
        reportsAnswer(okJson(MailchimpStub.body("reports-empty.json")));
        RecordingSink sink = read(null);
        assertThat(sink.records()).hasSize(1).first().isInstanceOf(AccountRecord.class);
        assertThat(sink.lastState()).isEqualTo("{\"resumeFrom\":\"2026-11-09\"}");
    }

    @Test
    void anInvalidKeyAsksToReconnect() {
        TestContext revoked = TestContext.of(Map.of(MailchimpConnector.API_KEY, MailchimpStub.REVOKED));
        AuthenticationExpiredException e = catchThrowableOfType(AuthenticationExpiredException.class,
                () -> connector.check(revoked, settings()));
        assertThat(e.userMessage().en()).contains("refuses the API key", "API Key Invalid", "wrong datacenter");
        assertThat(e.userMessage().fr()).contains("Clés API");
    }

    @Test
    void aKeyRevokedDuringAReadAsksToReconnect() {
        reportsAnswer(MailchimpStub.problem(401, "error-401.json"));
        assertThatThrownBy(() -> read(null)).isInstanceOf(AuthenticationExpiredException.class);
    }

    @Test
    void forbiddenIsPermanentWithMailchimpsDetail() {
        reportsAnswer(MailchimpStub.problem(403, "error-403.json"));
        PermanentException e = catchThrowableOfType(PermanentException.class, () -> read(null));
        assertThat(e).isNotInstanceOf(AuthenticationExpiredException.class);
        assertThat(e.userMessage().en()).contains("denies access", "Forbidden", "may not access this resource");
    }

    @Test
    void otherClientErrorsArePermanentWithTheirTitle() {
        reportsAnswer(MailchimpStub.problem(404, "error-404.json"));
        PermanentException e = catchThrowableOfType(PermanentException.class, () -> read(null));
        assertThat(e.userMessage().en()).contains("HTTP 404", "Resource Not Found", "GET /reports");
    }

    @Test
    void http429HonoursRetryAfter() {
        reportsAnswer(MailchimpStub.problem(429, "error-429.json").withHeader("Retry-After", "45"));
        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> read(null));
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void http429WithoutRetryAfterWaitsTheDefaultDelay() {
        reportsAnswer(MailchimpStub.problem(429, "error-429.json"));
        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> read(null));
        assertThat(e.retryAfter()).isEqualTo(MailchimpApi.DEFAULT_RETRY).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void serverErrorsAreTransient() {
        reportsAnswer(MailchimpStub.problem(500, "error-500.json"));
        assertThat(catchThrowableOfType(TransientException.class, () -> read(null)).userMessage().en()).contains("HTTP 500");
        for (int status : new int[]{502, 503, 504}) {
            reportsAnswer(aResponse().withStatus(status).withHeader("Content-Type", "text/html")
                    .withBody(MailchimpStub.body("malformed.html")));
            TransientException e = catchThrowableOfType(TransientException.class, () -> read(null));
            assertThat(e.userMessage().en()).contains("HTTP " + status);
        }
    }

    @Test
    void aMalformedBodyIsAClearPermanentFailure() {
        reportsAnswer(okJson(MailchimpStub.body("truncated.json")));
        PermanentException e = catchThrowableOfType(PermanentException.class, () -> read(null));
        assertThat(e.userMessage().en()).contains("unreadable answer (not JSON)", "GET /reports");
        reportsAnswer(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody(MailchimpStub.body("malformed.html")));
        assertThatThrownBy(() -> read(null)).isInstanceOf(PermanentException.class).hasMessageContaining("not JSON");
        reportsAnswer(okJson("{\"reports\":[],\"total_items\":0}}"));
        assertThatThrownBy(() -> read(null)).as("text after the value").isInstanceOf(PermanentException.class);
    }
}
