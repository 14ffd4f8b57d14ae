package com.campagne.plugins.ga4;

import com.campagne.connectors.api.AuthenticationExpiredException;
import com.campagne.connectors.api.ConnectorContext;
import com.campagne.connectors.api.PermanentException;
import com.campagne.connectors.api.RateLimitedException;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.api.TransientException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/**
 * Calls of the Google Analytics Data API v1beta ({@code POST /v1beta/properties/{id}:runReport}) and
 * of the Admin API v1beta ({@code GET /v1beta/properties/{id}}), with the host's OAuth 2 access
 * token as {@code Authorization: Bearer}, and the translation of Google's error JSON
 * ({@code {"error":{"code":403,"message":"…","status":"PERMISSION_DENIED","details":[…]}}}) into the
 * connectors API's typed failures. The token is never refreshed here: the host does it.
 */
final class Ga4Api {

    static final String DEFAULT_DATA_URL = "https://analyticsdata.googleapis.com";
    static final String DEFAULT_ADMIN_URL = "https://analyticsadmin.googleapis.com";
    /** The API version, pinned: v1beta is the Data API's stable surface (v1alpha adds unstable features). */
    static final String VERSION = "v1beta";

    /** GA4's daily quotas reset at midnight Pacific Time. */
    static final ZoneId QUOTA_ZONE = ZoneId.of("America/Los_Angeles");

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final ConnectorContext context;
    private final String dataBase;
    private final String adminBase;
    private final String token;

    Ga4Api(ConnectorContext context, URI dataBase, URI adminBase, String token) {
        this.context = context;
        this.dataBase = dataBase.toString().replaceAll("/+$", "");
        this.adminBase = adminBase.toString().replaceAll("/+$", "");
        this.token = token;
    }

    /** {@code POST /v1beta/properties/{id}:runReport} with the request body, parsed. */
    Map<String, Object> runReport(String propertyId, Map<String, Object> body) {
        HttpRequest request = request(URI.create(dataBase + "/" + VERSION + "/properties/" + propertyId + ":runReport"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JsonValues.write(body), StandardCharsets.UTF_8))
                .build();
        return JsonValues.object(send("runReport " + propertyId, request));
    }

