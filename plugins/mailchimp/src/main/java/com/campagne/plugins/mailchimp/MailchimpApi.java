package com.campagne.plugins.mailchimp;

import com.campagne.connectors.api.AuthenticationExpiredException;
import com.campagne.connectors.api.ConnectorContext;
import com.campagne.connectors.api.PermanentException;
import com.campagne.connectors.api.RateLimitedException;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.api.TransientException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;

/**
 * Calls of Mailchimp's Marketing API 3.0 ({@code https://<dc>.api.mailchimp.com/3.0}, HTTP Basic with
 * any user name and the API key) and the translation of its documented errors (problem+json:
 * {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}) into the connectors
 * API's typed failures.
 */
final class MailchimpApi {

    /** Mailchimp allows 10 simultaneous connections and gives no Retry-After: wait this long by default. */
    static final Duration DEFAULT_RETRY = Duration.ofSeconds(30);

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final ConnectorContext context;
    private final String base;
    private final String authorization;

    MailchimpApi(ConnectorContext context, URI baseUrl, String apiKey) {
        this.context = context;
        this.base = baseUrl.toString().replaceAll("/+$", "");
        // Mailchimp ignores the user name of Basic auth; the key is the password.
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString(("campagne:" + apiKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The API root of a key's data centre: {@code …-us21} → {@code https://us21.api.mailchimp.com/3.0}. */
    static URI dataCentreUrl(String apiKey) {
        if (apiKey == null) {
            return null;
        }
        int dash = apiKey.lastIndexOf('-');
        String dc = dash < 0 ? "" : apiKey.substring(dash + 1).strip();
        // Only a data-centre name may become a host name: nothing else of the key ever reaches a URL.
        if (!dc.matches("[a-z]{2,5}\\d{1,3}")) {
            return null;
        }
        return URI.create("https://" + dc + ".api.mailchimp.com/3.0");
    }

    /** {@code GET path} (with its query), parsed. */
    Object get(String pathAndQuery) {
        String what = "GET " + pathAndQuery.replaceAll("\\?.*", "");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(TIMEOUT)
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .GET().build();
        context.logger().debug("Mailchimp {}", what);
        HttpResponse<String> response;
        try {
            response = context.httpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TransientException(Text.of("Mailchimp ne répond pas (" + e.getClass().getSimpleName() + ").",
                    "Mailchimp does not answer (" + e.getClass().getSimpleName() + ")."), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException(Text.of("Appel à Mailchimp interrompu.", "Mailchimp call interrupted."), e);
        }
        return answer(what, response.statusCode(), response.body(),
                response.headers().firstValue("Retry-After").orElse(null));
    }

    /** Turns one HTTP answer into its JSON value or the matching typed failure. */
    Object answer(String what, int status, String body, String retryAfter) {
        if (status == 429) {
            Duration wait = retryAfter(retryAfter, context.clock().instant());
            throw new RateLimitedException(wait == null ? DEFAULT_RETRY : wait, null);
        }
        if (status >= 500) {
            throw new TransientException(Text.of(
                    "Mailchimp a répondu par une erreur du serveur (HTTP " + status + ") à " + what + " : nouvel essai plus tard.",
                    "Mailchimp answered with a server error (HTTP " + status + ") to " + what + ": it will be retried."), null);
        }
        if (status >= 400) {
            Map<String, Object> problem = Map.of();
            try {
                problem = JsonValues.object(JsonValues.parse(body));
            } catch (JsonValues.MalformedException e) {
                // Not Mailchimp's problem document (a proxy's page): the status alone says enough.
            }
            String title = JsonValues.text(problem.get("title"));
            String detail = JsonValues.text(problem.get("detail"));
            String said = (title == null ? "" : title) + (detail == null ? "" : (title == null ? "" : " – ") + detail);
            throw switch (status) {
                case 401 -> new AuthenticationExpiredException(Text.of(
                        "Mailchimp refuse la clé API" + detailFr(said)
                                + " : créez-en une dans Mailchimp → Profil → Extras → Clés API, puis reconnectez.",
                        "Mailchimp refuses the API key" + detailEn(said)
                                + ": create one in Mailchimp → Profile → Extras → API keys, then reconnect."), null);
                case 403 -> new PermanentException(Text.of(
                        "Mailchimp refuse l’accès" + detailFr(said)
                                + " : vérifiez que l’utilisateur de la clé a accès aux rapports et que le compte est actif.",
                        "Mailchimp denies access" + detailEn(said)
                                + ": check that the key's user may see reports and that the account is active."), null);
                default -> new PermanentException(Text.of(
                        "Mailchimp a refusé " + what + " (HTTP " + status + detailFr(said) + ").",
                        "Mailchimp refused " + what + " (HTTP " + status + detailEn(said) + ")."), null);
            };
        }
        try {
            return JsonValues.parse(body);
        } catch (JsonValues.MalformedException e) {
            throw new PermanentException(Text.of(
                    "Mailchimp a renvoyé une réponse illisible (pas du JSON) à " + what + ". Détail : " + e.getMessage() + ".",
                    "Mailchimp sent an unreadable answer (not JSON) to " + what + ". Detail: " + e.getMessage() + "."), e);
        }
    }

    private static String detailFr(String said) {
        return said.isBlank() ? "" : " : « " + said.strip() + " »";
    }

    private static String detailEn(String said) {
        return said.isBlank() ? "" : ": \"" + said.strip() + "\"";
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
