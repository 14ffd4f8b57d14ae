package com.campagne.plugins.linkedinads;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local LinkedIn Marketing API: WireMock answering {@code /rest/adAccounts}, {@code /rest/adAccounts/{id}/adCampaigns}
 * and {@code /rest/adAnalytics} with the bodies of {@code src/test/resources/stubs}, shaped as LinkedIn
 * documents them, only when the version and Rest.li protocol headers are sent. The token
 * {@code AQX-good} works, {@code AQX-revoked} is refused with LinkedIn's 401.
 */
final class LinkedInStub implements AutoCloseable {

    static final String TOKEN = "AQX-good";
    static final String REVOKED = "AQX-revoked";
    static final String BAKERY = "507404993";
    static final String RECRUITING = "508112233";

    final WireMockServer server = new WireMockServer(options().dynamicPort());

    LinkedInStub() {
        server.start();
    }

    /** Two ad accounts over two pages; the bakery's campaigns over two pages; 14 days of analytics each. */
    static LinkedInStub standard() {
        LinkedInStub stub = new LinkedInStub();
        stub.server.stubFor(rest("adAccounts").withQueryParam("q", equalTo("search"))
                .withQueryParam("pageSize", equalTo("100")).withQueryParam("pageToken", absent())
                .willReturn(okJson(body("ad-accounts-page1.json"))));
        stub.server.stubFor(rest("adAccounts").withQueryParam("q", equalTo("search"))
                .withQueryParam("pageToken", equalTo("dGVzdF90b2tlbl8x"))
                .willReturn(okJson(body("ad-accounts-page2.json"))));
        stub.server.stubFor(rest("adAccounts/" + BAKERY + "/adCampaigns").withQueryParam("q", equalTo("search"))
                .withQueryParam("pageToken", absent())
                .willReturn(okJson(body("campaigns-" + BAKERY + "-page1.json"))));
        stub.server.stubFor(rest("adAccounts/" + BAKERY + "/adCampaigns").withQueryParam("q", equalTo("search"))
                .withQueryParam("pageToken", equalTo("Y2FtcGFpZ25zXzI="))
                .willReturn(okJson(body("campaigns-" + BAKERY + "-page2.json"))));
        stub.server.stubFor(rest("adAccounts/" + RECRUITING + "/adCampaigns").withQueryParam("q", equalTo("search"))
                .willReturn(okJson(body("campaigns-" + RECRUITING + ".json"))));
        stub.analytics(BAKERY, okJson(body("analytics-" + BAKERY + ".json")));
        stub.analytics(RECRUITING, okJson(body("analytics-" + RECRUITING + ".json")));
        stub.server.stubFor(any(anyUrl()).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + REVOKED))
                .willReturn(json(401, "error-401.json")));
        return stub;
    }

    void analytics(String account, ResponseDefinitionBuilder response) {
        server.stubFor(rest("adAnalytics").withQueryParam("q", equalTo("analytics"))
                .withQueryParam("pivot", equalTo("CAMPAIGN")).withQueryParam("timeGranularity", equalTo("DAILY"))
                .withQueryParam("accounts", equalTo("List(urn:li:sponsoredAccount:" + account + ")"))
                .willReturn(response));
    }

    static MappingBuilder rest(String path) {
        return get(urlPathEqualTo("/rest/" + path)).atPriority(5)
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("LinkedIn-Version", equalTo(LinkedInApi.VERSION))
                .withHeader("X-Restli-Protocol-Version", equalTo("2.0.0"));
    }

    static ResponseDefinitionBuilder json(int status, String file) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body(file));
    }

    String baseUrl() {
        return server.baseUrl();
    }

    static String body(String name) {
        try (InputStream in = LinkedInStub.class.getResourceAsStream("/stubs/" + name)) {
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
