package com.campagne.accounts;

import com.campagne.support.BrowserTest;
import com.campagne.support.Mailbox;
import com.campagne.support.pages.SignupPage;
import com.campagne.tenancy.TenantKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-up form's checks, as a visitor meets them. */
class SignupBrowserTest extends BrowserTest {

    @Test
    void mistypedAddressIsRefusedOnTheFormAndTheCorrectedOneWorks() {
        String correct = uniqueEmail("jean.dupont");
        String mistyped = correct.replace("jean.dupont", "jean..dupont");
        SignupPage signup = SignupPage.open(page);
        signup.kind(TenantKind.BUSINESS).organization("Plomberie Dupont " + Integer.toHexString((int) System.nanoTime()))
                .name("Jean Dupont").email(mistyped).password(PASSWORD).submit();
        // The address cannot receive mail: it is refused on the field, before anything is created…
        assertThat(signup.fieldError("signup-email")).contains("n’est pas valide");
        assertThat(signup.visibleText()).doesNotContain("Vérifiez votre boîte mail");

        // …so that, once corrected, the sign-up goes through and the mail arrives.
        signup.email(correct).submit();
        assertThat(signup.doneText()).contains(correct);
        assertThat(Mailbox.waitFor(correct, "Confirmez votre adresse").firstLink()).contains("/verify?token=");
    }
}
