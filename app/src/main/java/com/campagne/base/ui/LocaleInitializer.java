package com.campagne.base.ui;

import com.campagne.base.i18n.I18n;
import com.campagne.base.security.CurrentUser;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * The language of every new UI: the user's saved choice if any, else the one chosen on the login
 * page this session, else the browser's (French unless it asks for English).
 */
@Component
class LocaleInitializer implements VaadinServiceInitListener {

    static final String SESSION_LOCALE = "campagne.locale";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().setLocale(localeFor(ui.getUI().getSession(),
                ui.getUI().getLocale())));
    }

    static Locale localeFor(VaadinSession session, Locale browser) {
        Locale saved = CurrentUser.get().map(u -> I18n.parse(u.locale())).orElse(null);
        if (saved != null) {
            return saved;
        }
        Object chosen = session == null ? null : session.getAttribute(SESSION_LOCALE);
        return chosen instanceof Locale l ? l : I18n.supported(browser);
    }
}
