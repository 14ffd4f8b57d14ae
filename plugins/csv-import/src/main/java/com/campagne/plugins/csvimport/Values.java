package com.campagne.plugins.csvimport;

import com.campagne.connectors.api.schema.Channel;
import com.campagne.connectors.api.schema.Device;
import com.campagne.connectors.api.schema.EntityStatus;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the cells of exports: numbers written the French or the English way, money with its symbol,
 * percentages, the dates of every tool, and the names of channels, devices, countries and statuses.
 * Parsing never guesses silently between two readings: the one ambiguous case of each (a slash date
 * such as {@code 05/11/2026}, a number such as {@code 1,234}) follows a per-file {@link Reading}
 * chosen from the unambiguous cells of the same file.
 */
final class Values {

    /** How a file writes its ambiguous cells. */
    record Reading(boolean dayFirst, boolean commaDecimal) {
    }

    /** Unambiguous cells seen, which tell the file's {@link Reading}. */
    static final class Evidence {
        long dayFirst;
        long monthFirst;
        long commaDecimal;
        long pointDecimal;

        /** The reading the evidence points to, or the given one when it says nothing (or both). */
        Reading preferred(Reading assumed) {
            boolean dayFirst = this.dayFirst > 0 && monthFirst == 0 ? true
                    : monthFirst > 0 && this.dayFirst == 0 ? false : assumed.dayFirst();
            boolean comma = commaDecimal > 0 && pointDecimal == 0 ? true
                    : pointDecimal > 0 && commaDecimal == 0 ? false : assumed.commaDecimal();
            return new Reading(dayFirst, comma);
        }
    }

    /** A cell that cannot be read; its message is for the user. */
    static final class BadValue extends Exception {
        final String fr;
        final String en;

        BadValue(String fr, String en) {
            super(en, null, false, false);
            this.fr = fr;
            this.en = en;
        }
    }

    /** A number read from a cell, with the currency or percent sign it carried. */
    record Number(BigDecimal value, String currency, boolean percent) {
    }

