package com.campagne.accounts.ui;

import com.campagne.base.ui.PublicPage;
import com.campagne.accounts.AccountException;
import com.campagne.accounts.PasswordPolicy;
import com.campagne.accounts.PasswordReset;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import java.util.Map;

/** Target of the link in the password-reset mail. */
@Route("reset-password")
@AnonymousAllowed
public class ResetPasswordView extends PublicPage implements BeforeEnterObserver {

    private String token = "";

    public ResetPasswordView(PasswordReset reset) {
        super("reset.title", null);
        PasswordField password = new PasswordField(getTranslation("reset.newPassword"));
        password.setId("reset-password");
        password.setWidthFull();
        password.setHelperText(getTranslation("password.rule", PasswordPolicy.MIN_LENGTH));
        Button save = new Button(getTranslation("reset.submit"));
        save.setId("reset-submit");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.setWidthFull();
        save.addClickListener(e -> {
            password.setInvalid(false);
            try {
                reset.reset(token, password.getValue());
                getUI().ifPresent(ui -> ui.navigate("login", QueryParameters.simple(Map.of("reset", ""))));
            } catch (AccountException ex) {
                FieldErrors.show(ex, Map.of("password", password), this);
            }
        });
        card.add(password, save);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
    }
}
