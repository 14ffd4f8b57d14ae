package com.campagne.plans.money;

import com.campagne.base.ui.Formats;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Plan amounts as the app writes them, through {@link Formats}. */
class MoneyFormatTest {

    /** French grouping separator in the JDK's CLDR data: narrow no-break space. */
    private static final String NNBSP = "\u202F";
    /** Between amount and currency sign in French: no-break space. */
    private static final String NBSP = "\u00A0";

    @Test
    void euroInFrenchAndEnglish() {
        Money amount = Money.of("1234.56", "EUR");
        assertThat(amount.format(Locale.FRENCH)).isEqualTo("1" + NNBSP + "234,56" + NBSP + "€");
        assertThat(amount.format(Locale.FRANCE)).isEqualTo("1" + NNBSP + "234,56" + NBSP + "€");
        assertThat(amount.format(Locale.ENGLISH)).isEqualTo("€1,234.56");
        assertThat(amount.format(Locale.ENGLISH))
                .isEqualTo(Formats.money(amount.amount(), "EUR", Locale.ENGLISH));
    }

    @Test
    void largeAndNegativeAmounts() {
        assertThat(Money.of("1234567.8", "EUR").format(Locale.FRENCH))
                .isEqualTo("1" + NNBSP + "234" + NNBSP + "567,80" + NBSP + "€");
        assertThat(Money.of("-250", "EUR").format(Locale.FRENCH)).isEqualTo("-250,00" + NBSP + "€");
        assertThat(Money.of("1234567.8", "EUR").format(Locale.ENGLISH)).isEqualTo("€1,234,567.80");
    }

    @Test
    void theMoneyRoundingDecidesNotTheFormatters() {
        // Formats alone rounds half-even (0.025 → 0.02); plan amounts are rounded half-up first, as exported.
        assertThat(Money.of("0.025", "EUR").format(Locale.ENGLISH)).isEqualTo("€0.03");
        assertThat(Money.of("9443.925", "EUR").format(Locale.FRENCH)).isEqualTo("9" + NNBSP + "443,93" + NBSP + "€");
    }

    @Test
    void yenHasNoDecimals() {
        // Formats itself must not print the euro's two decimals for a zero-decimal currency.
        assertThat(Formats.money(new java.math.BigDecimal("157406"), "JPY", Locale.ENGLISH)).isEqualTo("JP¥157,406");
        assertThat(Money.of("157406.4", "JPY").format(Locale.ENGLISH)).isEqualTo("JP¥157,406");
        assertThat(Money.of("157406.5", "JPY").format(Locale.FRENCH)).isEqualTo("157" + NNBSP + "407" + NBSP + "JPY");
    }

    @Test
    void dollarsInFrenchAndEnglish() {
        Money amount = Money.of("1234.5", "USD");
        assertThat(amount.format(Locale.FRENCH)).isEqualTo("1" + NNBSP + "234,50" + NBSP + "$US");
        assertThat(amount.format(Locale.ENGLISH)).isEqualTo("US$1,234.50");
    }
}
