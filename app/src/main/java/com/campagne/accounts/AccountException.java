package com.campagne.accounts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A user-facing refusal: each entry maps a field (or null for the form as a whole) to the key of
 * the translated explanation. Several fields can be wrong at once; all are reported together.
 */
public class AccountException extends RuntimeException {

    private final Map<String, String> errors;

    public AccountException(String messageKey, String field) {
        this(single(field, messageKey));
    }

    public AccountException(String messageKey) {
        this(messageKey, null);
    }

    public AccountException(Map<String, String> errorsByField) {
        super(errorsByField.values().iterator().next());
        this.errors = new LinkedHashMap<>(errorsByField);
    }

    private static Map<String, String> single(String field, String key) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(field, key);
        return map;
    }

    /** The first problem's message key. */
    public String messageKey() {
        return errors.values().iterator().next();
    }

    /** The first problem's field, or null. */
    public String field() {
        return errors.keySet().iterator().next();
    }

    /** Every problem: field (or null) to message key, in form order. */
    public Map<String, String> errors() {
        return Map.copyOf(errors.entrySet().stream().filter(e -> e.getKey() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
}
