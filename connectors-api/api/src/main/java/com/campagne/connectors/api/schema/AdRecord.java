package com.campagne.connectors.api.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * An ad or creative.
 *
 * @param accountId  the account's id
 * @param campaignId the campaign's id
 * @param adGroupId  the ad group's id, or {@code null} when the network has none
 * @param adId       the provider's id
 * @param name       the name or headline on the provider
 * @param format     the format as the provider names it ({@code 300x250}, {@code video 15 s}…), or {@code null}
 * @param status     whether it runs
 */
public record AdRecord(String accountId, String campaignId, String adGroupId, String adId, String name,
                       String format, EntityStatus status) implements MarketingRecord {

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Checks.id(problems, "accountId", accountId, true);
        Checks.id(problems, "campaignId", campaignId, true);
        Checks.id(problems, "adGroupId", adGroupId, false);
        Checks.id(problems, "adId", adId, true);
        Checks.text(problems, "name", name, 500);
        Checks.text(problems, "format", format, 100);
        return problems;
    }
}
