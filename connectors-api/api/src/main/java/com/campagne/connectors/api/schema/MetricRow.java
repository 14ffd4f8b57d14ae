package com.campagne.connectors.api.schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The figures of one day (or one hour of a day) for one combination of dimensions. The date is in
 * the account's time zone ({@link AccountRecord#timeZone()}); money is in {@link #currency()}.
 * Dimensions the source does not break down by are {@code null} (not "unknown" strings).
 *
 * <p>The host keys rows on (connection, account, date, hour, campaign, ad group, ad, channel,
 * device, country): emitting the same key again replaces the row, so re-reading a range is safe.
 *
 * @param date       the day
 * @param hour       the hour 0–23 when the source reports by hour, {@code null} for a whole day
 * @param accountId  the account's id
 * @param campaignId the campaign's id, or {@code null} for account-level figures
 * @param adGroupId  the ad group's id, or {@code null}
 * @param adId       the ad's id, or {@code null}
 * @param channel    the channel, or {@code null} when the source does not tell
 * @param device     the device, or {@code null} when not broken down
 * @param country    the ISO 3166-1 alpha-2 country code ({@code FR}), or {@code null}
 * @param currency   the ISO 4217 code of the money measures; required when any is known
 * @param measures   the figures
 */
public record MetricRow(LocalDate date, Integer hour, String accountId, String campaignId, String adGroupId,
                        String adId, Channel channel, Device device, String country, String currency,
                        Measures measures) implements MarketingRecord {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** A whole-day row of a campaign, with no further breakdown. */
    public static MetricRow daily(LocalDate date, String accountId, String campaignId, Channel channel,
                                  String currency, Measures measures) {
        return new MetricRow(date, null, accountId, campaignId, null, null, channel, null, null, currency, measures);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (date == null) {
            problems.add("date is missing");
        }
        if (hour != null && (hour < 0 || hour > 23)) {
            problems.add("hour must be 0 to 23: " + hour);
        }
        Checks.id(problems, "accountId", accountId, true);
        Checks.id(problems, "campaignId", campaignId, false);
        Checks.id(problems, "adGroupId", adGroupId, false);
        Checks.id(problems, "adId", adId, false);
        if ((adGroupId != null || adId != null) && campaignId == null) {
            problems.add("an ad group or ad needs its campaignId");
        }
        if (country != null && !COUNTRIES.contains(country)) {
            problems.add("country must be an ISO 3166-1 alpha-2 code such as FR: " + country);
        }
        Checks.currency(problems, currency);
        if (measures == null) {
            problems.add("measures are missing (use Measures.NONE)");
        } else {
            problems.addAll(measures.problems());
            if (measures.hasMoney() && currency == null) {
                problems.add("cost or conversion value without a currency");
            }
        }
        return problems;
    }
}
