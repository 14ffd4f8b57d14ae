package com.campagne.base.ui;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Money, numbers and dates as each locale writes them; exact characters, since the JDK's CLDR data decides. */
class FormatsTest {

    /** The JDK's French grouping separator (CLDR): narrow no-break space. */
    private static final char NNBSP = '\u202F';
    /** Between the amount and the currency sign in French: no-break space. */
    private static final char NBSP = '\u00A0';

    @Test
    void euroInFrench() {
        String formatted = Formats.money(new BigDecimal("1234.56"), "EUR", Locale.FRENCH);
        assertThat(formatted).isEqualTo("1" + NNBSP + "234,56" + NBSP + "€");
        assertThat(formatted.chars()).as("no plain space a line could break on").doesNotContain((int) ' ');
    }

    @Test
    void euroInEnglish() {
        assertThat(Formats.money(new BigDecimal("1234.56"), "EUR", Locale.ENGLISH)).isEqualTo("€1,234.56");
    }

    @Test
    void theCurrencyIsTheOneGivenNotTheLocales() {
        assertThat(Formats.money(new BigDecimal("1234.56"), "USD", Locale.FRENCH))
                .isEqualTo("1" + NNBSP + "234,56" + NBSP + "$US");
        assertThat(Formats.money(new BigDecimal("1234.56"), "GBP", Locale.ENGLISH)).isEqualTo("£1,234.56");
    }

    @Test
    void moneyIsRoundedToTheCurrencysDigits() {
        assertThat(Formats.money(new BigDecimal("0.005"), "EUR", Locale.ENGLISH)).isEqualTo("€0.00");
        assertThat(Formats.money(new BigDecimal("0.015"), "EUR", Locale.ENGLISH)).as("half-even").isEqualTo("€0.02");
        assertThat(Formats.money(new BigDecimal("-1234.5"), "EUR", Locale.FRENCH))
                .isEqualTo("-1" + NNBSP + "234,50" + NBSP + "€");
    }

    @Test
    void numbers() {
        assertThat(Formats.number(1234567.891, Locale.FRENCH)).isEqualTo("1" + NNBSP + "234" + NNBSP + "567,891");
        assertThat(Formats.number(1234567.891, Locale.ENGLISH)).isEqualTo("1,234,567.891");
    }

    @Test
    void datesInTheGivenZone() {
        // 23:30 UTC is already the next day in Paris (winter time, UTC+1).
        Instant instant = Instant.parse("2026-11-23T23:30:00Z");
        ZoneId paris = ZoneId.of("Europe/Paris");
        assertThat(Formats.date(instant, paris, Locale.FRENCH)).isEqualTo("24 nov. 2026");
        // English follows British conventions, like the English texts.
        assertThat(Formats.date(instant, paris, Locale.ENGLISH)).isEqualTo("24 Nov 2026");
        assertThat(Formats.dateTime(instant, paris, Locale.FRENCH)).isEqualTo("24 nov. 2026 00:30");
        assertThat(Formats.dateTime(instant, paris, Locale.ENGLISH)).isEqualTo("24 Nov 2026, 00:30");
        assertThat(Formats.date(null, paris, Locale.FRENCH)).isEmpty();
        assertThat(Formats.dateTime(null, paris, Locale.FRENCH)).isEmpty();
    }
}
