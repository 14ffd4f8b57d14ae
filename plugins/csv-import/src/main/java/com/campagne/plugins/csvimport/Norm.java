package com.campagne.plugins.csvimport;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text clean-up shared by header matching and value parsing. */
final class Norm {

    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** A currency code ending a column name: {@code Coût (EUR)}, {@code Amount spent (USD)}. */
    private static final Pattern HEADER_CURRENCY = Pattern.compile("^(.*?)\\s*\\(([A-Z]{3})\\)$");

    private Norm() {
    }

    /** Trims ordinary, non-breaking and narrow non-breaking spaces; {@code null} becomes "". */
    static String trim(String value) {
        if (value == null) {
            return "";
        }
        int start = 0;
        int end = value.length();
        while (start < end && blank(value.charAt(start))) {
            start++;
        }
        while (end > start && blank(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    static boolean blank(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u202F' || c == '\u2007' || c == '\uFEFF';
    }

    /**
     * A column name reduced for comparison: lower case, no accents, straight apostrophes, single
     * spaces, without a trailing currency code in brackets.
     */
    static String header(String name) {
        String plain = stripHeaderCurrency(trim(name)).toLowerCase(Locale.ROOT);
        return basic(plain);
    }

    /** Lower case, no accents, straight apostrophes, single spaces. */
    static String basic(String value) {
        String s = Normalizer.normalize(value.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        s = DIACRITICS.matcher(s).replaceAll("");
        s = s.replace('\u2019', '\'').replace('\u02BC', '\'').replace('\u00A0', ' ').replace('\u202F', ' ');
        return SPACES.matcher(s).replaceAll(" ").trim();
    }

    /** The currency code ending a column name ({@code Coût (EUR)} gives {@code EUR}), or {@code null}. */
    static String headerCurrency(String name) {
        Matcher m = HEADER_CURRENCY.matcher(trim(name));
        return m.matches() ? m.group(2).toUpperCase(Locale.ROOT) : null;
    }

    private static String stripHeaderCurrency(String name) {
        Matcher m = HEADER_CURRENCY.matcher(name);
        return m.matches() ? m.group(1) : name;
    }
}
