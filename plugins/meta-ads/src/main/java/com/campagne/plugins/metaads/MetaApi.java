package com.campagne.plugins.metaads;

import com.campagne.connectors.api.AuthenticationExpiredException;
import com.campagne.connectors.api.BadSettingsException;
import com.campagne.connectors.api.ConnectorContext;
import com.campagne.connectors.api.PermanentException;
import com.campagne.connectors.api.RateLimitedException;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.api.TransientException;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Calls of Meta's Graph API for the Marketing API, its pinned version in every path, the token in
 * the {@code Authorization} header (never in a URL we log), cursor paging, the usage headers, and
 * the translation of Meta's documented error codes into the connectors API's typed failures.
 */
final class MetaApi {

    /** The Graph API version every call names: Meta keeps a version two years at least after the next one. */
    static final String VERSION = "v25.0";
    /** The real API; a connection may point elsewhere (a test stub). */
    static final String DEFAULT_BASE_URL = "https://graph.facebook.com";

    /** Usage at or above this percentage stops the read before Meta blocks the token (which lengthens the block). */
    static final int THROTTLE_AT_PERCENT = 95;
    /** Wait when Meta throttles without saying for how long (the app and user windows roll over an hour). */
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(5);

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int MAX_PAGES = 100_000;

    private final ConnectorContext context;
    private final String base;
    private final String token;
    /** Set when the last answer said the quota is (nearly) spent: the next call is not sent. */
    private Duration pause;

    MetaApi(ConnectorContext context, URI baseUrl, String token) {
        this.context = context;
        this.base = baseUrl.toString().replaceAll("/+$", "") + "/" + VERSION;
        this.token = token;
    }

    /** {@code GET /{version}{path}?params}, parsed as an object. */
    Map<String, Object> get(String path, Map<String, String> params) {
        String query = query(params);
        HttpRequest request = request(path + (query.isEmpty() ? "" : "?" + query)).GET().build();
        return send("GET " + path, request);
    }