    private static final Set<String> UNKNOWN = Set.of("--", "-", "\u2014", "\u2013", "n/a", "na", "n.a.", "n.d.",
            "nd", "(not set)", "(non defini)", "(none)", "null", "?");
    private static final Map<String, String> SYMBOLS = Map.of("€", "EUR", "$", "USD", "US$", "USD", "£", "GBP",
            "CHF", "CHF", "CA$", "CAD", "¥", "JPY");
    private static final Pattern LEADING_CURRENCY = Pattern.compile("^(US\\$|CA\\$|[€$£¥]|[A-Z]{3}(?![A-Za-z]))");
    private static final Pattern TRAILING_CURRENCY = Pattern.compile("(?<![A-Za-z])(US\\$|CA\\$|[€$£¥]|[A-Z]{3})$");
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}([T ].*)?");
    private static final Pattern YMD_SLASH = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})( .*)?");
    private static final Pattern NUMERIC_DATE = Pattern.compile("(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{2}|\\d{4})( .*)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern WORD = Pattern.compile("[\\p{L}]+|\\d+");
    private static final Map<String, Integer> MONTHS = new HashMap<>();
    private static final Map<String, String> COUNTRIES = new HashMap<>();

    static {
        String[][] months = {
                {"jan", "janv", "janvier", "january"},
                {"feb", "fev", "fevr", "fevrier", "february"},
                {"mar", "mars", "march"},
                {"apr", "avr", "avril", "april"},
                {"may", "mai"},
                {"jun", "juin", "june"},
                {"jul", "juil", "juillet", "july"},
                {"aug", "aou", "aout", "august"},
                {"sep", "sept", "septembre", "september"},
                {"oct", "octobre", "october"},
                {"nov", "novembre", "november"},
                {"dec", "decembre", "december"}};
        for (int m = 0; m < months.length; m++) {
            for (String name : months[m]) {
                MONTHS.put(name, m + 1);
            }
        }
        for (String code : Locale.getISOCountries()) {
            Locale country = Locale.of("", code);
            COUNTRIES.put(Norm.basic(code), code);
            COUNTRIES.put(Norm.basic(country.getDisplayCountry(Locale.FRENCH)), code);
            COUNTRIES.put(Norm.basic(country.getDisplayCountry(Locale.ENGLISH)), code);
        }
        // Names the exports use that differ from the JDK's.
        COUNTRIES.put("etats-unis", "US");
        COUNTRIES.put("united states of america", "US");
        COUNTRIES.put("royaume-uni", "GB");
        COUNTRIES.put("uk", "GB");
        COUNTRIES.put("czechia", "CZ");
        COUNTRIES.put("turkiye", "TR");
    }

    private Values() {
    }

    /** Whether a cell says "unknown" ({@code --}, empty, {@code n/a}…). */
    static boolean unknown(String cell) {
        String s = Norm.trim(cell);
        return s.isEmpty() || UNKNOWN.contains(s.toLowerCase(Locale.ROOT));
    }

    /**
     * Reads a number written by an export: {@code 1 234,56 €}, {@code $1,234.56}, {@code 12,5 %},
     * {@code 1.234.567}, {@code 0.4523}.
     *
     * @return the number, or {@code null} when the cell says unknown
     */
    static Number number(String cell, boolean numericCell, Reading reading, Evidence evidence) throws BadValue {
        if (unknown(cell)) {
            return null;
        }
        String s = Norm.trim(cell);
        if (numericCell) {
            try {
                return new Number(new BigDecimal(s), null, false);
            } catch (NumberFormatException e) {
                throw notANumber(cell);
            }
        }
        boolean percent = false;
        if (s.endsWith("%")) {
            percent = true;
            s = Norm.trim(s.substring(0, s.length() - 1));
        }
        String currency = null;
        // A symbol or code before or after: "€ 12", "12 €", "EUR 12", "12,50 EUR", "$1,234.56".
        for (int pass = 0; pass < 2 && !plainDigits(s); pass++) {
            Matcher lead = LEADING_CURRENCY.matcher(s);
            if (lead.find()) {
                currency = currency(lead.group(1));
                s = Norm.trim(s.substring(lead.end()));
            }
            Matcher trail = TRAILING_CURRENCY.matcher(s);
            if (trail.find()) {
                currency = currency(trail.group(1));
                s = Norm.trim(s.substring(0, trail.start()));
            }
        }
        boolean negative = false;
        if (s.startsWith("-") || s.startsWith("\u2212")) {
            negative = true;
            s = s.substring(1);
        } else if (s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1);
        }
        StringBuilder digits = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Norm.blank(c) || c == '\u2009' || c == '\'' || c == '\u2019') {
                continue; // thousands separators: space, NBSP, narrow NBSP, thin space, Swiss apostrophe
            }
            if ((c < '0' || c > '9') && c != '.' && c != ',') {
                throw notANumber(cell);
            }
            digits.append(c);
        }
        String plain = decimal(digits.toString(), reading, evidence);
        if (plain == null) {
            throw notANumber(cell);
        }
        BigDecimal value = new BigDecimal(plain);
        return new Number(negative ? value.negate() : value, currency, percent);
    }

    /** Whether the text holds only digits, separators and spaces (no sign or currency to strip). */
    private static boolean plainDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && c != '.' && c != ',' && !Norm.blank(c)) {
                return false;
            }
        }
        return true;
    }

    /** The digits with a '.' decimal mark and no grouping, or {@code null} when not a number. */
    private static String decimal(String s, Reading reading, Evidence evidence) {
        if (s.isEmpty() || !Character.isDigit(s.charAt(0)) && s.length() == 1) {
            return null;
        }
        int lastComma = s.lastIndexOf(',');
        int lastPoint = s.lastIndexOf('.');
        char decimalMark;
        if (lastComma >= 0 && lastPoint >= 0) {
            decimalMark = lastComma > lastPoint ? ',' : '.';
            count(evidence, decimalMark);
        } else if (lastComma < 0 && lastPoint < 0) {
            return s;
        } else {
            char mark = lastComma >= 0 ? ',' : '.';
            int at = Math.max(lastComma, lastPoint);
            boolean once = s.indexOf(mark) == at;
            int after = s.length() - at - 1;
            if (!once) {
                decimalMark = mark == ',' ? '.' : ','; // repeated: it groups thousands
            } else if (after != 3 || at == 0 || s.startsWith("0" + mark)) {
                decimalMark = mark; // 12,5 or 0,123 or ,5: only a decimal mark reads so
                count(evidence, mark);
            } else {
                decimalMark = reading.commaDecimal() ? ',' : '.'; // 1,234 or 1.234: the file decides
            }
        }
        char grouping = decimalMark == ',' ? '.' : ',';
        String[] parts = s.split(Pattern.quote(String.valueOf(decimalMark)), -1);
        if (parts.length > 2) {
            return null;
        }
        String integer = parts[0];
        if (integer.indexOf(grouping) >= 0) {
            String[] groups = integer.split(Pattern.quote(String.valueOf(grouping)), -1);
            if (groups[0].isEmpty() || groups[0].length() > 3) {
                return null;
            }
            for (int i = 1; i < groups.length; i++) {
                if (groups[i].length() != 3) {
                    return null;
                }
            }
            integer = String.join("", groups);
        }
        if (parts.length == 2 && (parts[1].isEmpty() || parts[1].indexOf(grouping) >= 0)) {
            return null;
        }
        if (integer.isEmpty()) {
            integer = "0";
        }
        return parts.length == 2 ? integer + "." + parts[1] : integer;
    }

    private static void count(Evidence evidence, char decimalMark) {
        if (evidence != null) {
            if (decimalMark == ',') {
                evidence.commaDecimal++;
            } else {
                evidence.pointDecimal++;
            }
        }
    }

    private static BadValue notANumber(String cell) {
        return new BadValue("« " + Norm.trim(cell) + " » n’est pas un nombre",
                "\"" + Norm.trim(cell) + "\" is not a number");
    }

    /** The ISO code of a currency symbol or code, or {@code null}. */
    static String currency(String symbolOrCode) {
        String s = Norm.trim(symbolOrCode).toUpperCase(Locale.ROOT);
        String mapped = SYMBOLS.get(s);
        if (mapped != null) {
            return mapped;
        }
        return s.matches("[A-Z]{3}") ? s : null;
    }

    /**
     * Reads a date as the exports write it: {@code 2026-11-23}, {@code 23/11/2026} (or
     * {@code 11/23/2026} in a US file), {@code 23.11.2026}, {@code 23 nov. 2026}, {@code Nov 23, 2026},
     * {@code 20261123}, or an Excel date.
     *
     * @return the date, or {@code null} when the cell is empty
     */
    static LocalDate date(String cell, boolean numericCell, Reading reading, Evidence evidence) throws BadValue {
        String s = Norm.trim(cell);
        if (s.isEmpty() || unknown(s)) {
            return null;
        }
        try {
            if (numericCell) {
                // Excel counts days from 1899-12-30 (after its 1900 leap-year bug).
                return LocalDate.of(1899, 12, 30).plusDays(new BigDecimal(s).longValue());
            }
            if (ISO.matcher(s).matches()) {
                String[] p = s.split("[T ]", 2)[0].split("-");
                return LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            }
            Matcher m = COMPACT.matcher(s);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            m = YMD_SLASH.matcher(s);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            m = NUMERIC_DATE.matcher(s);
            if (m.matches()) {
                int a = Integer.parseInt(m.group(1));
                int b = Integer.parseInt(m.group(3));
                int year = year(m.group(4));
                boolean dayFirst = !"/".equals(m.group(2)) || reading.dayFirst();
                if ("/".equals(m.group(2)) && evidence != null) {
                    if (a > 12 && b <= 12) {
                        evidence.dayFirst++;
                    } else if (b > 12 && a <= 12) {
                        evidence.monthFirst++;
                    }
                }
                return dayFirst ? LocalDate.of(year, b, a) : LocalDate.of(year, a, b);
            }
            return wordDate(s);
        } catch (DateTimeException | NumberFormatException e) {
            throw new BadValue("« " + s + " » n’est pas une date valide", "\"" + s + "\" is not a valid date");
        }
    }

    private static int year(String digits) {
        int year = Integer.parseInt(digits);
        return digits.length() == 2 ? 2000 + year : year;
    }

    /** {@code 23 nov. 2026}, {@code lun. 23 novembre 2026}, {@code Nov 23, 2026}, {@code Monday, November 23, 2026}. */
    private static LocalDate wordDate(String s) throws BadValue {
        Integer month = null;
        Integer day = null;
        Integer year = null;
        Matcher words = WORD.matcher(Norm.basic(s));
        while (words.find()) {
            String w = words.group();
            if (Character.isDigit(w.charAt(0))) {
                if (w.length() == 4 && year == null) {
                    year = Integer.parseInt(w);
                } else if (w.length() <= 2 && day == null) {
                    day = Integer.parseInt(w);
                } else {
                    month = null;
                    break;
                }
            } else if (MONTHS.containsKey(w) && month == null) {
                month = MONTHS.get(w);
            } else if (w.length() > 3 && MONTHS.containsKey(w.substring(0, 4)) && month == null) {
                month = MONTHS.get(w.substring(0, 4));
            }
        }
        if (month == null || day == null || year == null) {
            throw new BadValue("« " + s + " » n’est pas une date reconnue", "\"" + s + "\" is not a recognised date");
        }
        return LocalDate.of(year, month, day);
    }

    /** The channel named by a channel column (GA4's channel groups, Matomo's channel types). */
    static Channel channel(String cell) {
        String s = Norm.basic(cell);
        if (s.isEmpty() || unknown(s)) {
            return null;
        }
        if (s.contains("paid search") || s.contains("recherche payante") || s.equals("sea")) {
            return Channel.SEARCH;
        }
        if (s.contains("organic search") || s.contains("recherche naturelle") || s.contains("recherche organique")
                || s.contains("search engine") || s.contains("moteurs de recherche") || s.equals("seo")) {
            return Channel.ORGANIC_SEARCH;
        }
        if (s.contains("paid social") || s.contains("reseaux sociaux payants")) {
            return Channel.SOCIAL;
        }
        if (s.contains("social") || s.contains("reseaux sociaux")) {
            return Channel.ORGANIC_SOCIAL;
        }
        if (s.contains("direct")) {
            return Channel.DIRECT;
        }
        if (s.contains("referral") || s.contains("referent") || s.contains("website") || s.contains("sites web")) {
            return Channel.REFERRAL;
        }
        if (s.contains("email") || s.contains("e-mail") || s.contains("newsletter")) {
            return Channel.EMAIL;
        }
        if (s.contains("affil")) {
            return Channel.AFFILIATE;
        }
        if (s.contains("display")) {
            return Channel.DISPLAY;
        }
        if (s.contains("video")) {
            return Channel.VIDEO;
        }
        if (s.contains("shopping")) {
            return Channel.SHOPPING;
        }
        if (s.contains("search") || s.contains("recherche")) {
            return Channel.SEARCH;
        }
        return Channel.OTHER;
    }

    /** The channel told by an ad network's campaign type, or the preset's when the cell is empty. */
    static Channel campaignType(String cell, Channel fallback) {
        String s = Norm.basic(cell);
        if (s.isEmpty() || unknown(s)) {
            return fallback;
        }
        if (s.contains("display") || s.contains("audience")) {
            return Channel.DISPLAY;
        }
        if (s.contains("video")) {
            return Channel.VIDEO;
        }
        if (s.contains("shopping")) {
            return Channel.SHOPPING;
        }
        if (s.contains("search") || s.contains("recherche")) {
            return Channel.SEARCH;
        }
        return Channel.OTHER;
    }

    /** The device named by a device column, {@code null} when empty. */
    static Device device(String cell) {
        String s = Norm.basic(cell);
        if (s.isEmpty() || unknown(s)) {
            return null;
        }
        if (s.contains("tablet")) {
            return Device.TABLET;
        }
        if (s.contains("mobile") || s.contains("smartphone") || s.contains("telephone")) {
            return Device.MOBILE;
        }
        if (s.contains("ordinateur") || s.contains("computer") || s.contains("desktop")) {
            return Device.DESKTOP;
        }
        return Device.OTHER;
    }

    /** The ISO code of a country named in French or English, or given as a code. */
    static String country(String cell) throws BadValue {
        String s = Norm.basic(cell);
        if (s.isEmpty() || unknown(s) || s.equals("(other)") || s.equals("(autre)") || s.equals("unknown")
                || s.equals("inconnu")) {
            return null;
        }
        String code = COUNTRIES.get(s);
        if (code == null) {
            throw new BadValue("pays « " + Norm.trim(cell) + " » inconnu", "unknown country \"" + Norm.trim(cell) + "\"");
        }
        return code;
    }

    /** The status named by a status column, {@code null} when empty. */
    static EntityStatus status(String cell) {
        String s = Norm.basic(cell);
        if (s.isEmpty() || unknown(s)) {
            return null;
        }
        if (s.startsWith("activ") || s.equals("enabled") || s.equals("active") || s.equals("actif")
                || s.equals("en cours") || s.equals("eligible")) {
            return EntityStatus.ACTIVE;
        }
        if (s.contains("veille") || s.contains("pause") || s.contains("suspend") || s.equals("inactive")) {
            return EntityStatus.PAUSED;
        }
        if (s.contains("supprim") || s.contains("remove") || s.contains("delete") || s.contains("archiv")) {
            return EntityStatus.REMOVED;
        }
        return EntityStatus.OTHER;
    }
}
