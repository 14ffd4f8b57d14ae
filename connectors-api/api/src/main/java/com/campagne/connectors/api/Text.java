package com.campagne.connectors.api;

import java.util.Locale;
import java.util.Objects;

/**
 * A short text shown to users, in French and English. Plugins contain no UI code and no resource
 * bundles: every label, help text and message they hand to the host is a {@code Text}.
 *
 * @param fr the French text (the product's first language)
 * @param en the English text
 */
public record Text(String fr, String en) {

    public Text {
        Objects.requireNonNull(fr, "fr");
        Objects.requireNonNull(en, "en");
    }

    /** A text in French and English. */
    public static Text of(String fr, String en) {
        return new Text(fr, en);
    }

    /** The text in the given language: French for {@code fr}, English otherwise. */
    public String in(Locale locale) {
        return locale != null && "fr".equals(locale.getLanguage()) ? fr : en;
    }

    @Override
    public String toString() {
        return en;
    }
}
