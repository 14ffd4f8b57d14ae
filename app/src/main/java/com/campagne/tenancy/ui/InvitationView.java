package com.campagne.tenancy.ui;

import com.campagne.accounts.AccountException;
import com.campagne.accounts.PasswordPolicy;
import com.campagne.base.ui.PublicPage;
import com.campagne.tenancy.InvitationService;
import com.campagne.tenancy.InvitationService.InvitationDetails;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import java.util.Map;
import java.util.Optional;

/** Target of the invitation mail: join as a new user (name + password) or as an existing one (password). */
@Route("invitation")
@AnonymousAllowed
public class InvitationView extends PublicPage implements BeforeEnterObserver {

    private final InvitationService invitations;
    private final VerticalLayout body = new VerticalLayout();

    public InvitationView(InvitationService invitations) {
        super("invitation.title", null);
        this.invitations = invitations;
        body.setPadding(false);
        card.add(body);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
        Optional<InvitationDetails> details = invitations.describe(token);
        body.removeAll();
        if (details.isEmpty()) {
            Paragraph invalid = new Paragraph(getTranslation("invite.invalidLink"));
            invalid.setId("invitation-invalid");
            body.add(invalid);
            return;
        }
        InvitationDetails d = details.get();
        Paragraph text = new Paragraph(getTranslation("invitation.text", d.tenantName(),
                getTranslation("role." + d.role().name()), d.email()));
        text.setId("invitation-text");
        body.add(text);
        TextField name = new TextField(getTranslation("signup.name"));
        name.setId("invitation-name");
        name.setWidthFull();
        name.setVisible(!d.existingUser());
        PasswordField password = new PasswordField(getTranslation(d.existingUser()
                ? "invitation.existingPassword" : "signup.password"));
        password.setId("invitation-password");
        password.setWidthFull();
        if (!d.existingUser()) {
            password.setHelperText(getTranslation("password.rule", PasswordPolicy.MIN_LENGTH));
        }
        Button accept = new Button(getTranslation("invitation.accept"), e -> {
            name.setInvalid(false);
            password.setInvalid(false);
            try {
                if (d.existingUser()) {
                    invitations.acceptAsExistingUser(token, password.getValue());
                } else {
                    invitations.acceptAsNewUser(token, name.getValue(), password.getValue(), getLocale());
                }
                getUI().ifPresent(ui -> ui.navigate("login", QueryParameters.simple(Map.of("joined", ""))));
            } catch (AccountException ex) {
                var field = "displayName".equals(ex.field()) ? name : password;
                field.setErrorMessage(getTranslation(ex.messageKey(), PasswordPolicy.MIN_LENGTH));
                field.setInvalid(true);
            }
        });
        accept.setId("invitation-accept");
        accept.addThemeVariants(ButtonVariant.PRIMARY);
        accept.setWidthFull();
        body.add(name, password, accept);
    }
}
