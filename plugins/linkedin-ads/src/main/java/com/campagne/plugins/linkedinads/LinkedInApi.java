package com.campagne.plugins.linkedinads;

import com.campagne.connectors.api.AuthenticationExpiredException;
import com.campagne.connectors.api.ConnectorContext;
import com.campagne.connectors.api.PermanentException;
import com.campagne.connectors.api.RateLimitedException;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.api.TransientException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Calls of LinkedIn's versioned Marketing API ({@code https://api.linkedin.com/rest/…}, headers
 * {@code LinkedIn-Version} pinned and {@code X-Restli-Protocol-Version: 2.0.0}) with the host's
 * OAuth 2 access token as {@code Authorization: Bearer}, and the translation of LinkedIn's error
 * JSON ({@code {"status":403,"serviceErrorCode":100,"code":"ACCESS_DENIED","message":"…"}}) into the
 * connectors API's typed failures. The token is never refreshed here: the host does it.
 */
final class LinkedInApi {

    static final String DEFAULT_BASE_URL = "https://api.linkedin.com";
    /**
     * The Marketing API version (YYYYMM), pinned. LinkedIn supports a version for at least a year,
     * then answers 426: bump it (and re-run the stub tests against the new docs) once a year.
     */
    static final String VERSION = "202610";
    /** Without a Retry-After: LinkedIn's daily application and member limits reset at midnight UTC. */
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(1);

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ConnectorContext context;
    private final String base;
    private final String token;

    LinkedInApi(ConnectorContext context, URI baseUrl, String token) {
        this.context = context;
        this.base = baseUrl.toString().replaceAll("/+$", "");
        this.token = token;
    }

    /** {@code GET /rest/path?query}, parsed; the query is already Rest.li-encoded. */
    Map<String, Object> get(String path, String query) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/rest/" + path + (query.isEmpty() ? "" : "?" + query)))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("LinkedIn-Version", VERSION)
                .header("X-Restli-Protocol-Version", "2.0.0")
                .header("Accept", "application/json")
                .GET().build();
        context.logger().debug("LinkedIn GET /rest/{}", path);
        HttpResponse<String> response;
        try {
            response = context.httpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TransientException(Text.of("LinkedIn ne répond pas (" + e.getClass().getSimpleName() + ").",
                    "LinkedIn does not answer (" + e.getClass().getSimpleName() + ")."), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException(Text.of("Appel à LinkedIn interrompu.", "LinkedIn call interrupted."), e);
        }
        return JsonValues.object(answer(path, response.statusCode(), response.body(), response.headers()));
    }

    /** Turns one HTTP answer into its JSON value or the matching typed failure. */
    Object answer(String what, int status, String body, HttpHeaders headers) {
        if (status >= 400) {
            throw error(what, status, body, headers.firstValue("Retry-After").orElse(null), context.clock().instant());
        }
        Object json;
        try {
            json = JsonValues.parse(body);
        } catch (JsonValues.MalformedException e) {
            throw new PermanentException(Text.of(
                    "LinkedIn a renvoyé une réponse illisible (pas du JSON) à " + what + ". Détail : " + e.getMessage() + ".",
                    "LinkedIn sent an unreadable answer (not JSON) to " + what + ". Detail: " + e.getMessage() + "."), e);
        }
        if (!(json instanceof Map<?, ?>)) {
            throw new PermanentException(Text.of("LinkedIn a renvoyé une réponse inattendue à " + what + ".",
                    "LinkedIn sent an unexpected answer to " + what + "."), null);
        }
        return json;
    }

    static RuntimeException error(String what, int status, String body, String retryAfter, Instant now) {
        Map<String, Object> error = Map.of();
        try {
            error = JsonValues.object(JsonValues.parse(body));
        } catch (JsonValues.MalformedException e) {
            // Not LinkedIn's JSON (a proxy's page): the status alone says enough.
        }
        String code = JsonValues.text(error.get("code"));
        String message = JsonValues.text(error.get("message"));
        String said = (message == null ? "" : message.strip()) + (code == null ? "" : " (" + code + ")");
        if (status == 429) {
            Duration wait = retryAfter(retryAfter, now);
            if (wait == null) {
                wait = message != null && message.toUpperCase(Locale.ROOT).contains(" DAY ")
                        ? Duration.between(now, LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                        : DEFAULT_WAIT;
            }
            return new RateLimitedException(wait, null);
        }
        if (status == 401) {
            return new AuthenticationExpiredException(Text.of(
                    "LinkedIn refuse l’accès au compte LinkedIn connecté" + detailFr(said) + " : reconnectez le compte LinkedIn.",
                    "LinkedIn refuses the connected LinkedIn account" + detailEn(said) + ": reconnect the LinkedIn account."), null);
        }
        if (status == 403) {
            return new NoAccessException(said);
        }
        if (status == 426) {
            return new PermanentException(Text.of(
                    "LinkedIn n’accepte plus la version " + VERSION + " de son API" + detailFr(said)
                            + " : installez une version plus récente du plugin LinkedIn Ads.",
                    "LinkedIn no longer accepts version " + VERSION + " of its API" + detailEn(said)
                            + ": install a newer version of the LinkedIn Ads plugin."), null);
        }
        if (status >= 500) {
            return new TransientException(Text.of(
                    "LinkedIn a répondu par une erreur du serveur (HTTP " + status + detailFr(said) + ") à " + what
                            + " : nouvel essai plus tard.",
                    "LinkedIn answered with a server error (HTTP " + status + detailEn(said) + ") to " + what
                            + ": it will be retried."), null);
        }
        return new PermanentException(Text.of("LinkedIn a refusé " + what + " (HTTP " + status + detailFr(said) + ").",
                "LinkedIn refused " + what + " (HTTP " + status + detailEn(said) + ")."), null);
    }

    /** The account is connected but may not read this (no role on the ad account, scope missing). */
    static final class NoAccessException extends PermanentException {
        NoAccessException(String said) {
            super(Text.of("Ce compte LinkedIn n’a pas accès à ces données publicitaires" + detailFr(said)
                            + " : donnez-lui au moins le rôle « Lecteur » sur le compte publicitaire dans Campaign Manager.",
                    "This LinkedIn account may not read this advertising data" + detailEn(said)
                            + ": give it at least the \"Viewer\" role on the ad account in Campaign Manager."), null);
        }
    }

    private static String detailFr(String said) {
        return said == null || said.isBlank() ? "" : " : « " + said.strip() + " »";
    }

    private static String detailEn(String said) {
        return said == null || said.isBlank() ? "" : ": \"" + said.strip() + "\"";
    }

    /** A value inside a Rest.li 2.0 expression ({@code List(urn%3Ali%3A…)}): reserved characters percent-encoded. */
    static String restliValue(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Retry-After as seconds or an HTTP date; {@code null} when absent or unreadable. */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
