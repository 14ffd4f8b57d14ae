package com.campagne.accounts.ui;

import com.campagne.base.ui.PublicPage;
import com.campagne.accounts.PasswordReset;
import com.campagne.base.mail.MailService;
import com.campagne.base.ui.Notifications;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;

@Route("forgot-password")
@AnonymousAllowed
public class ForgotPasswordView extends PublicPage {

    public ForgotPasswordView(PasswordReset reset) {
        super("forgot.title", "forgot.intro");
        EmailField email = new EmailField(getTranslation("login.email"));
        email.setId("forgot-email");
        email.setWidthFull();
        email.setRequiredIndicatorVisible(true);
        Button send = new Button(getTranslation("forgot.submit"));
        send.setId("forgot-submit");
        send.addThemeVariants(ButtonVariant.PRIMARY);
        send.addClickShortcut(Key.ENTER);
        send.setWidthFull();
        send.addClickListener(e -> {
            if (email.isEmpty() || email.isInvalid()) {
                email.setErrorMessage(getTranslation("signup.email.invalid"));
                email.setInvalid(true);
                return;
            }
            try {
                reset.request(email.getValue());
                card.removeAll();
                Paragraph done = new Paragraph(getTranslation("forgot.done", email.getValue()));
                done.setId("forgot-done");
                card.add(done, new RouterLink(getTranslation("signup.backToLogin"), LoginView.class));
            } catch (MailService.MailDeliveryException ex) {
                Notifications.error(getTranslation("mail.failed"));
            }
        });
        card.add(email, send, new RouterLink(getTranslation("signup.backToLogin"), LoginView.class));
    }
}
