package com.campagne.connectors.oauth;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Talks to a provider's token endpoint (RFC 6749 §4.1.3 and §6): a form POST with the client
 * credentials in the body ({@code client_secret_post}), a JSON answer. Tokens never reach a log line
 * or an exception message.
 */
final class TokenEndpoint {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * A successful answer.
     *
     * @param accessToken           the access token
     * @param expiresIn             its lifetime in seconds, or {@code null} when not given
     * @param refreshToken          a (new) refresh token, or {@code null}
     * @param refreshTokenExpiresIn the refresh token's lifetime in seconds, or {@code null}
     */
    record Tokens(String accessToken, Long expiresIn, String refreshToken, Long refreshTokenExpiresIn) {
        @Override
        public String toString() {
            return "Tokens[expiresIn=" + expiresIn + ", refresh=" + (refreshToken != null) + "]";
        }
    }

    /**
     * What went wrong: the provider's error code ({@code invalid_grant}…) for a refusal, {@code null} for a
     * failure to get an answer at all (network, 5xx, unreadable body).
     */
    static final class TokenError extends Exception {
        private final String error;
        private final int status;

        TokenError(String error, int status, String detail) {
            super(detail);
            this.error = error;
            this.status = status;
        }

        String error() {
            return error;
        }

        int status() {
            return status;
        }

        /** The provider refused the grant itself (expired, revoked, already used). */
        boolean invalidGrant() {
            return "invalid_grant".equals(error);
        }

        /** No answer worth acting on: try again later. */
        boolean transientFailure() {
            return error == null;
        }
    }

    private TokenEndpoint() {
    }

    static Tokens exchangeCode(OAuth2Clients.Registration registration, String code, String redirectUri,
                               String codeVerifier) throws TokenError {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        return post(registration, form);
    }

    static Tokens refresh(OAuth2Clients.Registration registration, String refreshToken) throws TokenError {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return post(registration, form);
    }

    private static Tokens post(OAuth2Clients.Registration registration, Map<String, String> form) throws TokenError {
        form.put("client_id", registration.clientId());
        form.put("client_secret", registration.clientSecret());
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(registration.tokenUri())
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TokenError(null, 0, "token endpoint unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenError(null, 0, "interrupted");
        }
        int status = response.statusCode();
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (JacksonException e) {
            json = null;
        }
        if (status >= 500 || json == null || !json.isObject()) {
            throw new TokenError(null, status, "token endpoint answered HTTP " + status + " without a usable body");
        }
        if (status >= 400 || json.hasNonNull("error")) {
            String error = json.path("error").asString("unknown_error");
            // The description is the provider's, never a token: safe in the message.
            throw new TokenError(error, status, "token endpoint refused: " + error + " "
                    + json.path("error_description").asString(""));
        }
        String accessToken = json.path("access_token").asString(null);
        if (accessToken == null || accessToken.isBlank()) {
            throw new TokenError(null, status, "token endpoint answered without an access_token");
        }
        return new Tokens(accessToken, longOrNull(json, "expires_in"), json.path("refresh_token").asString(null),
                longOrNull(json, "refresh_token_expires_in"));
    }

    private static Long longOrNull(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.asLong();
        }
        try {
            return Long.parseLong(node.asString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static URI withQuery(URI base, Map<String, String> params) {
        String query = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String s = base.toString();
        return URI.create(s + (s.contains("?") ? "&" : "?") + query);
    }
}
