package com.campagne.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.IntFunction;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * One local HTTP server standing in for three providers, answering with bodies shaped like their
 * documented responses (the same shapes as the plugins' own stub fixtures):
 * <ul>
 *   <li>Meta Graph API ({@code /v25.0/…}): one ad account, its campaigns, ad sets and ads, and
 *       daily Insights by device, both as a synchronous call and as an asynchronous report run
 *       (the first sync reads 90 days, which the connector asks as report runs);</li>
 *   <li>Matomo Reporting API ({@code /matomo/index.php}, {@code token_auth} in the POST body): one
 *       site and its daily VisitsSummary, Actions and Goals reports;</li>
 *   <li>Brevo API v3 ({@code /v3/…}, {@code api-key} header): the account and three sent campaigns
 *       with their global statistics.</li>
 * </ul>
 * Every figure falls on one of the {@link #DAYS} days before today (Paris time), inside "the last
 * 30 days" and inside the range a first sync asks for; the figures are deterministic and their
 * totals are given by the methods below, for tests to assert what the app stored and shows.
 */
public final class ProviderStubs implements AutoCloseable {

    public static final String META_TOKEN = "EAAGood0SystemUserToken";
    /** A token Meta refuses with its error 190 (expired session). */
    public static final String META_EXPIRED_TOKEN = "EAAExpired0Token";
    public static final String META_ACCOUNT = "1234567890";
    public static final String META_ACCOUNT_NAME = "Boulangerie Martin";
    public static final String MATOMO_TOKEN = "c0ffee5e1f0a7b2d9e8c4a3b2c1d0e9f";
    public static final String MATOMO_SITE = "1";
    public static final String MATOMO_SITE_NAME = "Boutique Martin";
    public static final String BREVO_KEY = "xkeysib-3f9a1c0d2e4b5a6978899aabbccddeeff00112233-Qw3rTy";
    public static final String BREVO_ACCOUNT_NAME = "Boutique Martin";

    /** Days with figures: yesterday and the {@code DAYS - 1} days before it. */
    public static final int DAYS = 10;
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String META = "/v25\\.0";
    private static final String REPORT_RUN = "6023920149050";
    private static final DateTimeFormatter META_INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");
    private static final DateTimeFormatter BREVO_INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final LocalDate today = LocalDate.now(PARIS);

    private ProviderStubs() {
        server.start();
    }

    /** Starts the server with the three providers' answers. */
    public static ProviderStubs start() {
        ProviderStubs stubs = new ProviderStubs();
        stubs.meta();
        stubs.matomo();
        stubs.brevo();
        return stubs;
    }

    /** The value of Meta's "API address" setting. */
    public String metaBaseUrl() {
        return server.baseUrl();
    }

    /** The value of Matomo's address setting (an instance installed under {@code /matomo/}). */
    public String matomoUrl() {
        return server.baseUrl() + "/matomo/";
    }

    /** The value of Brevo's "API address" setting. */
    public String brevoBaseUrl() {
        return server.baseUrl() + "/v3";
    }

    /** The days with figures, latest first. */
    public List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>();
        for (int i = 1; i <= DAYS; i++) {
            days.add(today.minusDays(i));
        }
        return days;
    }

    // ------------------------------------------------------------------ expected totals

    /** Meta spend over all days, in EUR. */
    public BigDecimal metaCost() {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 1; i <= DAYS; i++) {
            sum = sum.add(spendA(i)).add(spendB(i));
        }
        return sum;
    }

    /** Meta link clicks ({@code inline_link_clicks}, what the connector counts as clicks). */
    public long metaClicks() {
        long sum = 0;
        for (int i = 1; i <= DAYS; i++) {
            sum += linkClicksA(i) + linkClicksB(i);
        }
        return sum;
    }

    public long metaImpressions() {
        long sum = 0;
        for (int i = 1; i <= DAYS; i++) {
            sum += impressionsA(i) + impressionsB(i);
        }
        return sum;
    }

    /** Matomo visits ({@code nb_visits}), stored as sessions. */
    public long matomoSessions() {
        long sum = 0;
        for (int i = 1; i <= DAYS; i++) {
            sum += visits(i);
        }
        return sum;
    }

    public long brevoSent() {
        return BREVO_CAMPAIGNS.stream().mapToLong(c -> c.sent).sum();
    }

    public long brevoDelivered() {
        return BREVO_CAMPAIGNS.stream().mapToLong(c -> c.delivered).sum();
    }

    public long brevoOpened() {
        return BREVO_CAMPAIGNS.stream().mapToLong(c -> c.uniqueViews).sum();
    }

    // ------------------------------------------------------------------ Meta

    private static BigDecimal spendA(int i) {
        return BigDecimal.valueOf(1045 + 113L * i, 2);
    }

    private static BigDecimal spendB(int i) {
        return BigDecimal.valueOf(320 + 17L * i, 2);
    }

    private static long impressionsA(int i) {
        return 1000 + 37L * i;
    }

    private static long impressionsB(int i) {
        return 500 + 11L * i;
    }

    private static long linkClicksA(int i) {
        return 20 + 2L * i;
    }

    private static long linkClicksB(int i) {
        return 5 + i;
    }

    private void meta() {
        String bearer = "Bearer " + META_TOKEN;
        server.stubFor(get(urlPathMatching(META + "/me/adaccounts")).withHeader("Authorization", equalTo(bearer))
                .willReturn(okJson("""
                        {
                          "data": [
                            {
                              "id": "act_%s",
                              "account_id": "%s",
                              "name": "%s",
                              "currency": "EUR",
                              "timezone_name": "Europe/Paris",
                              "account_status": 1
                            }
                          ],
                          "paging": {
                            "cursors": {
                              "before": "QVFIUkZA3bGZAsOFhVUXhyc1RQTXB3",
                              "after": "QVFIUkZA3bGZAsOFhVUXhyc1RQTXB3"
                            }
                          }
                        }""".formatted(META_ACCOUNT, META_ACCOUNT, META_ACCOUNT_NAME))));
        // Any other token: Meta's error 190, as its reference documents it.
        server.stubFor(get(urlPathMatching(META + "/.*")).atPriority(10)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json; charset=UTF-8")
                        .withHeader("WWW-Authenticate", "OAuth \"Facebook Platform\" \"invalid_token\"")
                        .withBody("""
                                {
                                  "error": {
                                    "message": "Error validating access token: Session has expired on Sunday, 22-Nov-26 09:00:00 PST. The current time is Monday, 23-Nov-26 00:12:31 PST.",
                                    "type": "OAuthException",
                                    "code": 190,
                                    "error_subcode": 463,
                                    "fbtrace_id": "AcQ2mK7xGzXc1bD9fLrT0pE"
                                  }
                                }""")));
        long expires = today.plusDays(60).atStartOfDay(PARIS).toEpochSecond();
        server.stubFor(get(urlPathMatching(META + "/debug_token")).withHeader("Authorization", equalTo(bearer))
                .willReturn(okJson("""
                        {
                          "data": {
                            "app_id": "138483919580948",
                            "type": "SYSTEM_USER",
                            "application": "Campagne",
                            "data_access_expires_at": 0,
                            "expires_at": %d,
                            "is_valid": true,
                            "issued_at": %d,
                            "scopes": ["ads_read", "read_insights", "business_management"],
                            "user_id": "122100000000000042"
                          }
                        }""".formatted(expires, expires - 90L * 86400))));
        String act = META + "/act_" + META_ACCOUNT;
        String start = today.minusDays(40).atTime(9, 0).atZone(PARIS).format(META_INSTANT);
        server.stubFor(get(urlPathMatching(act + "/campaigns")).withHeader("Authorization", equalTo(bearer))
                .willReturn(okJson("""
                        {
                          "data": [
                            {
                              "id": "120210000000000001",
                              "name": "Noël – Bûches",
                              "status": "ACTIVE",
                              "effective_status": "ACTIVE",
                              "objective": "OUTCOME_SALES",
                              "start_time": "%s"
                            },
                            {
                              "id": "120210000000000002",
                              "name": "Notoriété boutique",
                              "status": "ACTIVE",
                              "effective_status": "ACTIVE",
                              "objective": "OUTCOME_AWARENESS",
                              "start_time": "%s"
                            }
                          ],
                          "paging": {"cursors": {"before": "QVFIUjZAVcTlCa0V2", "after": "QVFIUkRMZA2JhUkFn"}}
                        }""".formatted(start, start))));
        server.stubFor(get(urlPathMatching(act + "/adsets")).withHeader("Authorization", equalTo(bearer))
                .willReturn(okJson("""
                        {
                          "data": [
                            {"id": "120210000000000101", "name": "Paris 25-54 ans", "campaign_id": "120210000000000001",
                             "status": "ACTIVE", "effective_status": "ACTIVE"},
                            {"id": "120210000000000102", "name": "Île-de-France large", "campaign_id": "120210000000000002",
                             "status": "ACTIVE", "effective_status": "ACTIVE"}
                          ],
                          "paging": {"cursors": {"before": "QVFIUkFkc2V0cy1i", "after": "QVFIUkFkc2V0cy1h"}}
                        }""")));
        server.stubFor(get(urlPathMatching(act + "/ads")).withHeader("Authorization", equalTo(bearer))
                .willReturn(okJson("""
                        {
                          "data": [
                            {"id": "120210000000001001", "name": "Bûche chocolat – vidéo", "campaign_id": "120210000000000001",
                             "adset_id": "120210000000000101", "status": "ACTIVE", "effective_status": "ACTIVE"},
                            {"id": "120210000000001003", "name": "La boutique", "campaign_id": "120210000000000002",
                             "adset_id": "120210000000000102", "status": "ACTIVE", "effective_status": "ACTIVE"}
                          ],
                          "paging": {"cursors": {"before": "QVFIUkFkcy1i", "after": "QVFIUkFkcy1h"}}
                        }""")));
        String insights = insights();
        // Up to 31 days: one synchronous call (the last page: no "next").
        server.stubFor(get(urlPathMatching(act + "/insights")).withHeader("Authorization", equalTo(bearer))
                .willReturn(okJson(insights)));
        // Longer ranges: an asynchronous report run, completed at once, then its rows.
        server.stubFor(post(urlPathMatching(act + "/insights")).withHeader("Authorization", equalTo(bearer))
                .willReturn(okJson("{\n  \"report_run_id\": \"" + REPORT_RUN + "\"\n}")));
        server.stubFor(get(urlPathMatching(META + "/" + REPORT_RUN)).withHeader("Authorization", equalTo(bearer))
                .willReturn(okJson("""
                        {
                          "id": "%s",
                          "async_status": "Job Completed",
                          "async_percent_completion": 100
                        }""".formatted(REPORT_RUN))));
        server.stubFor(get(urlPathMatching(META + "/" + REPORT_RUN + "/insights")).withHeader("Authorization", equalTo(bearer))
                .willReturn(okJson(insights)));
    }

    /**
     * The Insights rows of every day: the sales ad on mobile, the awareness ad on desktop. The
     * connector keeps the rows of the days it asked for, so one body serves every block.
     */
    private String insights() {
        StringJoiner rows = new StringJoiner(",\n");
        for (int i = 1; i <= DAYS; i++) {
            String day = today.minusDays(i).toString();
            long purchases = i % 3;
            rows.add("""
                        {
                          "campaign_id": "120210000000000001",
                          "adset_id": "120210000000000101",
                          "ad_id": "120210000000001001",
                          "impressions": "%d",
                          "clicks": "%d",
                          "inline_link_clicks": "%d",
                          "spend": "%s",
                          "actions": [
                            {"action_type": "link_click", "value": "%d"},
                            {"action_type": "post_engagement", "value": "%d"},
                            {"action_type": "purchase", "value": "%d"}
                          ],
                          "action_values": [
                            {"action_type": "purchase", "value": "%s"}
                          ],
                          "date_start": "%s",
                          "date_stop": "%s",
                          "device_platform": "mobile_app"
                        }""".formatted(impressionsA(i), linkClicksA(i) + 9, linkClicksA(i), spendA(i).toPlainString(),
                    linkClicksA(i), linkClicksA(i) + 30, purchases, BigDecimal.valueOf(3250L * purchases, 2).toPlainString(),
                    day, day));
            rows.add("""
                        {
                          "campaign_id": "120210000000000002",
                          "adset_id": "120210000000000102",
                          "ad_id": "120210000000001003",
                          "impressions": "%d",
                          "clicks": "%d",
                          "inline_link_clicks": "%d",
                          "spend": "%s",
                          "date_start": "%s",
                          "date_stop": "%s",
                          "device_platform": "desktop"
                        }""".formatted(impressionsB(i), linkClicksB(i) + 3, linkClicksB(i), spendB(i).toPlainString(),
                    day, day));
        }
        return """
                {
                  "data": [
                %s
                  ],
                  "paging": {
                    "cursors": {
                      "before": "MAZDZD",
                      "after": "MQZDZD"
                    }
                  }
                }""".formatted(rows);
    }

    // ------------------------------------------------------------------ Matomo

    private static long visits(int i) {
        return 80 + 7L * i;
    }

    private void matomo() {
        matomoMethod("API.getMatomoVersion", okJson("{\"value\": \"5.1.2\"}"));
        matomoMethod("SitesManager.getSitesWithAtLeastViewAccess", okJson("""
                [
                  {
                    "idsite": %s,
                    "name": "%s",
                    "main_url": "https://boutique-martin.fr",
                    "ts_created": "2023-03-01 10:00:00",
                    "ecommerce": 1,
                    "sitesearch": 1,
                    "sitesearch_keyword_parameters": "",
                    "sitesearch_category_parameters": "",
                    "timezone": "Europe/Paris",
                    "currency": "EUR",
                    "exclude_unknown_urls": 0,
                    "excluded_ips": "",
                    "excluded_parameters": "",
                    "excluded_user_agents": "",
                    "excluded_referrers": "",
                    "group": "",
                    "type": "website",
                    "keep_url_fragment": 0,
                    "creator_login": "admin",
                    "timezone_name": "France",
                    "currency_name": "Euro"
                  }
                ]""".formatted(MATOMO_SITE, MATOMO_SITE_NAME)));
        matomoMethod("VisitsSummary.get", okJson(byDay(i -> """
                {
                    "nb_uniq_visitors": %d,
                    "nb_users": 0,
                    "nb_visits": %d,
                    "nb_actions": %d,
                    "nb_visits_converted": %d,
                    "bounce_count": %d,
                    "sum_visit_length": %d,
                    "max_actions": 31,
                    "bounce_rate": "%d%%",
                    "nb_actions_per_visit": 3,
                    "avg_time_on_site": 140
                  }""".formatted(visits(i) - 6, visits(i), visits(i) * 3, i % 4, visits(i) / 3, visits(i) * 140,
                Math.round(100.0 * (visits(i) / 3) / visits(i))))));
        matomoMethod("Actions.get", okJson(byDay(i -> """
                {
                    "nb_pageviews": %d,
                    "nb_uniq_pageviews": %d,
                    "nb_downloads": 4,
                    "nb_uniq_downloads": 3,
                    "nb_outlinks": 8,
                    "nb_uniq_outlinks": 6,
                    "nb_searches": 2,
                    "nb_keywords": 2,
                    "avg_time_generation": 0.412
                  }""".formatted(visits(i) * 3 - 12, visits(i) * 2))));
        matomoMethod("Goals.get", okJson(byDay(i -> """
                {
                    "nb_conversions": %d,
                    "nb_visits_converted": %d,
                    "revenue": %s,
                    "conversion_rate": "%s%%"
                  }""".formatted(i % 4, i % 4, BigDecimal.valueOf(2750L * (i % 4), 2).toPlainString(),
                BigDecimal.valueOf(100.0 * (i % 4) / visits(i)).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()))));
        // No referrer or campaign breakdown: Matomo answers an empty list for each day.
        matomoMethod("Referrers.getReferrerType", okJson(byDay(i -> null)));
        matomoMethod("Referrers.getCampaigns", okJson(byDay(i -> null)));
        // Another token: Matomo's own refusal.
        server.stubFor(post(urlPathEqualTo("/matomo/index.php")).atPriority(10)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"result\": \"error\", \"message\": \"Unable to authenticate with the provided token. "
                                + "It is either invalid or expired.\"}")));
    }

    private void matomoMethod(String method, ResponseDefinitionBuilder response) {
        server.stubFor(post(urlPathEqualTo("/matomo/index.php"))
                .withQueryParam("module", equalTo("API"))
                .withQueryParam("method", equalTo(method))
                .withQueryParam("format", equalTo("JSON"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("token_auth=" + MATOMO_TOKEN))
                .willReturn(response));
    }

    /**
     * A Matomo report of {@code period=day} over a range: one key per day, the day's figures or an
     * empty list when it has none. The range covers any range a sync asks (120 days back to today);
     * the connector reads the days it asked for.
     */
    private String byDay(IntFunction<String> figures) {
        StringJoiner days = new StringJoiner(",\n", "{\n", "\n}");
        for (int back = 120; back >= 0; back--) {
            String body = back >= 1 && back <= DAYS ? figures.apply(back) : null;
            days.add("  \"" + today.minusDays(back) + "\": " + (body == null ? "[]" : body));
        }
        return days.toString();
    }

    // ------------------------------------------------------------------ Brevo

    private record BrevoCampaign(int id, String name, int daysAgo, long sent, long delivered, long uniqueViews,
                                 long uniqueClicks, long softBounces, long hardBounces, long unsubscriptions) {
    }

    private static final List<BrevoCampaign> BREVO_CAMPAIGNS = List.of(
            new BrevoCampaign(12, "Newsletter du mois", 9, 1120, 1095, 373, 56, 15, 10, 3),
            new BrevoCampaign(14, "Black Friday – avant-première", 5, 2300, 2261, 912, 188, 24, 15, 7),
            new BrevoCampaign(15, "Black Friday – dernier jour", 2, 2310, 2270, 845, 142, 25, 15, 4));

    private void brevo() {
        server.stubFor(get(urlPathEqualTo("/v3/account")).withHeader("api-key", equalTo(BREVO_KEY))
                .willReturn(okJson("""
                        {
                          "organization_id": "65f1c2d3e4b5a6978899aabb",
                          "user_id": 4817263,
                          "email": "marie@boutique-martin.fr",
                          "firstName": "Marie",
                          "lastName": "Martin",
                          "companyName": "%s",
                          "address": {
                            "street": "12 rue de la République",
                            "city": "Lyon",
                            "zipCode": "69002",
                            "country": "France"
                          },
                          "plan": [
                            {
                              "type": "payAsYouGo",
                              "creditsType": "sendLimit",
                              "credits": 18500.0,
                              "startDate": "2026-01-01",
                              "endDate": "2026-12-31"
                            }
                          ],
                          "relay": {
                            "enabled": true,
                            "data": {
                              "userName": "7a1b2c001@smtp-brevo.com",
                              "relay": "smtp-relay.brevo.com",
                              "port": 587
                            }
                          },
                          "marketingAutomation": {
                            "enabled": false
                          }
                        }""".formatted(BREVO_ACCOUNT_NAME))));
        StringJoiner campaigns = new StringJoiner(",\n");
        for (BrevoCampaign c : BREVO_CAMPAIGNS) {
            String sent = today.minusDays(c.daysAgo()).atTime(9, 0, 12).atZone(PARIS).format(BREVO_INSTANT);
            String created = today.minusDays(c.daysAgo() + 6).atTime(14, 12, 33).atZone(PARIS).format(BREVO_INSTANT);
            campaigns.add("""
                        {
                          "id": %d,
                          "name": "%s",
                          "subject": "Nos nouveautés n°%d",
                          "type": "classic",
                          "status": "sent",
                          "scheduledAt": "%s",
                          "abTesting": false,
                          "previewText": "Les nouveautés de la boutique",
                          "testSent": true,
                          "header": "[DEFAULT_HEADER]",
                          "footer": "[DEFAULT_FOOTER]",
                          "sender": {"name": "Boutique Martin", "id": 1, "email": "news@boutique-martin.fr"},
                          "replyTo": "contact@boutique-martin.fr",
                          "toField": "{FNAME} {LNAME}",
                          "htmlContent": "",
                          "shareLink": "http://r.brevo.com/mk/mr/sh/%dabcd",
                          "tag": "newsletter",
                          "createdAt": "%s",
                          "modifiedAt": "%s",
                          "inlineImageActivation": false,
                          "mirrorActive": true,
                          "recurring": false,
                          "sentDate": "%s",
                          "returnBounce": 0,
                          "recipients": {"lists": [2, 7], "exclusionLists": []},
                          "statistics": {
                            "globalStats": {
                              "uniqueClicks": %d,
                              "clickers": %d,
                              "complaints": 0,
                              "delivered": %d,
                              "sent": %d,
                              "softBounces": %d,
                              "hardBounces": %d,
                              "uniqueViews": %d,
                              "trackableViews": %d,
                              "trackableViewsRate": 25.0,
                              "estimatedViews": %d,
                              "unsubscriptions": %d,
                              "viewed": %d,
                              "deferred": 0,
                              "returnBounce": 0,
                              "appleMppOpens": %d
                            },
                            "mirrorClick": 4,
                            "remaining": 0,
                            "linksStats": {},
                            "statsByDomain": {},
                            "statsByDevice": {},
                            "statsByBrowser": {}
                          }
                        }""".formatted(c.id(), c.name(), c.id(), sent, c.id(), created, sent, sent,
                    c.uniqueClicks(), c.uniqueClicks() + 18, c.delivered(), c.sent(), c.softBounces(), c.hardBounces(),
                    c.uniqueViews(), c.uniqueViews() * 3 / 4, c.uniqueViews() + 40, c.unsubscriptions(),
                    c.uniqueViews() * 3 / 2, c.uniqueViews() * 3 / 10));
        }
        server.stubFor(get(urlPathEqualTo("/v3/emailCampaigns")).withHeader("api-key", equalTo(BREVO_KEY))
                .withQueryParam("status", equalTo("sent"))
                .withQueryParam("statistics", equalTo("globalStats"))
                .willReturn(okJson("""
                        {
                          "campaigns": [
                        %s
                          ],
                          "count": %d
                        }""".formatted(campaigns, BREVO_CAMPAIGNS.size()))));
        server.stubFor(get(urlPathMatching("/v3/.*")).atPriority(10)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\n  \"code\": \"unauthorized\",\n  \"message\": \"Key not found\"\n}")));
    }

    @Override
    public void close() {
        server.stop();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ProviderStubs[%s, %d days before %s]", server.baseUrl(), DAYS, today);
    }
}
