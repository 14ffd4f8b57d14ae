package com.campagne.plugins.matomo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local Matomo: WireMock answering {@code POST /index.php?module=API&method=…} with the bodies of
 * {@code src/test/resources/stubs}, shaped as Matomo 5 answers. The token {@code good-token} works,
 * {@code revoked} is refused as Matomo refuses an invalid or expired token.
 */
final class MatomoStub implements AutoCloseable {

    static final String TOKEN = "good-token";
    static final String REVOKED = "revoked";

    final WireMockServer server = new WireMockServer(options().dynamicPort());

    MatomoStub() {
        server.start();
    }

    /** The usual instance: two sites (1 and 3) with 14 days of figures each, and the refused token. */
    static MatomoStub standard() {
        MatomoStub stub = new MatomoStub();
        stub.method("API.getMatomoVersion", okJson(body("version.json")));
        stub.method("SitesManager.getSitesWithAtLeastViewAccess", okJson(body("sites.json")));
        for (String site : new String[]{"1", "3"}) {
            stub.siteData(site, "site" + site + "-");
        }
        stub.server.stubFor(post(urlPathEqualTo("/index.php")).atPriority(1)
                .withRequestBody(containing("token_auth=" + REVOKED))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody(body("error-token.json"))));
        return stub;
    }

    /** Answers the five daily reports of a site with the stub files starting with the prefix. */
    void siteData(String site, String prefix) {
        reports(site, null, prefix);
    }

    /** Answers the five daily reports of a site for one exact date range with the files of the prefix. */
    void reports(String site, String dateRange, String prefix) {
        String[][] reports = {{"VisitsSummary.get", "visits-summary"}, {"Actions.get", "actions"},
                {"Goals.get", "goals"}, {"Referrers.getReferrerType", "referrer-type"},
                {"Referrers.getCampaigns", "campaigns"}};
        for (String[] report : reports) {
            MappingBuilder mapping = request(report[0]).withQueryParam("idSite", equalTo(site));
            if (dateRange != null) {
                mapping = mapping.withQueryParam("date", equalTo(dateRange));
            }
            server.stubFor(mapping.willReturn(okJson(body(prefix + report[1] + ".json"))));
        }
    }

    /** Answers one method (any site, any date) with the response. */
    void method(String method, ResponseDefinitionBuilder response) {
        server.stubFor(request(method).willReturn(response));
    }

    static MappingBuilder request(String method) {
        return post(urlPathEqualTo("/index.php"))
                .withQueryParam("module", equalTo("API"))
                .withQueryParam("method", equalTo(method))
                .withQueryParam("format", equalTo("JSON"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"));
    }

    String baseUrl() {
        return server.baseUrl();
    }

    static String body(String name) {
        try (InputStream in = MatomoStub.class.getResourceAsStream("/stubs/" + name)) {
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
