package com.campagne.plugins.brevo;

import com.github.tomakehurst.wiremock.WireMockServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local Brevo API v3: WireMock answering with the bodies of {@code src/test/resources/stubs},
 * shaped as Brevo's API reference documents them. The key {@code xkeysib-good} works,
 * {@code xkeysib-revoked} is refused with Brevo's 401.
 */
final class BrevoStub implements AutoCloseable {

    static final String KEY = "xkeysib-good";
    static final String REVOKED = "xkeysib-revoked";

    final WireMockServer server = new WireMockServer(options().dynamicPort());

    BrevoStub() {
        server.start();
    }

    /** The account and one page of four sent campaigns (one sent before the tests' range). */
    static BrevoStub standard() {
        BrevoStub stub = new BrevoStub();
        stub.server.stubFor(get(urlPathEqualTo("/v3/account")).withHeader("api-key", equalTo(KEY))
                .willReturn(okJson(body("account.json"))));
        stub.server.stubFor(get(urlPathEqualTo("/v3/emailCampaigns")).withHeader("api-key", equalTo(KEY))
                .withQueryParam("status", equalTo("sent"))
                .withQueryParam("statistics", equalTo("globalStats"))
                .withQueryParam("limit", equalTo("50"))
                .willReturn(okJson(body("campaigns.json"))));
        stub.server.stubFor(get(urlPathEqualTo("/v3/account")).withHeader("api-key", equalTo(REVOKED))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody(body("error-401.json"))));
        return stub;
    }

    String baseUrl() {
        return server.baseUrl() + "/v3";
    }

    static String body(String name) {
        try (InputStream in = BrevoStub.class.getResourceAsStream("/stubs/" + name)) {
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
