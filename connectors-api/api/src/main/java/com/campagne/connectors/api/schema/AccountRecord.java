package com.campagne.connectors.api.schema;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * An account on the provider (an ad account, an analytics property, an e-mailing list owner).
 * Its time zone says in which zone the dates of its metric rows are; its currency, the currency
 * of its costs.
 *
 * @param accountId the provider's id
 * @param name      the name shown on the provider
 * @param currency  ISO 4217 code of the account's money figures, or {@code null} when it has none
 * @param timeZone  the zone the account's dates are in
 */
public record AccountRecord(String accountId, String name, String currency, ZoneId timeZone)
        implements MarketingRecord {

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Checks.id(problems, "accountId", accountId, true);
        Checks.text(problems, "name", name, 500);
        Checks.currency(problems, currency);
        if (timeZone == null) {
            problems.add("timeZone is missing");
        }
        return problems;
    }
}
