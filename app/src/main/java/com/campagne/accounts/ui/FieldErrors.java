package com.campagne.accounts.ui;

import com.campagne.accounts.AccountException;
import com.campagne.base.ui.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;

import java.util.Map;

/** Shows an {@link AccountException} on the field it names, or as a notification when it names none. */
final class FieldErrors {

    private FieldErrors() {
    }

    static void show(AccountException e, Map<String, ? extends HasValidation> fields, Component anchor) {
        HasValidation field = e.field() == null ? null : fields.get(e.field());
        String text = anchor.getTranslation(e.messageKey());
        if (field != null) {
            field.setErrorMessage(text);
            field.setInvalid(true);
        } else {
            Notifications.error(text);
        }
    }

    static void clear(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> f.setInvalid(false));
    }
}
