package com.campagne.accounts.ui;

import com.campagne.base.ui.PublicPage;
import com.campagne.accounts.EmailVerification;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Target of the link in the verification mail. */
@Route("verify")
@AnonymousAllowed
public class VerifyEmailView extends PublicPage implements BeforeEnterObserver {

    private final EmailVerification verification;

    public VerifyEmailView(EmailVerification verification) {
        super("verify.title", null);
        this.verification = verification;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
        if (verification.verify(token)) {
            event.forwardTo("login", com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("verified", "")));
            return;
        }
        Paragraph text = new Paragraph(getTranslation("verify.invalid"));
        text.setId("verify-result");
        card.add(text, new RouterLink(getTranslation("signup.backToLogin"), LoginView.class));
    }
}
