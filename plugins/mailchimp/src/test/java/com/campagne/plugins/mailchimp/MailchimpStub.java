package com.campagne.plugins.mailchimp;

import com.github.tomakehurst.wiremock.WireMockServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local Mailchimp Marketing API 3.0: WireMock answering with the bodies of
 * {@code src/test/resources/stubs}, shaped as Mailchimp's API reference documents them. The key
 * {@link #KEY} works, {@link #REVOKED} is refused with Mailchimp's 401 "API Key Invalid".
 */
final class MailchimpStub implements AutoCloseable {

    static final String KEY = "0123456789abcdef0123456789abcdef-us21";
    static final String REVOKED = "fedcba9876543210fedcba9876543210-us21";

    final WireMockServer server = new WireMockServer(options().dynamicPort());

    MailchimpStub() {
        server.start();
    }

    /** The ping, the account, two audiences and one page of four reports (one sent before the tests' range). */
    static MailchimpStub standard() {
        MailchimpStub stub = new MailchimpStub();
        stub.server.stubFor(get(urlPathEqualTo("/3.0/ping")).withHeader("Authorization", equalTo(basic(KEY)))
                .willReturn(okJson(body("ping.json"))));
        stub.server.stubFor(get(urlPathEqualTo("/3.0/")).withHeader("Authorization", equalTo(basic(KEY)))
                .willReturn(okJson(body("root.json"))));
        stub.server.stubFor(get(urlPathEqualTo("/3.0/lists")).withHeader("Authorization", equalTo(basic(KEY)))
                .willReturn(okJson(body("lists.json"))));
        stub.server.stubFor(get(urlPathEqualTo("/3.0/reports")).withHeader("Authorization", equalTo(basic(KEY)))
                .withQueryParam("count", equalTo("100"))
                .willReturn(okJson(body("reports.json"))));
        for (String path : new String[]{"/3.0/ping", "/3.0/", "/3.0/lists", "/3.0/reports"}) {
            stub.server.stubFor(get(urlPathEqualTo(path)).withHeader("Authorization", equalTo(basic(REVOKED)))
                    .willReturn(problem(401, "error-401.json")));
        }
        return stub;
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problem(int status, String file) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody(body(file));
    }

    /** Basic auth as the connector sends it: Mailchimp ignores the user name, the key is the password. */
    static String basic(String key) {
        return "Basic " + Base64.getEncoder().encodeToString(("campagne:" + key).getBytes(StandardCharsets.UTF_8));
    }

    String baseUrl() {
        return server.baseUrl() + "/3.0";
    }

    static String body(String name) {
        try (InputStream in = MailchimpStub.class.getResourceAsStream("/stubs/" + name)) {
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
