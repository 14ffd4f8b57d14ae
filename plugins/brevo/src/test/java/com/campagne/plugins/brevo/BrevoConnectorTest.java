package com.campagne.plugins.brevo;

import com.campagne.connectors.api.AuthenticationExpiredException;
import com.campagne.connectors.api.BadSettingsException;
import com.campagne.connectors.api.CheckResult;
import com.campagne.connectors.api.EmailMessage;
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

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Brevo connector against a WireMock Brevo answering as the API v3 reference documents. */
class BrevoConnectorTest {

    private static final String ACCOUNT = "65f1c2d3e4b5a6978899aabb";
    private static final LocalDate FROM = LocalDate.parse("2026-11-09");
    private static final LocalDate TO = LocalDate.parse("2026-11-22");

    private final BrevoConnector connector = new BrevoConnector();
    private BrevoStub stub;

    @BeforeEach
    void start() {
        stub = BrevoStub.standard();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private Settings settings() {
        return Settings.of(Map.of(BrevoConnector.BASE_URL, stub.baseUrl(), BrevoConnector.TIME_ZONE, "Europe/Paris"));
    }

    private TestContext context() {
        return TestContext.of(Map.of(BrevoConnector.API_KEY, BrevoStub.KEY));
    }

    private RecordingSink read(String state) {
        RecordingSink sink = new RecordingSink();
        connector.read(context(), new ReadRequest(settings(), Set.of(ACCOUNT),
                Set.of(Stream.ACCOUNTS, Stream.CAMPAIGNS, Stream.DAILY_METRICS), FROM, TO, state), sink);
        return sink;
    }

    private void campaignsAnswer(ResponseDefinitionBuilder response) {
        stub.server.stubFor(get(urlPathEqualTo("/v3/emailCampaigns")).atPriority(1).willReturn(response));
    }

    private static ResponseDefinitionBuilder error(int status, String file) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(BrevoStub.body(file));
    }

