package com.campagne.plugins.googleads;

import com.campagne.connectors.api.AuthenticationExpiredException;
import com.campagne.connectors.api.BadSettingsException;
import com.campagne.connectors.api.ConnectorContext;
import com.campagne.connectors.api.ConnectorException;
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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Calls of the Google Ads API over REST ({@code https://googleads.googleapis.com/v26}) and the
 * translation of its documented errors — a {@code google.rpc.Status} ({@code error.code},
 * {@code error.status}, {@code error.message}) whose {@code details} carry a {@code GoogleAdsFailure}
 * ({@code errors[].errorCode}, e.g. {@code {"authenticationError":"OAUTH_TOKEN_EXPIRED"}}) — into the
 * connectors API's typed failures.
 */
final class GoogleAdsApi {

    /** The pinned API version: v26 (released 14 October 2026, sunset expected about a year later). */
    static final String VERSION = "v26";

    /** A quota error without a delay (neither Retry-After nor retryDelay): wait this long. */
    static final Duration DEFAULT_RETRY = Duration.ofSeconds(60);

    private static final Duration TIMEOUT = Duration.ofSeconds(300);

    private final ConnectorContext context;
    private final String base;
    private final String accessToken;
    private final String developerToken;
    private final String loginCustomerId;

    GoogleAdsApi(ConnectorContext context, URI baseUrl, String accessToken, String developerToken,
                 String loginCustomerId) {
        this.context = context;
        this.base = baseUrl.toString().replaceAll("/+$", "") + "/" + VERSION;
        this.accessToken = accessToken;
        this.developerToken = developerToken;
        this.loginCustomerId = loginCustomerId;
    }

    /** {@code GET /customers:listAccessibleCustomers}: the ids of the customers the Google account reaches directly. */
    List<String> listAccessibleCustomers() {
        HttpRequest request = request("/customers:listAccessibleCustomers", false).GET().build();
        Object answer = send("listAccessibleCustomers", request);
        List<String> ids = new ArrayList<>();
        for (Object name : JsonValues.array(JsonValues.object(answer).get("resourceNames"))) {
            String text = JsonValues.text(name);
            if (text != null && text.startsWith("customers/")) {
                ids.add(text.substring("customers/".length()));
            }
        }
        return ids;
    }

    /**
     * {@code POST /customers/{id}/googleAds:searchStream} with a GAQL query: the rows of every batch of
     * the stream, each with the paths of its batch's {@code fieldMask}.
     */
    List<Row> searchStream(String customerId, String query) {
        HttpRequest request = request("/customers/" + customerId + "/googleAds:searchStream", true)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JsonValues.write(Map.of("query", query)), StandardCharsets.UTF_8))
                .build();
        Object answer = send("searchStream " + customerId, request);
        if (!(answer instanceof List<?>)) {
            throw new PermanentException(Text.of(
                    "Google Ads a renvoyé une réponse inattendue à searchStream (pas un tableau de lots).",
                    "Google Ads sent an unexpected answer to searchStream (not an array of batches)."), null);
        }
        List<Row> rows = new ArrayList<>();
        for (Object item : JsonValues.array(answer)) {
            Map<String, Object> batch = JsonValues.object(item);
            if (batch.containsKey("error")) {
                // An error in the middle of the stream: the batches before it are incomplete.
                throw failure("searchStream " + customerId, 200, batch, null);
            }
            Set<String> mask = new LinkedHashSet<>();
            String fieldMask = JsonValues.text(batch.get("fieldMask"));
            if (fieldMask != null) {
                for (String path : fieldMask.split(",")) {
                    if (!path.isBlank()) {
                        mask.add(path.strip());
                    }
                }
            }
            for (Object result : JsonValues.array(batch.get("results"))) {
                rows.add(new Row(JsonValues.object(result), mask));
            }
        }
        return rows;
    }

    private HttpRequest.Builder request(String path, boolean withLogin) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + accessToken)
                .header("developer-token", developerToken)
                .header("Accept", "application/json");
        if (withLogin && loginCustomerId != null) {
            builder.header("login-customer-id", loginCustomerId);
        }
        return builder;
    }

    private Object send(String what, HttpRequest request) {
        context.logger().debug("Google Ads {}", what);
        HttpResponse<String> response;
        try {
            response = context.httpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TransientException(Text.of("Google Ads ne répond pas (" + e.getClass().getSimpleName() + ").",
                    "Google Ads does not answer (" + e.getClass().getSimpleName() + ")."), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException(Text.of("Appel à Google Ads interrompu.", "Google Ads call interrupted."), e);
        }
        return answer(what, response.statusCode(), response.body(),
                response.headers().firstValue("Retry-After").orElse(null));
    }

    /** Turns one HTTP answer into its JSON value or the matching typed failure. */
    Object answer(String what, int status, String body, String retryAfter) {
        if (status >= 400) {
            Map<String, Object> error = Map.of();
            try {
                Object parsed = JsonValues.parse(body);
                // searchStream wraps its error in the stream's array: [{"error": {…}}].
                if (parsed instanceof List<?> list && !list.isEmpty()) {
                    parsed = list.getLast();
                }
                error = JsonValues.object(parsed);
            } catch (JsonValues.MalformedException e) {
                // Not Google's error document (a proxy's page): the status alone says enough.
            }
            throw failure(what, status, error, retryAfter);
        }
        try {
            return JsonValues.parse(body);
        } catch (JsonValues.MalformedException e) {
            throw new PermanentException(Text.of(
                    "Google Ads a renvoyé une réponse illisible (pas du JSON) à " + what + ". Détail : " + e.getMessage() + ".",
                    "Google Ads sent an unreadable answer (not JSON) to " + what + ". Detail: " + e.getMessage() + "."), e);
        }
    }

    /** The typed failure of a Google error document {@code {"error": {…}}} answered with an HTTP status. */
    ConnectorException failure(String what, int httpStatus, Map<String, Object> document, String retryAfterHeader) {
        Map<String, Object> error = JsonValues.object(document.get("error"));
        Long code = JsonValues.count(error.get("code"));
        int status = httpStatus >= 400 || code == null ? httpStatus : code.intValue();
        String grpcStatus = JsonValues.text(error.get("status"));
        String message = JsonValues.text(error.get("message"));
        Set<String> codes = new LinkedHashSet<>();
        List<String> messages = new ArrayList<>();
        Duration retryDelay = null;
        for (Object d : JsonValues.array(error.get("details"))) {
            Map<String, Object> detail = JsonValues.object(d);
            String type = JsonValues.text(detail.get("@type"));
            if (type != null && type.endsWith("google.rpc.RetryInfo")) {
                retryDelay = duration(JsonValues.text(detail.get("retryDelay")));
            }
            for (Object e : JsonValues.array(detail.get("errors"))) {
                Map<String, Object> adsError = JsonValues.object(e);
                JsonValues.object(adsError.get("errorCode"))
                        .forEach((kind, value) -> codes.add(kind + ":" + JsonValues.text(value)));
                String m = JsonValues.text(adsError.get("message"));
                if (m != null && !m.isBlank()) {
                    messages.add(m.strip());
                }
                Map<String, Object> quota = JsonValues.object(JsonValues.object(adsError.get("details")).get("quotaErrorDetails"));
                Duration delay = duration(JsonValues.text(quota.get("retryDelay")));
                if (delay != null) {
                    retryDelay = delay;
                }
            }
        }
        String said = !messages.isEmpty() ? String.join(" ", messages) : message == null ? "" : message.strip();
        String codesText = codes.isEmpty() ? (grpcStatus == null ? "" : grpcStatus) : String.join(", ", codes);
        String detailFr = said.isBlank() ? "" : " : « " + said + " »";
        String detailEn = said.isBlank() ? "" : ": \"" + said + "\"";

        if (status == 429 || "RESOURCE_EXHAUSTED".equals(grpcStatus) || codes.stream().anyMatch(c -> c.startsWith("quotaError:"))) {
            Duration wait = retryAfter(retryAfterHeader, context.clock().instant());
            if (wait == null) {
                wait = retryDelay;
            }
            return new RateLimitedException(wait == null ? DEFAULT_RETRY : wait, null);
        }
        if (status >= 500) {
            return new TransientException(Text.of(
                    "Google Ads a répondu par une erreur du serveur (HTTP " + status + ") à " + what + " : nouvel essai plus tard.",
                    "Google Ads answered with a server error (HTTP " + status + ") to " + what + ": it will be retried."), null);
        }
        for (String c : codes) {
            ConnectorException known = known(c, detailFr, detailEn);
            if (known != null) {
                return known;
            }
        }
        if (status == 401 || "UNAUTHENTICATED".equals(grpcStatus)) {
            return new AuthenticationExpiredException(Text.of(
                    "Google a refusé l’accès au compte Google" + detailFr + " : reconnectez le compte Google.",
                    "Google refused access to the Google account" + detailEn + ": reconnect the Google account."), null);
        }
        if (status == 403 || "PERMISSION_DENIED".equals(grpcStatus)) {
            return new PermanentException(Text.of(
                    "Google Ads refuse l’accès (" + codesText + ")" + detailFr
                            + ". Vérifiez les droits du compte Google sur ce compte Google Ads.",
                    "Google Ads denies access (" + codesText + ")" + detailEn
                            + ". Check the Google account's access to this Google Ads account."), null);
        }
        if (status == 404 && codes.isEmpty()) {
            // What Google answers once a version is sunset: the plugin, not the user, must change.
            return new PermanentException(Text.of(
                    "Google Ads ne connaît pas cette adresse (HTTP 404 à " + what + ") : la version " + VERSION
                            + " de l’API a peut-être été retirée. Mettez à jour le plugin Google Ads.",
                    "Google Ads does not know this address (HTTP 404 to " + what + "): API version " + VERSION
                            + " may have been retired (sunset). Update the Google Ads plugin."), null);
        }
        if (codes.stream().anyMatch(c -> c.startsWith("queryError:"))) {
            return new PermanentException(Text.of(
                    "Google Ads refuse la requête du plugin (" + codesText + ")" + detailFr + " : l’API " + VERSION
                            + " a changé. Mettez à jour le plugin Google Ads.",
                    "Google Ads refuses the plugin's query (" + codesText + ")" + detailEn + ": API " + VERSION
                            + " changed. Update the Google Ads plugin."), null);
        }
        return new PermanentException(Text.of(
                "Google Ads a refusé " + what + " (HTTP " + status + (codesText.isEmpty() ? "" : ", " + codesText) + ")" + detailFr + ".",
                "Google Ads refused " + what + " (HTTP " + status + (codesText.isEmpty() ? "" : ", " + codesText) + ")" + detailEn + "."),
                null);
    }

    /** The failure of a documented Google Ads error code that points at a setting, or {@code null}. */
    private ConnectorException known(String code, String detailFr, String detailEn) {
        return switch (code) {
            case "authenticationError:OAUTH_TOKEN_EXPIRED", "authenticationError:OAUTH_TOKEN_INVALID",
                 "authenticationError:OAUTH_TOKEN_REVOKED", "authenticationError:OAUTH_TOKEN_DISABLED",
                 "authenticationError:OAUTH_TOKEN_HEADER_INVALID", "authenticationError:GOOGLE_ACCOUNT_DELETED",
                 "authenticationError:GOOGLE_ACCOUNT_AUTHENTICATION_FAILED",
                 "authenticationError:GOOGLE_ACCOUNT_COOKIE_INVALID", "authenticationError:AUTHENTICATION_ERROR" ->
                    new AuthenticationExpiredException(Text.of(
                            "L’accès au compte Google a expiré ou a été retiré" + detailFr + " : reconnectez le compte Google.",
                            "Access to the Google account expired or was revoked" + detailEn + ": reconnect the Google account."),
                            null);
            case "authenticationError:NOT_ADS_USER", "authenticationError:TWO_STEP_VERIFICATION_NOT_ENROLLED",
                 "authenticationError:ADVANCED_PROTECTION_NOT_ENROLLED" -> new BadSettingsException(
                    GoogleAdsConnector.GOOGLE_ACCOUNT, Text.of(
                    "Ce compte Google ne peut pas utiliser Google Ads" + detailFr
                            + " : connectez un compte Google qui a accès à vos comptes Google Ads.",
                    "This Google account cannot use Google Ads" + detailEn
                            + ": connect a Google account that has access to your Google Ads accounts."));
            case "authenticationError:DEVELOPER_TOKEN_INVALID", "headerError:INVALID_DEVELOPER_TOKEN" ->
                    new BadSettingsException(GoogleAdsConnector.DEVELOPER_TOKEN, Text.of(
                            "Ce jeton de développeur n’est pas valide" + detailFr
                                    + " : copiez-le depuis Outils → Centre API de votre compte administrateur.",
                            "This developer token is not valid" + detailEn
                                    + ": copy it from Tools → API Center of your manager account."));
            case "authorizationError:DEVELOPER_TOKEN_NOT_APPROVED" -> new BadSettingsException(
                    GoogleAdsConnector.DEVELOPER_TOKEN, Text.of(
                    "Ce jeton de développeur n’est approuvé que pour les comptes de test" + detailFr
                            + " : demandez l’accès « Basic » dans le Centre API.",
                    "This developer token is approved for test accounts only" + detailEn
                            + ": apply for Basic access in the API Center."));
            case "authorizationError:DEVELOPER_TOKEN_PROHIBITED", "authorizationError:DEVELOPER_TOKEN_NOT_ON_ALLOWLIST" ->
                    new BadSettingsException(GoogleAdsConnector.DEVELOPER_TOKEN, Text.of(
                            "Ce jeton de développeur ne peut pas être utilisé avec ce projet Google Cloud" + detailFr + ".",
                            "This developer token may not be used with this Google Cloud project" + detailEn + "."));
            case "authorizationError:USER_PERMISSION_DENIED" -> loginCustomerId == null
                    ? new BadSettingsException(GoogleAdsConnector.LOGIN_CUSTOMER_ID, Text.of(
                    "Ce compte Google n’a pas accès à ce compte Google Ads" + detailFr
                            + ". S’il y accède par un compte administrateur, saisissez l’identifiant de ce compte administrateur.",
                    "This Google account has no access to this Google Ads account" + detailEn
                            + ". If it reaches it through a manager account, enter that manager account's id."))
                    : new BadSettingsException(GoogleAdsConnector.CUSTOMER_IDS, Text.of(
                    "Ce compte Google n’a pas accès à ce compte Google Ads par le compte administrateur " + loginCustomerId
                            + detailFr + " : vérifiez les identifiants.",
                    "This Google account has no access to this Google Ads account through manager account " + loginCustomerId
                            + detailEn + ": check the ids."));
            case "authorizationError:CUSTOMER_NOT_ENABLED", "authenticationError:CUSTOMER_NOT_FOUND",
                 "authenticationError:CLIENT_CUSTOMER_ID_INVALID", "requestError:INVALID_CUSTOMER_ID" ->
                    new BadSettingsException(GoogleAdsConnector.CUSTOMER_IDS, Text.of(
                            "Ce compte Google Ads n’existe pas ou n’est pas activé" + detailFr + " : vérifiez l’identifiant client.",
                            "This Google Ads account does not exist or is not enabled" + detailEn + ": check the customer id."));
            case "authorizationError:INVALID_LOGIN_CUSTOMER_ID_SERVING_CUSTOMER_ID_COMBINATION",
                 "headerError:INVALID_LOGIN_CUSTOMER_ID" -> new BadSettingsException(
                    GoogleAdsConnector.LOGIN_CUSTOMER_ID, Text.of(
                    "Ce compte administrateur ne gère pas ce compte Google Ads" + detailFr + " : vérifiez son identifiant.",
                    "This manager account does not manage this Google Ads account" + detailEn + ": check its id."));
            default -> null;
        };
    }

    /** A protobuf Duration in JSON ({@code "30s"}, {@code "1.5s"}), or {@code null}. */
    static Duration duration(String value) {
        if (value == null || !value.strip().matches("\\d+(\\.\\d+)?s")) {
            return null;
        }
        String seconds = value.strip();
        return Duration.ofMillis(new java.math.BigDecimal(seconds.substring(0, seconds.length() - 1))
                .movePointRight(3).setScale(0, java.math.RoundingMode.CEILING).longValueExact());
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

    /**
     * One {@code GoogleAdsRow} with the field mask of its batch. Proto3 JSON leaves out fields at their
     * default value: a metric in the mask but absent from the row is 0, not unknown.
     */
    record Row(Map<String, Object> values, Set<String> mask) {

        /** The value at a camelCase path ({@code metrics.costMicros}), or {@code null}. */
        Object get(String path) {
            Object value = values;
            for (String part : path.split("\\.")) {
                value = JsonValues.object(value).get(part);
                if (value == null) {
                    return null;
                }
            }
            return value;
        }

        String text(String path) {
            return JsonValues.text(get(path));
        }

        /** A whole metric: its value, 0 when requested and left out, {@code null} when not requested. */
        Long count(String path) {
            Object value = get(path);
            if (value == null) {
                return mask.contains(path) ? 0L : null;
            }
            return JsonValues.count(value);
        }

        /** A decimal metric, by the same rule. */
        java.math.BigDecimal decimal(String path) {
            Object value = get(path);
            if (value == null) {
                return mask.contains(path) ? java.math.BigDecimal.ZERO : null;
            }
            java.math.BigDecimal d = JsonValues.decimal(value);
            return d == null || d.signum() < 0 ? null : d;
        }
    }
}
