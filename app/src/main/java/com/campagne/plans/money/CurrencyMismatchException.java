package com.campagne.plans.money;

import java.util.Currency;

/** Two amounts in different currencies met in one calculation: there is no exchange rate here, so it is refused. */
public class CurrencyMismatchException extends IllegalArgumentException {

    private final Currency expected;
    private final Currency actual;

    public CurrencyMismatchException(Currency expected, Currency actual) {
        super("Cannot combine " + actual.getCurrencyCode() + " with " + expected.getCurrencyCode()
                + ": amounts must be in the same currency (no conversion is done)");
        this.expected = expected;
        this.actual = actual;
    }

    public Currency expected() {
        return expected;
    }

    public Currency actual() {
        return actual;
    }
}
