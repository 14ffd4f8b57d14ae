package com.campagne.accounts.ui;

import com.campagne.base.ui.PublicPage;
import com.campagne.accounts.AccountException;
import com.campagne.accounts.PasswordPolicy;
import com.campagne.accounts.SignupService;
import com.campagne.base.mail.MailService;
import com.campagne.base.ui.Notifications;
import com.campagne.tenancy.TenantKind;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import java.util.LinkedHashMap;
import java.util.Map;

@Route("signup")
@AnonymousAllowed
public class SignupView extends PublicPage {

    public SignupView(SignupService signup) {
        super("signup.title", "signup.intro");
        RadioButtonGroup<TenantKind> kind = new RadioButtonGroup<>(getTranslation("signup.kind"));
        kind.setId("signup-kind");
        kind.setItems(TenantKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("tenant.kind." + k.name()));
        kind.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        kind.setValue(TenantKind.BUSINESS);
        TextField organization = new TextField(getTranslation("signup.organization"));
        organization.setId("signup-organization");
        organization.setMaxLength(200);
        organization.setHelperText(getTranslation("signup.organization.help"));
        TextField name = new TextField(getTranslation("signup.name"));
        name.setId("signup-name");
        name.setMaxLength(120);
        EmailField email = new EmailField(getTranslation("signup.email"));
        email.setId("signup-email");
        PasswordField password = new PasswordField(getTranslation("signup.password"));
        password.setId("signup-password");
        password.setHelperText(getTranslation("password.rule", PasswordPolicy.MIN_LENGTH));
        kind.addValueChangeListener(e -> organization.setLabel(getTranslation(
                e.getValue() == TenantKind.AGENCY ? "signup.organization.agency" : "signup.organization")));

        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("kind", kind);
        fields.put("organizationName", organization);
        fields.put("displayName", name);
        fields.put("email", email);
        fields.put("password", password);

        Button create = new Button(getTranslation("signup.submit"));
        create.setId("signup-submit");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickShortcut(Key.ENTER);
        create.setWidthFull();
        create.setDisableOnClick(true);
        create.addClickListener(e -> {
            FieldErrors.clear(fields);
            try {
                signup.signUp(new SignupService.SignupRequest(kind.getValue(), organization.getValue(),
                        name.getValue(), email.getValue(), password.getValue(), getLocale()));
                card.removeAll();
                card.add(new com.vaadin.flow.component.html.H1(getTranslation("signup.done.title")));
                Paragraph done = new Paragraph(getTranslation("signup.done.text", email.getValue()));
                done.setId("signup-done");
                card.add(done, new RouterLink(getTranslation("signup.backToLogin"), LoginView.class));
            } catch (AccountException ex) {
                FieldErrors.show(ex, fields, this);
            } catch (MailService.MailDeliveryException ex) {
                Notifications.error(getTranslation("mail.failed"));
            } finally {
                create.setEnabled(true);
            }
        });
        card.add(kind, organization, name, email, password, create,
                new RouterLink(getTranslation("signup.haveAccount"), LoginView.class));
        fields.values().forEach(f -> ((com.vaadin.flow.component.HasSize) f).setWidthFull());
    }
}