    /** {@code GET /v1beta/properties/{id}} of the Admin API: display name, time zone, currency. */
    Map<String, Object> property(String propertyId) {
        HttpRequest request = request(URI.create(adminBase + "/" + VERSION + "/properties/" + propertyId)).GET().build();
        return JsonValues.object(send("properties/" + propertyId, request));
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private Object send(String what, HttpRequest request) {
        context.logger().debug("GA4 {}", what);
        HttpResponse<String> response;
        try {
            response = context.httpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TransientException(Text.of("Google Analytics ne répond pas (" + e.getClass().getSimpleName() + ").",
                    "Google Analytics does not answer (" + e.getClass().getSimpleName() + ")."), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException(Text.of("Appel à Google Analytics interrompu.", "Google Analytics call interrupted."), e);
        }
        return answer(what, response.statusCode(), response.body(), response.headers());
    }

    /** Turns one HTTP answer into its JSON value or the matching typed failure. */
    Object answer(String what, int status, String body, HttpHeaders headers) {
        if (status >= 400) {
            throw error(what, status, body, headers.firstValue("Retry-After").orElse(null), context.clock().instant());
        }
        try {
            return JsonValues.parse(body);
        } catch (JsonValues.MalformedException e) {
            throw new PermanentException(Text.of(
                    "Google Analytics a renvoyé une réponse illisible (pas du JSON) à " + what + ". Détail : " + e.getMessage() + ".",
                    "Google Analytics sent an unreadable answer (not JSON) to " + what + ". Detail: " + e.getMessage() + "."), e);
        }
    }

    /** The typed failure of one of Google's error answers. */
    static RuntimeException error(String what, int status, String body, String retryAfterHeader, Instant now) {
        Map<String, Object> error = Map.of();
        try {
            error = JsonValues.object(JsonValues.object(JsonValues.parse(body)).get("error"));
        } catch (JsonValues.MalformedException e) {
            // Not Google's JSON (a proxy's page): the status alone says enough.
        }
        String code = JsonValues.text(error.get("status"));
        String message = JsonValues.text(error.get("message"));
        String reason = null;
        Duration retryDelay = null;
        for (Object detail : JsonValues.array(error.get("details"))) {
            Map<String, Object> d = JsonValues.object(detail);
            String type = JsonValues.text(d.get("@type"));
            if (type != null && type.endsWith("google.rpc.ErrorInfo")) {
                reason = JsonValues.text(d.get("reason"));
            } else if (type != null && type.endsWith("google.rpc.RetryInfo")) {
                retryDelay = protoDuration(JsonValues.text(d.get("retryDelay")));
            }
        }
        String said = (message == null ? "" : message.strip()) + (code == null ? "" : " (" + code + ")");
        if (status == 429 || "RESOURCE_EXHAUSTED".equals(code)) {
            Duration wait = retryDelay != null ? retryDelay : retryAfter(retryAfterHeader, now);
            if (wait == null) {
                wait = quotaDelay(message, now);
            }
            return new RateLimitedException(wait, null);
        }
        if (status == 401 || "UNAUTHENTICATED".equals(code)) {
            return new AuthenticationExpiredException(Text.of(
                    "Google refuse l’accès au compte Google connecté" + detailFr(said)
                            + " : reconnectez le compte Google.",
                    "Google refuses the connected Google account" + detailEn(said) + ": reconnect the Google account."), null);
        }
        if (status == 403 && "ACCESS_TOKEN_SCOPE_INSUFFICIENT".equals(reason)) {
            // Connected without the analytics.readonly scope: only a new consent fixes it.
            return new AuthenticationExpiredException(Text.of(
                    "Le compte Google a été connecté sans l’autorisation de lire Google Analytics" + detailFr(said)
                            + " : reconnectez-le en acceptant l’accès à Analytics.",
                    "The Google account was connected without permission to read Google Analytics" + detailEn(said)
                            + ": reconnect it and accept the access to Analytics."), null);
        }
        if (status == 403 && ("SERVICE_DISABLED".equals(reason) || "API_DISABLED".equals(reason))) {
            return new ApiDisabledException(said);
        }
        if (status == 403 || status == 404 || "PERMISSION_DENIED".equals(code) || "NOT_FOUND".equals(code)) {
            return new NoAccessException(said);
        }
        if (status >= 500) {
            return new TransientException(Text.of(
                    "Google Analytics a répondu par une erreur du serveur (HTTP " + status + detailFr(said) + ") à " + what
                            + " : nouvel essai plus tard.",
                    "Google Analytics answered with a server error (HTTP " + status + detailEn(said) + ") to " + what
                            + ": it will be retried."), null);
        }
        return new PermanentException(Text.of(
                "Google Analytics a refusé " + what + " (HTTP " + status + detailFr(said) + ").",
                "Google Analytics refused " + what + " (HTTP " + status + detailEn(said) + ")."), null);
    }

    /**
     * How long to wait when a 429 says neither {@code RetryInfo} nor {@code Retry-After}: GA4's
     * message names the exhausted quota; daily token quotas reset at midnight Pacific Time, hourly
     * ones are waited for until the next full hour, concurrent requests a few seconds.
     */
    static Duration quotaDelay(String message, Instant now) {
        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (lower.contains("per day")) {
            ZonedDateTime pacific = now.atZone(QUOTA_ZONE);
            return Duration.between(now, pacific.toLocalDate().plusDays(1).atStartOfDay(QUOTA_ZONE).toInstant());
        }
        if (lower.contains("concurrent")) {
            return Duration.ofSeconds(10);
        }
        Instant nextHour = now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        return Duration.between(now, nextHour);
    }

    private static String detailFr(String said) {
        return said == null || said.isBlank() ? "" : " : « " + said.strip() + " »";
    }

    private static String detailEn(String said) {
        return said == null || said.isBlank() ? "" : ": \"" + said.strip() + "\"";
    }

    /** The account works but may not read this property (no access, wrong id). */
    static final class NoAccessException extends PermanentException {
        NoAccessException(String said) {
            super(Text.of("Ce compte Google n’a pas accès à cette propriété Google Analytics" + detailFr(said)
                            + " : vérifiez l’identifiant de propriété et donnez au compte au moins le rôle « Lecteur ».",
                    "This Google account may not read this Google Analytics property" + detailEn(said)
                            + ": check the property id and give the account at least the \"Viewer\" role."), null);
        }
    }

    /** The API is not enabled in the Google Cloud project of the installation's OAuth client. */
    static final class ApiDisabledException extends PermanentException {
        ApiDisabledException(String said) {
            super(Text.of("L’API Google Analytics n’est pas activée pour cette installation de Campagne" + detailFr(said)
                            + " : l’opérateur doit l’activer dans la console Google Cloud.",
                    "The Google Analytics API is not enabled for this Campagne installation" + detailEn(said)
                            + ": the operator must enable it in the Google Cloud console."), null);
        }
    }

    /** A protobuf JSON duration ({@code "36s"}, {@code "1.5s"}), or {@code null}. */
    static Duration protoDuration(String value) {
        if (value == null || !value.trim().endsWith("s")) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(value.trim().substring(0, value.trim().length() - 1));
            return seconds < 0 ? null : Duration.ofMillis((long) Math.ceil(seconds * 1000));
        } catch (NumberFormatException e) {
            return null;
        }
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