    @Test
    void checkNamesTheAccount() {
        CheckResult result = connector.check(context(), settings());
        assertThat(result.message().fr()).isEqualTo("Connecté à Brevo : « Boutique Martin » (marie@boutique-martin.fr).");
        assertThat(result.message().en()).isEqualTo("Connected to Brevo: \"Boutique Martin\" (marie@boutique-martin.fr).");
        stub.server.verify(getRequestedFor(urlPathEqualTo("/v3/account")).withHeader("api-key", equalTo(BrevoStub.KEY))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void discoverGivesTheAccountWithoutCurrency() {
        assertThat(connector.discover(context(), settings()).accounts())
                .containsExactly(new AccountRecord(ACCOUNT, "Boutique Martin", null, ZoneId.of("Europe/Paris")));
    }

    @Test
    void readMapsSentCampaignsAndTheirStatistics() {
        RecordingSink sink = read(null);
        assertThat(sink.records(CampaignRecord.class)).containsExactlyInAnyOrder(
                new CampaignRecord(ACCOUNT, "12", "Newsletter novembre", EntityStatus.OTHER, Channel.EMAIL,
                        LocalDate.parse("2026-11-10"), LocalDate.parse("2026-11-10")),
                // Sent at 23:30 UTC on the 18th: the 19th in Paris.
                new CampaignRecord(ACCOUNT, "14", "Black Friday – avant-première", EntityStatus.OTHER, Channel.EMAIL,
                        LocalDate.parse("2026-11-19"), LocalDate.parse("2026-11-19")),
                new CampaignRecord(ACCOUNT, "15", "Relance panier", EntityStatus.OTHER, Channel.EMAIL,
                        LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-20")));
        MetricRow row = sink.records(MetricRow.class).stream().filter(r -> "12".equals(r.campaignId())).findFirst().orElseThrow();
        assertThat(row.date()).isEqualTo(LocalDate.parse("2026-11-10"));
        assertThat(row.channel()).isEqualTo(Channel.EMAIL);
        assertThat(row.currency()).isNull();
        assertThat(row.measures().emailsSent()).isEqualTo(1120);
        assertThat(row.measures().emailsDelivered()).isEqualTo(1095);
        assertThat(row.measures().emailsOpened()).as("unique opens").isEqualTo(373);
        assertThat(row.measures().emailsClicked()).as("unique clicks").isEqualTo(56);
        assertThat(row.measures().clicks()).as("all clicks").isEqualTo(74);
        assertThat(row.measures().emailsBounced()).as("hard + soft").isEqualTo(25);
        assertThat(row.measures().emailsUnsubscribed()).isEqualTo(3);
        assertThat(row.measures().cost()).as("unknown is null").isNull();
        assertThat(row.measures().impressions()).isNull();
        assertThat(sink.records(MetricRow.class)).hasSize(3).allSatisfy(r -> assertThat(r.problems()).isEmpty());
        assertThat(sink.lastState()).isEqualTo("{\"lastSentDate\":\"2026-11-20\"}");
        stub.server.verify(getRequestedFor(urlPathEqualTo("/v3/emailCampaigns"))
                .withQueryParam("type", equalTo("classic"))
                .withQueryParam("offset", equalTo("0"))
                .withQueryParam("startDate", equalTo("2026-11-09T00:00:00.000+01:00"))
                .withQueryParam("endDate", equalTo("2026-11-22T23:59:59.999+01:00")));
    }

    @Test
    void readPagesWithOffsetUntilTheCount() {
        stub.server.stubFor(get(urlPathEqualTo("/v3/emailCampaigns")).atPriority(1).withQueryParam("offset", equalTo("0"))
                .willReturn(okJson(BrevoStub.body("campaigns-page1.json"))));
        stub.server.stubFor(get(urlPathEqualTo("/v3/emailCampaigns")).atPriority(1).withQueryParam("offset", equalTo("50"))
                .willReturn(okJson(BrevoStub.body("campaigns-page2.json"))));
        RecordingSink sink = read(null);
        assertThat(sink.records(CampaignRecord.class)).hasSize(53);
        assertThat(sink.records(MetricRow.class)).hasSize(53);
        assertThat(sink.checkpoints()).hasSizeGreaterThanOrEqualTo(3);
        stub.server.verify(2, getRequestedFor(urlPathEqualTo("/v3/emailCampaigns")));
        stub.server.verify(0, getRequestedFor(urlPathEqualTo("/v3/emailCampaigns")).withQueryParam("offset", equalTo("100")));
    }

    @Test
    void anIncrementalReadReReadsTheLast30Days() {
        RecordingSink sink = new RecordingSink();
        connector.read(context(), new ReadRequest(settings(), Set.of(ACCOUNT), Set.of(Stream.DAILY_METRICS),
                LocalDate.parse("2026-09-01"), TO, "{\"lastSentDate\":\"2026-11-10\"}"), sink);
        stub.server.verify(getRequestedFor(urlPathEqualTo("/v3/emailCampaigns"))
                .withQueryParam("startDate", equalTo("2026-10-11T00:00:00.000+02:00")));
        // The campaign of 1 October is older than the window: not emitted again.
        assertThat(sink.records(MetricRow.class)).extracting(MetricRow::campaignId).containsExactlyInAnyOrder("12", "14", "15");
        assertThat(sink.lastState()).isEqualTo("{\"lastSentDate\":\"2026-11-20\"}");
    }

    @Test
    void noCampaignGivesTheAccountOnly() {
        campaignsAnswer(okJson(BrevoStub.body("campaigns-empty.json")));
        RecordingSink sink = read(null);
        assertThat(sink.records()).hasSize(1).first().isInstanceOf(AccountRecord.class);
        assertThat(sink.lastState()).isEqualTo("{\"resumeFrom\":\"2026-11-09\"}");
    }

    @Test
    void anEmptyObjectIsNoCampaignToo() {
        campaignsAnswer(okJson("{}"));
        assertThat(read(null).records(CampaignRecord.class)).isEmpty();
    }

    @Test
    void anInvalidKeyAsksToReconnect() {
        TestContext revoked = TestContext.of(Map.of(BrevoConnector.API_KEY, BrevoStub.REVOKED));
        AuthenticationExpiredException e = catchThrowableOfType(AuthenticationExpiredException.class,
                () -> connector.check(revoked, settings()));
        assertThat(e.userMessage().fr()).contains("clé API invalide", "Key not found");
        assertThat(e.userMessage().en()).contains("invalid or deleted API key");
    }

    @Test
    void aKeyRevokedDuringAReadAsksToReconnect() {
        campaignsAnswer(error(401, "error-401.json"));
        assertThatThrownBy(() -> read(null)).isInstanceOf(AuthenticationExpiredException.class);
    }

    @Test
    void anUnrecognisedIpIsABadSettingAtCheckAndPermanentInARead() {
        stub.server.stubFor(get(urlPathEqualTo("/v3/account")).atPriority(1).willReturn(error(403, "error-403.json")));
        BadSettingsException bad = catchThrowableOfType(BadSettingsException.class, () -> connector.check(context(), settings()));
        assertThat(bad.settingKey()).isEqualTo(BrevoConnector.API_KEY);
        assertThat(bad.userMessage().en()).contains("unrecognised IP address 203.0.113.7", "permission_denied");
        PermanentException e = catchThrowableOfType(PermanentException.class, () -> read(null));
        assertThat(e.userMessage().fr()).contains("adresses IP autorisées");
    }

    @Test
    void http429CarriesBrevosResetDelay() {
        campaignsAnswer(error(429, "error-429.json").withHeader("x-sib-ratelimit-limit", "10")
                .withHeader("x-sib-ratelimit-remaining", "0").withHeader("x-sib-ratelimit-reset", "37"));
        RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> read(null));
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(37));
    }

    @Test
    void http429WithRetryAfterOnly() {
        campaignsAnswer(error(429, "error-429.json").withHeader("Retry-After", "90"));
        assertThat(catchThrowableOfType(RateLimitedException.class, () -> read(null)).retryAfter())
                .isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void serverErrorsAreTransient() {
        for (int status : new int[]{500, 502, 503}) {
            campaignsAnswer(aResponse().withStatus(status).withBody(BrevoStub.body("malformed.html")));
            TransientException e = catchThrowableOfType(TransientException.class, () -> read(null));
            assertThat(e.userMessage().en()).contains("HTTP " + status);
        }
    }

    @Test
    void aMalformedBodyIsAClearPermanentFailure() {
        campaignsAnswer(okJson(BrevoStub.body("truncated.json")));
        PermanentException e = catchThrowableOfType(PermanentException.class, () -> read(null));
        assertThat(e.userMessage().en()).contains("unreadable answer (not JSON)", "GET /emailCampaigns");
        campaignsAnswer(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(BrevoStub.body("malformed.html")));
        assertThatThrownBy(() -> read(null)).isInstanceOf(PermanentException.class).hasMessageContaining("not JSON");
    }

    @Test
    void anUnknownTimeZoneIsABadSetting() {
        Settings settings = Settings.of(Map.of(BrevoConnector.BASE_URL, stub.baseUrl(), BrevoConnector.TIME_ZONE, "Mars/Olympus"));
        assertThat(catchThrowableOfType(BadSettingsException.class, () -> connector.check(context(), settings)).settingKey())
                .isEqualTo(BrevoConnector.TIME_ZONE);
    }

    // ---------------------------------------------------------------- EmailSender

    private static EmailMessage message() {
        return new EmailMessage("news@boutique-martin.fr", "Boutique Martin", List.of("client@example.com"),
                "contact@boutique-martin.fr", "Votre commande", "<p>Merci !</p>", "Merci !",
                Map.of("List-Unsubscribe", "<mailto:unsub@boutique-martin.fr>"));
    }

    @Test
    void sendPostsATransactionalEmail() {
        stub.server.stubFor(post(urlPathEqualTo("/v3/smtp/email")).withHeader("api-key", equalTo(BrevoStub.KEY))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(BrevoStub.body("send-ok.json"))));
        String id = connector.send(context(), settings(), message());
        assertThat(id).isEqualTo("<202611230800.12345678901@smtp-relay.mailin.fr>");
        stub.server.verify(postRequestedFor(urlPathEqualTo("/v3/smtp/email"))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("""
                        {"sender":{"email":"news@boutique-martin.fr","name":"Boutique Martin"},
                         "to":[{"email":"client@example.com"}],
                         "replyTo":{"email":"contact@boutique-martin.fr"},
                         "subject":"Votre commande","htmlContent":"<p>Merci !</p>","textContent":"Merci !",
                         "headers":{"List-Unsubscribe":"<mailto:unsub@boutique-martin.fr>"}}""")));
    }

    @Test
    void sendErrorsAreTyped() {
        stub.server.stubFor(post(urlPathEqualTo("/v3/smtp/email")).willReturn(error(402, "error-402.json")));
        PermanentException credits = catchThrowableOfType(PermanentException.class,
                () -> connector.send(context(), settings(), message()));
        assertThat(credits.userMessage().en()).contains("Not enough Brevo credits", "Not enough credits to send this email");

        stub.server.stubFor(post(urlPathEqualTo("/v3/smtp/email")).willReturn(error(400, "error-400.json")));
        PermanentException bad = catchThrowableOfType(PermanentException.class,
                () -> connector.send(context(), settings(), message()));
        assertThat(bad.userMessage().en()).contains("HTTP 400", "sender is missing", "missing_parameter");

        stub.server.stubFor(post(urlPathEqualTo("/v3/smtp/email")).willReturn(error(401, "error-401.json")));
        assertThatThrownBy(() -> connector.send(context(), settings(), message()))
                .isInstanceOf(AuthenticationExpiredException.class);

        stub.server.stubFor(post(urlPathEqualTo("/v3/smtp/email")).willReturn(error(429, "error-429.json")
                .withHeader("x-sib-ratelimit-reset", "3")));
        assertThat(catchThrowableOfType(RateLimitedException.class,
                () -> connector.send(context(), settings(), message())).retryAfter()).isEqualTo(Duration.ofSeconds(3));
    }
}
