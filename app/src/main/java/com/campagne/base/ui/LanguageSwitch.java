package com.campagne.base.ui;

import com.campagne.base.i18n.I18n;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;

import java.util.Locale;
import java.util.function.Consumer;

/** FR / EN picker; the choice holds for the session and, via {@code onChange}, may be saved to the account. */
public class LanguageSwitch extends Select<Locale> {

    public LanguageSwitch(Consumer<Locale> onChange) {
        setItems(I18n.LOCALES);
        setItemLabelGenerator(l -> l.getLanguage().toUpperCase(Locale.ROOT));
        setValue(I18n.supported(UI.getCurrent().getLocale()));
        setWidth("5.5em");
        getElement().setAttribute("aria-label", getTranslation("language.label"));
        setId("language-switch");
        addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                VaadinSession.getCurrent().setAttribute(LocaleInitializer.SESSION_LOCALE, e.getValue());
                onChange.accept(e.getValue());
                UI.getCurrent().getPage().reload();
            }
        });
    }
}
