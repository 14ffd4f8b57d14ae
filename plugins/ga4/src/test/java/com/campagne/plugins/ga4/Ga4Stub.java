package com.campagne.plugins.ga4;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local Google Analytics: WireMock answering the Admin API's {@code GET /v1beta/properties/{id}}
 * and the Data API's {@code POST /v1beta/properties/{id}:runReport} with the bodies of
 * {@code src/test/resources/stubs}, shaped as Google documents them (errors as
 * {@code {"error":{"code","message","status","details"}}}). The access token {@code ya29.good} works,
 * {@code ya29.expired} is refused with Google's 401.
 */
final class Ga4Stub implements AutoCloseable {

    static final String TOKEN = "ya29.good";
    static final String EXPIRED = "ya29.expired";

    final WireMockServer server = new WireMockServer(options().dynamicPort());

    Ga4Stub() {
        server.start();
    }

    /** Two properties: 123 (Paris, EUR, 13 days of six rows) and 456 (New York, USD, one row a day). */
    static Ga4Stub standard() {
        Ga4Stub stub = new Ga4Stub();
        stub.property("123", okJson(body("property-123.json")));
        stub.property("456", okJson(body("property-456.json")));
        stub.report("123", okJson(body("report-123.json")));
        stub.report("456", okJson(body("report-456.json")));
        stub.server.stubFor(any(anyUrl()).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + EXPIRED))
                .willReturn(json(401, "error-401.json").withHeader("WWW-Authenticate",
                        "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"")));
        return stub;
    }

    void property(String id, ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo("/v1beta/properties/" + id)).atPriority(5)
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(response));
    }

    void report(String id, ResponseDefinitionBuilder response) {
        server.stubFor(runReport(id).atPriority(5).willReturn(response));
    }

    static MappingBuilder runReport(String id) {
        return post(urlPathEqualTo("/v1beta/properties/" + id + ":runReport"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/json"));
    }

    static ResponseDefinitionBuilder json(int status, String file) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(body(file));
    }

    String baseUrl() {
        return server.baseUrl();
    }

    static String body(String name) {
        try (InputStream in = Ga4Stub.class.getResourceAsStream("/stubs/" + name)) {
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
