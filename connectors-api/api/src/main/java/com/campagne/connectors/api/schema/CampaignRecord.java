package com.campagne.connectors.api.schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A campaign on the network (or an e-mail campaign), which media-plan line items link to.
 *
 * @param accountId  the account's id
 * @param campaignId the provider's id
 * @param name       the name on the provider
 * @param status     whether it runs
 * @param channel    its channel, or {@code null} when unknown
 * @param startDate  its first day, or {@code null}
 * @param endDate    its last day, or {@code null} when open-ended
 */
public record CampaignRecord(String accountId, String campaignId, String name, EntityStatus status,
                             Channel channel, LocalDate startDate, LocalDate endDate) implements MarketingRecord {

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Checks.id(problems, "accountId", accountId, true);
        Checks.id(problems, "campaignId", campaignId, true);
        Checks.text(problems, "name", name, 500);
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            problems.add("endDate is before startDate");
        }
        return problems;
    }
}
