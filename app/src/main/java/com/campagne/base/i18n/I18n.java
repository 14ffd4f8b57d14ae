package com.campagne.base.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/**
 * One set of message bundles ({@code vaadin-i18n/translations*.properties}) for screens, e-mails and
 * errors. French is the first language (the base bundle); English is the second.
 */
@Component
public class I18n implements I18NProvider {

    public static final Locale FRENCH = Locale.FRENCH;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> LOCALES = List.of(FRENCH, ENGLISH);

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    public I18n() {
        messages.setBasename("vaadin-i18n/translations");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setUseCodeAsDefaultMessage(true);
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return messages.getMessage(key, params.length == 0 ? null : params, supported(locale));
    }

    /** The supported locale closest to {@code locale}: English for English, French otherwise. */
    public static Locale supported(Locale locale) {
        return locale != null && ENGLISH.getLanguage().equals(locale.getLanguage()) ? ENGLISH : FRENCH;
    }

    public static Locale parse(String tag) {
        return tag == null || tag.isBlank() ? null : supported(Locale.forLanguageTag(tag));
    }
}
