package com.campagne.plans;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refused campaign change: each entry maps a field (or {@code null} for the campaign as a whole) to
 * the key of the translated explanation; every problem of a form is reported at once.
 */
public class CampaignException extends RuntimeException {

    private final Map<String, String> errors;

    public CampaignException(Map<String, String> errorsByField) {
        super(errorsByField.values().iterator().next());
        this.errors = new LinkedHashMap<>(errorsByField);
    }

    public static CampaignException of(String messageKey) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(null, messageKey);
        return new CampaignException(map);
    }

    /** The first problem's message key. */
    public String messageKey() {
        return errors.values().iterator().next();
    }

    /** Every problem, field (null for the whole campaign) to message key, in form order. */
    public Map<String, String> errors() {
        return new LinkedHashMap<>(errors);
    }
}
