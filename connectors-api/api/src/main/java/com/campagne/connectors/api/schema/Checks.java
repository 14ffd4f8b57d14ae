package com.campagne.connectors.api.schema;

import java.util.List;
import java.util.regex.Pattern;

/** Shared schema checks of the records. */
final class Checks {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private Checks() {
    }

    static void id(List<String> problems, String name, String value, boolean required) {
        if (value == null) {
            if (required) {
                problems.add(name + " is missing");
            }
        } else if (value.isBlank() || value.length() > 255) {
            problems.add(name + " must be 1 to 255 characters");
        }
    }

    static void text(List<String> problems, String name, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(name + " is longer than " + max + " characters");
        }
    }

    static void currency(List<String> problems, String value) {
        if (value != null && !CURRENCY.matcher(value).matches()) {
            problems.add("currency must be an ISO 4217 code such as EUR: " + value);
        }
    }
}
