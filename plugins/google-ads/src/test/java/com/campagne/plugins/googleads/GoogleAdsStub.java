package com.campagne.plugins.googleads;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local Google Ads API v26 (REST): WireMock answering with the bodies of
 * {@code src/test/resources/stubs}, shaped as Google's REST reference documents them
 * ({@code listAccessibleCustomers} → {@code resourceNames}; {@code searchStream} → an array of
 * batches with {@code results}, {@code fieldMask}, {@code requestId}; errors → {@code google.rpc.Status}
 * with a {@code GoogleAdsFailure}). The access token {@link #TOKEN} works; {@link #EXPIRED} is refused
 * with {@code OAUTH_TOKEN_EXPIRED}.
 */
final class GoogleAdsStub implements AutoCloseable {

    static final String TOKEN = "ya29.a0AfB_byC-valid-access-token";
    static final String EXPIRED = "ya29.a0AfB_byC-expired-access-token";
    static final String DEVELOPER_TOKEN = "AbCdEfGhIjKlMnOpQrStUv";
    static final String PARIS = "1234567890";
    static final String GENEVA = "9876543210";
    static final String MANAGER = "5556667777";

    final WireMockServer server = new WireMockServer(options().dynamicPort());

    GoogleAdsStub() {
        server.start();
    }

    /** Three accessible customers: two client accounts (EUR in Paris, CHF in Zurich) and a manager account. */
    static GoogleAdsStub standard() {
        GoogleAdsStub stub = new GoogleAdsStub();
        stub.server.stubFor(get(urlPathEqualTo("/v26/customers:listAccessibleCustomers"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson(body("list-accessible-customers.json"))));
        stub.server.stubFor(get(urlPathEqualTo("/v26/customers:listAccessibleCustomers"))
                .withHeader("Authorization", equalTo("Bearer " + EXPIRED))
                .willReturn(error(401, "error-401-list.json")));
        for (String customer : new String[]{PARIS, GENEVA, MANAGER}) {
            stub.stream(customer, "FROM customer", "customer-" + customer + ".json");
        }
        stub.stream(PARIS, "FROM campaign", "campaigns-" + PARIS + ".json");
        stub.stream(PARIS, "FROM ad_group", "ad-groups-" + PARIS + ".json");
        stub.stream(PARIS, "FROM ad_group_ad", "ads-" + PARIS + ".json");
        stub.stream(PARIS, "segments.date BETWEEN", "metrics-" + PARIS + ".json");
        stub.stream(GENEVA, "FROM campaign", "campaigns-" + GENEVA + ".json");
        stub.stream(GENEVA, "FROM ad_group", "empty-stream.json");
        stub.stream(GENEVA, "FROM ad_group_ad", "empty-stream.json");
        stub.stream(GENEVA, "segments.date BETWEEN", "metrics-" + GENEVA + ".json");
        return stub;
    }

    /**
     * A searchStream answer for a customer and a query containing {@code queryPart}; the longer parts
     * ({@code FROM ad_group_ad} over {@code FROM ad_group}) win through their priority.
     */
    void stream(String customer, String queryPart, String file) {
        server.stubFor(post(urlPathEqualTo(path(customer)))
                .atPriority(priority(queryPart))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("developer-token", equalTo(DEVELOPER_TOKEN))
                .withRequestBody(containing(queryPart))
                .willReturn(okJson(body(file))));
    }

    /** Any searchStream of the customer answers this (above every standard answer). */
    void streamAnswers(String customer, ResponseDefinitionBuilder response) {
        server.stubFor(post(urlPathEqualTo(path(customer))).atPriority(1).willReturn(response));
    }

    private static int priority(String queryPart) {
        return switch (queryPart) {
            case "segments.date BETWEEN", "FROM ad_group_ad" -> 2;
            case "FROM ad_group" -> 3;
            default -> 4;
        };
    }

    static String path(String customer) {
        return "/v26/customers/" + customer + "/googleAds:searchStream";
    }

    static ResponseDefinitionBuilder error(int status, String file) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(body(file));
    }

    String baseUrl() {
        return server.baseUrl();
    }

    static String body(String name) {
        try (InputStream in = GoogleAdsStub.class.getResourceAsStream("/stubs/" + name)) {
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
