package com.campagne.plugins.metaads;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local Graph API (Marketing API v25.0): WireMock answering with the bodies of
 * {@code src/test/resources/stubs}, shaped as Meta's reference documents them. The token
 * {@link #TOKEN} reaches two ad accounts; {@link #EXPIRED} is refused with Meta's error 190.
 */
final class MetaStub implements AutoCloseable {

    static final String TOKEN = "EAAGood0SystemUserToken";
    static final String EXPIRED = "EAAExpired0Token";
    static final String ACCOUNT = "1234567890";
    static final String EMPTY_ACCOUNT = "9876543210";
    static final String REPORT_RUN = "6023920149050";
    static final String V = "/" + MetaApi.VERSION;

    final WireMockServer server = new WireMockServer(options().dynamicPort());

    MetaStub() {
        server.start();
    }

    /** Two ad accounts, the first with campaigns, ad sets, ads and two pages of Insights, the second empty. */
    static MetaStub standard() {
        MetaStub stub = new MetaStub();
        String bearer = "Bearer " + TOKEN;
        stub.server.stubFor(get(urlPathEqualTo(V + "/me/adaccounts")).withHeader("Authorization", equalTo(bearer))
                .willReturn(okJson(body("adaccounts.json"))));
        stub.server.stubFor(get(urlPathEqualTo(V + "/me/adaccounts")).withHeader("Authorization", equalTo("Bearer " + EXPIRED))
                .willReturn(json(400, "error-190.json")));
        stub.server.stubFor(get(urlPathEqualTo(V + "/debug_token")).withHeader("Authorization", equalTo(bearer))
                .willReturn(okJson(body("debug-token.json"))));
        for (String edge : new String[]{"campaigns", "adsets", "ads"}) {
            stub.server.stubFor(get(urlPathEqualTo(V + "/act_" + ACCOUNT + "/" + edge)).withHeader("Authorization", equalTo(bearer))
                    .willReturn(okJson(body(edge + ".json"))));
            stub.server.stubFor(get(urlPathEqualTo(V + "/act_" + EMPTY_ACCOUNT + "/" + edge))
                    .withHeader("Authorization", equalTo(bearer)).willReturn(okJson(body("empty.json"))));
        }
        stub.server.stubFor(get(urlPathEqualTo(V + "/act_" + ACCOUNT + "/insights")).withHeader("Authorization", equalTo(bearer))
                .withQueryParam("after", absent()).willReturn(okJson(body("insights-page1.json"))));
        stub.server.stubFor(get(urlPathEqualTo(V + "/act_" + ACCOUNT + "/insights")).withHeader("Authorization", equalTo(bearer))
                .withQueryParam("after", equalTo("NAZDZD")).willReturn(okJson(body("insights-page2.json"))));
        stub.server.stubFor(get(urlPathEqualTo(V + "/act_" + EMPTY_ACCOUNT + "/insights"))
                .withHeader("Authorization", equalTo(bearer)).willReturn(okJson(body("empty.json"))));
        // The asynchronous report run: started, running once, then completed.
        stub.server.stubFor(post(urlPathEqualTo(V + "/act_" + ACCOUNT + "/insights")).withHeader("Authorization", equalTo(bearer))
                .willReturn(okJson(body("report-run-started.json"))));
        stub.server.stubFor(get(urlPathEqualTo(V + "/" + REPORT_RUN)).inScenario("report")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("running")
                .willReturn(okJson(body("report-run-running.json"))));
        stub.server.stubFor(get(urlPathEqualTo(V + "/" + REPORT_RUN)).inScenario("report")
                .whenScenarioStateIs("running")
                .willReturn(okJson(body("report-run-completed.json"))));
        stub.server.stubFor(get(urlPathEqualTo(V + "/" + REPORT_RUN + "/insights")).withHeader("Authorization", equalTo(bearer))
                .willReturn(okJson(body("report-insights.json"))));
        return stub;
    }

    String baseUrl() {
        return server.baseUrl();
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String file) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withHeader("WWW-Authenticate", "OAuth \"Facebook Platform\" \"invalid_token\"")
                .withBody(body(file));
    }

    static String body(String name) {
        try (InputStream in = MetaStub.class.getResourceAsStream("/stubs/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no stub file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
