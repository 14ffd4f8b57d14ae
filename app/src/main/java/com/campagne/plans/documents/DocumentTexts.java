package com.campagne.plans.documents;

import com.campagne.base.i18n.I18n;

import java.util.Locale;

/** The translations of one document, in the language it is written in (the user's, not the server's). */
record DocumentTexts(I18n i18n, Locale locale) {

    String get(String key, Object... params) {
        return i18n.getTranslation(key, locale, params);
    }
}
