package com.campagne.connectors.api.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * An ad group (Google, Microsoft) or ad set (Meta), inside a campaign.
 *
 * @param accountId  the account's id
 * @param campaignId the campaign's id
 * @param adGroupId  the provider's id
 * @param name       the name on the provider
 * @param status     whether it runs
 */
public record AdGroupRecord(String accountId, String campaignId, String adGroupId, String name, EntityStatus status)
        implements MarketingRecord {

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Checks.id(problems, "accountId", accountId, true);
        Checks.id(problems, "campaignId", campaignId, true);
        Checks.id(problems, "adGroupId", adGroupId, true);
        Checks.text(problems, "name", name, 500);
        return problems;
    }
}
