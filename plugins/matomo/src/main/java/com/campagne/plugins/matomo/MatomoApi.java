package com.campagne.plugins.matomo;

import com.campagne.connectors.api.AuthenticationExpiredException;
import com.campagne.connectors.api.BadSettingsException;
import com.campagne.connectors.api.ConnectorContext;
import com.campagne.connectors.api.PermanentException;
import com.campagne.connectors.api.RateLimitedException;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.api.TransientException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Calls of the Matomo Reporting API ({@code index.php?module=API&method=…&format=JSON}) and the
 * translation of its answers into the connectors API's typed failures.
 *
 * <p>{@code token_auth} travels in the POST body only, as Matomo asks (Matomo 5 refuses tokens in
 * the URL unless the user allowed it), so it never appears in a URL, an access log or our logs.
 * Matomo reports most errors as HTTP 200 with {@code {"result":"error","message":"…"}}; recent
 * versions use 401 for a refused token: both are handled.
 */
final class MatomoApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final ConnectorContext context;
    private final URI endpoint;
    private final String token;

    MatomoApi(ConnectorContext context, URI baseUrl, String token) {
        this.context = context;
        this.endpoint = endpoint(baseUrl);
        this.token = token;
    }

    /** The API endpoint of an instance given as {@code https://stats.example.com}, {@code …/matomo/} or {@code …/index.php}. */
    static URI endpoint(URI baseUrl) {
        String base = baseUrl.toString();
        int query = base.indexOf('?');
        if (query >= 0) {
            base = base.substring(0, query);
        }
        if (base.endsWith("/index.php")) {
            return URI.create(base);
        }
        return URI.create(base.replaceAll("/+$", "") + "/index.php");
    }

    /**
     * Calls one API method.
     *
     * @param method the method ({@code VisitsSummary.get})
     * @param params its parameters, besides {@code module}, {@code method}, {@code format} and the token
     * @return the parsed JSON answer
     */
    Object call(String method, Map<String, String> params) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("module", "API");
        query.put("method", method);
        query.put("format", "JSON");
        query.putAll(params);
        URI uri = URI.create(endpoint + "?" + form(query));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("token_auth", token))))
                .build();
        context.logger().debug("Matomo {} {}", method, params);
        HttpResponse<String> response;
        try {
            response = context.httpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TransientException(Text.of(
                    "Matomo (" + endpoint.getHost() + ") ne répond pas : " + e.getClass().getSimpleName() + ".",
                    "Matomo (" + endpoint.getHost() + ") does not answer: " + e.getClass().getSimpleName() + "."), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException(Text.of("Lecture de Matomo interrompue.", "Matomo read interrupted."), e);
        }
        return answer(method, response.statusCode(), response.body(),
                response.headers().firstValue("Retry-After").orElse(null));
    }

    /** Turns one HTTP answer into its JSON value or the matching typed failure. */
    Object answer(String method, int status, String body, String retryAfter) {
        if (status == 429 || (status == 503 && retryAfter != null)) {
            throw new RateLimitedException(retryAfter(retryAfter, context.clock().instant()), null);
        }
        if (status >= 500) {
            throw new TransientException(Text.of(
                    "Matomo a répondu par une erreur du serveur (HTTP " + status + ") à " + method + " : nouvel essai plus tard.",
                    "Matomo answered with a server error (HTTP " + status + ") to " + method + ": it will be retried."), null);
        }
        Object json;
        try {
            json = JsonValues.parse(body);
        } catch (JsonValues.MalformedException e) {
            if (status == 401) {
                throw new AuthenticationExpiredException(refusedToken(null), null);
            }
            if (status == 403) {
                throw new NoAccessException(null);
            }
            throw new PermanentException(Text.of(
                    "Matomo a renvoyé une réponse illisible (pas du JSON) à " + method + " : vérifiez que l’adresse "
                            + endpoint + " est bien celle de votre Matomo. Détail : " + e.getMessage() + ".",
                    "Matomo sent an unreadable answer (not JSON) to " + method + ": check that " + endpoint
                            + " is the address of your Matomo. Detail: " + e.getMessage() + "."), e);
        }
        Map<String, Object> object = JsonValues.object(json);
        if ("error".equals(object.get("result"))) {
            throw error(JsonValues.text(object.get("message")), status);
        }
        if (status == 401) {
            throw new AuthenticationExpiredException(refusedToken(null), null);
        }
        if (status == 403) {
            throw new NoAccessException(null);
        }
        if (status >= 400) {
            throw new PermanentException(Text.of("Matomo a refusé " + method + " (HTTP " + status + ").",
                    "Matomo refused " + method + " (HTTP " + status + ")."), null);
        }
        return json;
    }

    private static RuntimeException error(String message, int status) {
        String said = message == null ? "" : message.strip();
        String lower = said.toLowerCase(Locale.ROOT);
        if (lower.contains("token") && (lower.contains("authenticate") || lower.contains("not valid")
                || lower.contains("invalid") || lower.contains("expired"))) {
            return new AuthenticationExpiredException(refusedToken(said), null);
        }
        if (lower.contains("access this resource") || lower.contains("you can't access") || status == 403) {
            return new NoAccessException(said);
        }
        if (status == 401) {
            return new AuthenticationExpiredException(refusedToken(said), null);
        }
        if (lower.contains("idsite") || lower.contains("website id")) {
            return new BadSettingsException(MatomoConnector.SITE_IDS, Text.of(
                    "Matomo ne connaît pas ce site : « " + said + " ».", "Matomo does not know this site: \"" + said + "\"."));
        }
        return new PermanentException(Text.of("Matomo a refusé la demande : « " + said + " ».",
                "Matomo refused the request: \"" + said + "\"."), null);
    }

    private static Text refusedToken(String said) {
        String detail = said == null || said.isEmpty() ? "" : " (« " + said + " »)";
        String detailEn = said == null || said.isEmpty() ? "" : " (\"" + said + "\")";
        return Text.of("Matomo refuse le jeton d’authentification (token_auth)" + detail
                        + " : créez-en un nouveau dans Administration → Personnel → Sécurité et reconnectez.",
                "Matomo refuses the authentication token (token_auth)" + detailEn
                        + ": create a new one in Administration → Personal → Security and reconnect.");
    }

    /** The token works but may not read what was asked (a site it has no view access to). */
    static final class NoAccessException extends PermanentException {
        NoAccessException(String said) {
            super(Text.of("Ce jeton Matomo n’a pas accès à cette donnée" + (said == null || said.isEmpty() ? "" : " (« " + said + " »)")
                            + " : donnez à son utilisateur au moins l’accès « vue » aux sites choisis.",
                    "This Matomo token may not read this" + (said == null || said.isEmpty() ? "" : " (\"" + said + "\")")
                            + ": give its user at least \"view\" access to the chosen sites."), null);
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

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