    /** {@code POST /{version}{path}} with the parameters form-encoded, parsed as an object. */
    Map<String, Object> post(String path, Map<String, String> params) {
        HttpRequest request = request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query(params), StandardCharsets.UTF_8)).build();
        return send("POST " + path, request);
    }

    /**
     * Reads every page of a list edge ({@code {"data":[…],"paging":{"cursors":{"after":…},"next":…}}}),
     * handing each page's {@code data} to {@code page}. The next page is asked again of our own base
     * URL with {@code after}: {@code paging.next} carries the token and Meta's host, we follow neither.
     */
    void forEachPage(String path, Map<String, String> params, Consumer<List<Object>> page) {
        Map<String, String> query = new LinkedHashMap<>(params);
        for (int n = 0; n < MAX_PAGES; n++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new TransientException(Text.of("Lecture de Meta interrompue.", "Meta read interrupted."), null);
            }
            Map<String, Object> answer = get(path, query);
            Object data = answer.get("data");
            if (data != null && !(data instanceof List<?>)) {
                throw unexpected("GET " + path, "data is not a list");
            }
            List<Object> items = JsonValues.array(data);
            page.accept(items);
            Map<String, Object> paging = JsonValues.object(answer.get("paging"));
            String after = JsonValues.text(JsonValues.object(paging.get("cursors")).get("after"));
            if (items.isEmpty() || paging.get("next") == null || after == null || after.isBlank()) {
                return;
            }
            query.put("after", after);
        }
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private Map<String, Object> send(String what, HttpRequest request) {
        if (pause != null) {
            // Meta asks apps to stop calling when a quota is spent; calling on lengthens the block.
            throw new RateLimitedException(pause, null);
        }
        context.logger().debug("Meta {}", what);
        HttpResponse<String> response;
        try {
            response = context.httpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TransientException(Text.of("Meta ne répond pas (" + e.getClass().getSimpleName() + ").",
                    "Meta does not answer (" + e.getClass().getSimpleName() + ")."), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException(Text.of("Appel à Meta interrompu.", "Meta call interrupted."), e);
        }
        return answer(what, response.statusCode(), response.body(), response.headers());
    }

    /** Turns one HTTP answer into its JSON object or the matching typed failure. */
    Map<String, Object> answer(String what, int status, String body, HttpHeaders headers) {
        Usage usage = Usage.of(headers);
        Object parsed = null;
        JsonValues.MalformedException malformed = null;
        try {
            parsed = JsonValues.parse(body);
        } catch (JsonValues.MalformedException e) {
            malformed = e;
        }
        Map<String, Object> error = JsonValues.object(JsonValues.object(parsed).get("error"));
        if (status >= 400 || !error.isEmpty()) {
            throw failure(what, status, error, usage, headers);
        }
        if (malformed != null || !(parsed instanceof Map<?, ?>)) {
            String detail = malformed != null ? malformed.getMessage() : "not a JSON object";
            throw new PermanentException(Text.of(
                    "Meta a renvoyé une réponse illisible (pas du JSON attendu) à " + what + ". Détail : " + detail + ".",
                    "Meta sent an unreadable answer (not the expected JSON) to " + what + ". Detail: " + detail + "."),
                    malformed);
        }
        if (usage.percent() >= THROTTLE_AT_PERCENT) {
            pause = usage.regainAccess().isZero() ? DEFAULT_WAIT : usage.regainAccess();
            context.logger().info("Meta usage at {}% for {}: no further call for {}", usage.percent(), what, pause);
        } else if (usage.percent() >= 75) {
            context.logger().info("Meta usage at {}% after {}", usage.percent(), what);
        }
        return JsonValues.object(parsed);
    }

    private RuntimeException failure(String what, int status, Map<String, Object> error, Usage usage, HttpHeaders headers) {
        Integer code = integer(error.get("code"));
        Integer subcode = integer(error.get("error_subcode"));
        String message = JsonValues.text(error.get("message"));
        String userMessage = JsonValues.text(error.get("error_user_msg"));
        boolean transientError = Boolean.TRUE.equals(error.get("is_transient"));
        String said = (message == null ? "" : message) + (userMessage == null ? "" : " — " + userMessage)
                + (code == null ? "" : " (code " + code + (subcode == null ? "" : "/" + subcode) + ")");
        context.logger().info("Meta refused {}: HTTP {} {}", what, status, said);
        if (status == 429 || (code != null && rateLimited(code))) {
            Duration wait = usage.regainAccess();
            Duration retryAfter = seconds(headers.firstValue("Retry-After").orElse(null));
            if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
                wait = retryAfter;
            }
            return new RateLimitedException(wait.isZero() ? DEFAULT_WAIT : wait, null);
        }
        if (code != null && (code == 190 || code == 102)) {
            return new AuthenticationExpiredException(Text.of(
                    "Meta refuse le jeton d’accès (expiré, révoqué ou invalide" + detailFr(said)
                            + ") : créez un nouveau jeton dans Meta Business Suite → Paramètres → Utilisateurs système, puis reconnectez.",
                    "Meta refuses the access token (expired, revoked or invalid" + detailEn(said)
                            + "): create a new token in Meta Business Suite → Settings → System users, then reconnect."),
                    null);
        }
        if (code != null && (code == 10 || (code >= 200 && code <= 299))) {
            return new NoAccessException(said);
        }
        if (code != null && ((code == 1 && message != null && message.contains("reduce the amount of data"))
                || (code == 100 && subcode != null && subcode == 1487534))) {
            return new TooMuchDataException(said);
        }
        if (transientError || status >= 500 || (code != null && (code == 1 || code == 2))) {
            return new TransientException(Text.of(
                    "Meta a répondu par une erreur passagère (HTTP " + status + detailFr(said) + ") à " + what
                            + " : nouvel essai plus tard.",
                    "Meta answered with a passing error (HTTP " + status + detailEn(said) + ") to " + what
                            + ": it will be retried."), null);
        }
        if (error.isEmpty() && status == 401) {
            return new AuthenticationExpiredException();
        }
        return new PermanentException(Text.of(
                "Meta a refusé " + what + " (HTTP " + status + detailFr(said) + ").",
                "Meta refused " + what + " (HTTP " + status + detailEn(said) + ")."), null);
    }

    /** Meta's throttling codes: app (4), user (17), page (32), API-specific (613) and business use case (80000–80014) limits. */
    static boolean rateLimited(int code) {
        return code == 4 || code == 17 || code == 32 || code == 613 || (code >= 80000 && code <= 80014);
    }

    private static String detailFr(String said) {
        return said.isBlank() ? "" : " : « " + said.strip() + " »";
    }

    private static String detailEn(String said) {
        return said.isBlank() ? "" : ": \"" + said.strip() + "\"";
    }

    private static PermanentException unexpected(String what, String detail) {
        return new PermanentException(Text.of(
                "Meta a renvoyé une réponse inattendue à " + what + " (" + detail + ").",
                "Meta sent an unexpected answer to " + what + " (" + detail + ")."), null);
    }

    /** A synchronous Insights call asked for more than Meta computes at once; an asynchronous report run can. */
    static final class TooMuchDataException extends TransientException {
        TooMuchDataException(String said) {
            super(Text.of("Meta demande de réduire la quantité de données" + detailFr(said) + " : nouvel essai plus tard.",
                    "Meta asks to reduce the amount of data" + detailEn(said) + ": it will be retried later."), null);
        }
    }

    /** The token works but may not read this (permission {@code ads_read} missing, no role on the ad account). */
    static final class NoAccessException extends BadSettingsException {
        NoAccessException(String said) {
            super(MetaAdsConnector.ACCESS_TOKEN, Text.of(
                    "Meta refuse l’accès" + detailFr(said)
                            + " : donnez au jeton la permission ads_read et un rôle sur le compte publicitaire (Business Manager → Comptes publicitaires → Attribuer des partenaires ou des personnes).",
                    "Meta denies access" + detailEn(said)
                            + ": give the token the ads_read permission and a role on the ad account (Business Manager → Ad accounts → Assign people or partners)."));
        }
    }

    private static Integer integer(Object value) {
        BigDecimal d = JsonValues.decimal(value);
        return d == null ? null : d.intValue();
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

    static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * What the usage headers say: the highest percentage used of any quota ({@code X-App-Usage},
     * {@code X-Ad-Account-Usage}, {@code X-Business-Use-Case-Usage}, {@code X-FB-Ads-Insights-Throttle}) and the longest wait announced
     * ({@code estimated_time_to_regain_access} in minutes, {@code reset_time_duration} in seconds).
     *
     * @param percent the highest percentage of a quota used, 0 when none is told
     * @param regainAccess how long until access is regained, zero when not told
     */
    record Usage(int percent, Duration regainAccess) {

        static Usage of(HttpHeaders headers) {
            double percent = 0;
            Duration wait = Duration.ZERO;
            Map<String, Object> app = header(headers, "X-App-Usage");
            for (String key : List.of("call_count", "total_cputime", "total_time")) {
                percent = Math.max(percent, number(app.get(key)));
            }
            // The Insights edge's own throttle, for the app and the ad account.
            Map<String, Object> insights = header(headers, "X-FB-Ads-Insights-Throttle");
            percent = Math.max(percent, Math.max(number(insights.get("app_id_util_pct")), number(insights.get("acc_id_util_pct"))));
            Map<String, Object> account = header(headers, "X-Ad-Account-Usage");
            percent = Math.max(percent, number(account.get("acc_id_util_pct")));
            wait = longer(wait, Duration.ofSeconds((long) Math.ceil(number(account.get("reset_time_duration")))));
            for (Object entries : header(headers, "X-Business-Use-Case-Usage").values()) {
                for (Object entry : JsonValues.array(entries)) {
                    Map<String, Object> use = JsonValues.object(entry);
                    for (String key : List.of("call_count", "total_cputime", "total_time")) {
                        percent = Math.max(percent, number(use.get(key)));
                    }
                    wait = longer(wait, Duration.ofMinutes((long) Math.ceil(number(use.get("estimated_time_to_regain_access")))));
                }
            }
            return new Usage((int) Math.round(percent), wait);
        }

        private static Map<String, Object> header(HttpHeaders headers, String name) {
            String value = headers.firstValue(name).orElse(null);
            if (value == null || value.isBlank()) {
                return Map.of();
            }
            try {
                return JsonValues.object(JsonValues.parse(value));
            } catch (JsonValues.MalformedException e) {
                return Map.of();
            }
        }

        private static double number(Object value) {
            BigDecimal d = JsonValues.decimal(value);
            return d == null || d.signum() < 0 ? 0 : d.doubleValue();
        }

        private static Duration longer(Duration a, Duration b) {
            return b.compareTo(a) > 0 ? b : a;
        }
    }
}
