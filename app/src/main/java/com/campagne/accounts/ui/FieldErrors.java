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
        boolean shownOnAField = false;
        for (Map.Entry<String, String> error : e.errors().entrySet()) {
            HasValidation field = fields.get(error.getKey());
            if (field != null) {
                field.setErrorMessage(anchor.getTranslation(error.getValue()));
                field.setInvalid(true);
                shownOnAField = true;
            }
        }
        if (!shownOnAField) {
            Notifications.error(anchor.getTranslation(e.messageKey()));
        }
    }

    static void clear(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> f.setInvalid(false));
    }
}
