package com.campagne.base.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** Numbers, money and dates the way the user's locale writes them (1 234,56 € in French). */
public final class Formats {

    private Formats() {
    }

    /** Plain English is written the British way here (23 Nov 2026), like the texts. */
    public static Locale conventions(Locale locale) {
        return "en".equals(locale.getLanguage()) && locale.getCountry().isEmpty() ? Locale.UK : locale;
    }

    public static String money(BigDecimal amount, String currency, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(conventions(locale));
        Currency unit = Currency.getInstance(currency);
        format.setCurrency(unit);
        // setCurrency keeps the digits of the locale's own currency: yen would show ".00" without this.
        int digits = unit.getDefaultFractionDigits();
        if (digits >= 0) {
            format.setMinimumFractionDigits(digits);
            format.setMaximumFractionDigits(digits);
        }
        return format.format(amount);
    }

    public static String number(Number value, Locale locale) {
        return NumberFormat.getNumberInstance(conventions(locale)).format(value);
    }

    public static String dateTime(Instant instant, ZoneId zone, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(conventions(locale)).withZone(zone).format(instant);
    }

    public static String date(Instant instant, ZoneId zone, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(conventions(locale)).withZone(zone).format(instant);
    }

    /** A calendar day (a flight, a deadline): 23 nov. 2026, 23 Nov 2026. */
    public static String date(LocalDate date, Locale locale) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(conventions(locale))
                .format(date);
    }

    /** A calendar day spelt out, for mails: 23 novembre 2026, 23 November 2026. */
    public static String longDate(LocalDate date, Locale locale) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(conventions(locale))
                .format(date);
    }
}
