package com.campagne.plugins.brevo;

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
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Calls of Brevo's API v3 ({@code https://api.brevo.com/v3}, key in the {@code api-key} header) and
 * the translation of its documented errors ({@code {"code":"…","message":"…"}} with 400, 401, 402,
 * 403, 404, 429) into the connectors API's typed failures.
 */
final class BrevoApi {

    /** The real API; a connection may point elsewhere (a test stub). */
    static final String DEFAULT_BASE_URL = "https://api.brevo.com/v3";

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ConnectorContext context;
    private final String base;
    private final String apiKey;

    BrevoApi(ConnectorContext context, URI baseUrl, String apiKey) {
        this.context = context;
        this.base = baseUrl.toString().replaceAll("/+$", "");
        this.apiKey = apiKey;
    }

    /** {@code GET path} (with its query), parsed. */
    Object get(String pathAndQuery) {
        return send("GET " + pathAndQuery.replaceAll("\\?.*", ""), request(pathAndQuery).GET().build());
    }

    /** {@code POST path} with a JSON body, parsed ({@code null} for an empty answer). */
    Object post(String path, Object body) {
        return send("POST " + path, request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JsonValues.write(body), StandardCharsets.UTF_8)).build());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(TIMEOUT)
                .header("api-key", apiKey)
                .header("Accept", "application/json");
    }

    private Object send(String what, HttpRequest request) {
        context.logger().debug("Brevo {}", what);
        HttpResponse<String> response;
        try {
            response = context.httpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TransientException(Text.of("Brevo ne répond pas (" + e.getClass().getSimpleName() + ").",
                    "Brevo does not answer (" + e.getClass().getSimpleName() + ")."), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException(Text.of("Appel à Brevo interrompu.", "Brevo call interrupted."), e);
        }
        return answer(what, response.statusCode(), response.body(), response.headers());
    }

    /** Turns one HTTP answer into its JSON value or the matching typed failure. */
    Object answer(String what, int status, String body, HttpHeaders headers) {
        if (status == 429) {
            // Brevo says when its window resets (x-sib-ratelimit-reset, in seconds); Retry-After as a fallback.
            Duration wait = seconds(headers.firstValue("x-sib-ratelimit-reset").orElse(null));
            if (wait == null) {
                wait = retryAfter(headers.firstValue("Retry-After").orElse(null), context.clock().instant());
            }
            throw new RateLimitedException(wait, null);
        }
        if (status >= 500) {
            if (status == 503 && headers.firstValue("Retry-After").isPresent()) {
                throw new RateLimitedException(retryAfter(headers.firstValue("Retry-After").get(), context.clock().instant()), null);
            }
            throw new TransientException(Text.of(
                    "Brevo a répondu par une erreur du serveur (HTTP " + status + ") à " + what + " : nouvel essai plus tard.",
                    "Brevo answered with a server error (HTTP " + status + ") to " + what + ": it will be retried."), null);
        }
        if (status >= 400) {
            Map<String, Object> error = Map.of();
            try {
                error = JsonValues.object(JsonValues.parse(body));
            } catch (JsonValues.MalformedException e) {
                // Not Brevo's JSON error (a proxy's page): the status alone says enough.
            }
            String code = JsonValues.text(error.get("code"));
            String message = JsonValues.text(error.get("message"));
            String said = (message == null ? "" : message) + (code == null ? "" : " (" + code + ")");
            throw switch (status) {
                case 401 -> new AuthenticationExpiredException(Text.of(
                        "Brevo refuse la clé API (clé API invalide ou supprimée" + detailFr(said)
                                + ") : créez-en une dans Brevo → SMTP et API → Clés API, puis reconnectez.",
                        "Brevo refuses the API key (invalid or deleted API key" + detailEn(said)
                                + "): create one in Brevo → SMTP & API → API keys, then reconnect."), null);
                case 402 -> new PermanentException(Text.of(
                        "Crédits Brevo insuffisants pour cette opération" + detailFr(said)
                                + " : rechargez votre compte ou changez d’offre.",
                        "Not enough Brevo credits for this operation" + detailEn(said)
                                + ": top up your account or change plan."), null);
                case 403 -> new NoAccessException(said);
                default -> new PermanentException(Text.of(
                        "Brevo a refusé " + what + " (HTTP " + status + detailFr(said) + ").",
                        "Brevo refused " + what + " (HTTP " + status + detailEn(said) + ")."), null);
            };
        }
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JsonValues.parse(body);
        } catch (JsonValues.MalformedException e) {
            throw new PermanentException(Text.of(
                    "Brevo a renvoyé une réponse illisible (pas du JSON) à " + what + ". Détail : " + e.getMessage() + ".",
                    "Brevo sent an unreadable answer (not JSON) to " + what + ". Detail: " + e.getMessage() + "."), e);
        }
    }

    private static String detailFr(String said) {
        return said.isBlank() ? "" : " : « " + said.strip() + " »";
    }

    private static String detailEn(String said) {
        return said.isBlank() ? "" : ": \"" + said.strip() + "\"";
    }

    /** The key works but may not do this (an IP address not authorised, a permission missing). */
    static final class NoAccessException extends PermanentException {
        NoAccessException(String said) {
            super(Text.of("Brevo refuse l’accès" + detailFr(said)
                            + " : vérifiez les adresses IP autorisées et les droits de la clé dans Brevo → Sécurité.",
                    "Brevo denies access" + detailEn(said)
                            + ": check the authorised IP addresses and the key's permissions in Brevo → Security."), null);
        }
    }

    private static Duration seconds(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, (long) Math.ceil(Double.parseDouble(value.trim()))));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Retry-After as seconds or an HTTP date; {@code null} when absent or unreadable. */
    static Duration retryAfter(String value, Instant now) {
        Duration seconds = seconds(value);
        if (seconds != null || value == null || value.isBlank()) {
            return seconds;
        }
        try {
            Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
