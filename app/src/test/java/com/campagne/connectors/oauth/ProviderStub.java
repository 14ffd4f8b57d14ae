package com.campagne.connectors.oauth;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * An OAuth 2 provider played by WireMock, answering as RFC 6749 documents: {@code /authorize} sends the
 * browser straight back to {@code redirect_uri} with a code and the state it was given (the user "consents"
 * at once), {@code /token} exchanges codes and refresh tokens (JSON, or {@code invalid_grant} / 5xx when
 * told), {@code /me} is the API that accepts only the access tokens currently valid.
 */
final class ProviderStub implements AutoCloseable {

    static final String CODE = "code-echo-1";
    static final String ACCESS_1 = "acces-echo-1";
    static final String REFRESH_1 = "renouvellement-echo-1";
    static final String ACCESS_2 = "acces-echo-2";
    static final String REFRESH_2 = "renouvellement-echo-2";
    /** The refresh token's lifetime the stub announces: 60 days. */
    static final long REFRESH_LIFETIME = 60L * 24 * 3600;

    final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final List<com.github.tomakehurst.wiremock.stubbing.StubMapping> api = new ArrayList<>();

    ProviderStub() {
        server.start();
        server.stubFor(get(urlPathEqualTo("/authorize")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "{{{request.query.redirect_uri}}}?code=" + CODE
                        + "&state={{{request.query.state}}}")
                .withTransformers("response-template")));
        codeExchange(ACCESS_1, REFRESH_1, 3600);
        refreshAnswers(ACCESS_2, REFRESH_2);
        apiAccepts(ACCESS_1);
    }

    String base() {
        return server.baseUrl();
    }

    void codeExchange(String access, String refresh, long expiresIn) {
        server.stubFor(post(urlPathEqualTo("/token")).withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(okJson("{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                        + expiresIn + ",\"refresh_token\":\"" + refresh + "\",\"refresh_token_expires_in\":"
                        + REFRESH_LIFETIME + ",\"scope\":\"ads.read profile\"}")));
    }

    void refreshAnswers(String access, String refresh) {
        server.stubFor(post(urlPathEqualTo("/token")).withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(okJson("{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                        + "\"refresh_token\":\"" + refresh + "\",\"refresh_token_expires_in\":" + REFRESH_LIFETIME + "}")));
    }

    /** The provider refuses the refresh token (revoked, expired), as RFC 6749 §5.2 documents. */
    void refreshRefused() {
        server.stubFor(post(urlPathEqualTo("/token")).withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}")));
    }

    void codeExchangeFails(int status, String body) {
        server.stubFor(post(urlPathEqualTo("/token")).withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    /** {@code /me} answers 200 for that token only, 401 for any other. */
    void apiAccepts(String access) {
        api.forEach(server::removeStub);
        api.clear();
        api.add(server.stubFor(get(urlPathEqualTo("/me")).atPriority(10).willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\""))));
        api.add(server.stubFor(get(urlPathEqualTo("/me")).atPriority(1).withHeader("Authorization", equalTo("Bearer " + access))
                .willReturn(okJson("{\"id\":\"42\",\"name\":\"Boutique Écho\"}"))));
    }

    List<LoggedRequest> tokenRequests(String grantType) {
        return server.findAll(postRequestedFor(urlPathEqualTo("/token"))
                .withRequestBody(containing("grant_type=" + grantType)));
    }

    List<LoggedRequest> apiCalls(String access) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/me"))
                .withHeader("Authorization", equalTo("Bearer " + access)));
    }

    List<LoggedRequest> authorizeRequests() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/authorize")));
    }

    @Override
    public void close() {
        server.stop();
    }
}
