package com.campagne.accounts.ui;

import com.campagne.accounts.AccountException;
import com.campagne.accounts.AccountService;
import com.campagne.accounts.PasswordPolicy;
import com.campagne.base.i18n.I18n;
import com.campagne.base.ui.MainLayout;
import com.campagne.base.ui.Notifications;
import com.campagne.tenancy.User;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

import java.util.Locale;
import java.util.Map;

/** The signed-in user's own name, language and password. */
@Route(value = "account", layout = MainLayout.class)
@PermitAll
public class AccountView extends VerticalLayout implements HasDynamicTitle {

    public AccountView(AccountService accounts) {
        setMaxWidth("40rem");
        User me = accounts.current();

        TextField name = new TextField(getTranslation("signup.name"));
        name.setId("account-name");
        name.setValue(me.getDisplayName());
        TextField email = new TextField(getTranslation("signup.email"));
        email.setValue(me.getEmail());
        email.setReadOnly(true);
        Select<Locale> language = new Select<>();
        language.setLabel(getTranslation("language.label"));
        language.setItems(I18n.LOCALES);
        language.setItemLabelGenerator(l -> getTranslation("language." + l.getLanguage()));
        language.setValue(I18n.supported(getLocale()));
        Button saveProfile = new Button(getTranslation("action.save"), e -> {
            name.setInvalid(false);
            try {
                accounts.update(name.getValue(), language.getValue());
                UI.getCurrent().getPage().reload();
            } catch (AccountException ex) {
                FieldErrors.show(ex, Map.of("displayName", name), this);
            }
        });
        saveProfile.setId("account-save");
        saveProfile.addThemeVariants(ButtonVariant.PRIMARY);

        PasswordField current = new PasswordField(getTranslation("account.currentPassword"));
        PasswordField next = new PasswordField(getTranslation("reset.newPassword"));
        next.setHelperText(getTranslation("password.rule", PasswordPolicy.MIN_LENGTH));
        Map<String, HasValidation> passwordFields = Map.of("currentPassword", current, "newPassword", next);
        Button changePassword = new Button(getTranslation("account.changePassword"), e -> {
            FieldErrors.clear(passwordFields);
            try {
                accounts.changePassword(current.getValue(), next.getValue());
                current.clear();
                next.clear();
                Notifications.success(getTranslation("account.passwordChanged"));
            } catch (AccountException ex) {
                FieldErrors.show(ex, passwordFields, this);
            }
        });

        FormLayout profile = new FormLayout(name, email, language);
        FormLayout password = new FormLayout(current, next);
        add(new H2(getTranslation("account.title")), profile, saveProfile,
                new H2(getTranslation("account.passwordTitle")), password, changePassword);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.title");
    }
}
