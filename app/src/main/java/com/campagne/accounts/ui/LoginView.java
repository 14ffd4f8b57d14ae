package com.campagne.accounts.ui;

import com.campagne.base.ui.PublicPage;
import com.campagne.accounts.LoginAuthenticationProvider;
import com.campagne.accounts.LoginThrottle;
import com.campagne.base.security.CurrentUser;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

import java.util.List;
import java.util.Map;

@Route("login")
@AnonymousAllowed
public class LoginView extends PublicPage implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final Paragraph notice = new Paragraph();

    public LoginView() {
        super("login.title", "login.intro");
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("");
        i18n.getForm().setUsername(getTranslation("login.email"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getForm().setForgotPassword(getTranslation("login.forgot"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.bad"));
        i18n.getErrorMessage().setUsername(getTranslation("login.email.required"));
        i18n.getErrorMessage().setPassword(getTranslation("login.password.required"));
        form.setI18n(i18n);
        form.setAction("login");
        form.addForgotPasswordListener(e -> getUI().ifPresent(ui -> ui.navigate(ForgotPasswordView.class)));

        // LoginForm posts only e-mail and password; the remember-me choice rides on the action URL.
        Checkbox rememberMe = new Checkbox(getTranslation("login.rememberMe"));
        rememberMe.setId("remember-me");
        rememberMe.addValueChangeListener(e -> form.setAction(e.getValue() ? "login?remember-me=on" : "login"));

        notice.setVisible(false);
        notice.setId("login-notice");
        HorizontalLayout signup = new HorizontalLayout(new Paragraph(getTranslation("login.noAccount")),
                new RouterLink(getTranslation("login.signup"), SignupView.class));
        signup.setAlignItems(FlexComponent.Alignment.BASELINE);
        card.add(notice, form, rememberMe, signup);
        card.setAlignItems(FlexComponent.Alignment.STRETCH);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (CurrentUser.get().isPresent()) {
            event.forwardTo("");
            return;
        }
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        if (params.containsKey("error")) {
            Object failure = VaadinSession.getCurrent().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            String key = switch (failure) {
                case LockedException ignored -> "login.error.locked";
                case DisabledException ignored -> "login.error.unverified";
                case LoginAuthenticationProvider.AddressBlockedException ignored -> "login.error.ipBlocked";
                case null, default -> "login.error.bad";
            };
            form.showErrorMessage(getTranslation("login.error.title"),
                    getTranslation(key, LoginThrottle.ACCOUNT_LOCK_FOR.toMinutes()));
        } else if (params.containsKey("verified")) {
            show("login.notice.verified");
        } else if (params.containsKey("reset")) {
            show("login.notice.reset");
        } else if (params.containsKey("expired")) {
            show("login.notice.expired");
        } else if (params.containsKey("joined")) {
            show("login.notice.joined");
        }
    }

    private void show(String key) {
        notice.setText(getTranslation(key));
        notice.getStyle().set("color", "var(--lumo-success-text-color, #1b7f3b)").set("margin", "0");
        notice.setVisible(true);
    }
}
