package com.campagne.analytics.alerts;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.base.security.CampagneUser;
import com.campagne.support.BrowserTest;
import com.campagne.support.pages.LoginPage;
import com.campagne.tenancy.TenantKind;
import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In French: an alert fired by the rules shows as a count on the bell of the top bar; the bell leads to the
 * alerts page, which says what, where and when; "Acquitter" takes it off the bell and into the handled tab.
 */
class AlertsBrowserTest extends BrowserTest {

    @Autowired ApplicationContext context;
    @Autowired AccountUserDetailsService accounts;

    @Test
    void anAlertFiresShowsUnderTheBellAndIsAcknowledged() {
        String suffix = Integer.toHexString((int) System.nanoTime());
        Account account = signedUpOwner(TenantKind.AGENCY, "Agence Phare " + suffix, "Claire Morel", Locale.FRENCH);
        CampagneUser owner = accounts.loadUserByUsername(account.email());
        LoginPage.open(page).logIn(account.email(), account.password());
        waitForVaadin(page);
        assertThat(page.locator("#alert-bell-count").isVisible()).as("nothing to handle yet").isFalse();

        // An alert raised while the user works: the bell counts it at the next screen, without a reload.
        AlertTenantFixture.expiringConnection(context, owner, "Boulangerie Martin", "Google Ads Boulangerie");
        page.locator("vaadin-side-nav-item[path='calendar']").click();
        page.waitForURL("**/calendar");
        waitForVaadin(page);
        Locator bell = page.locator("#alert-bell");
        assertThat(page.locator("#alert-bell-count").textContent()).isEqualTo("1");
        assertThat(bell.getAttribute("title")).isEqualTo("Alertes à traiter\u00a0: 1");

        bell.click();
        page.waitForURL("**/alerts");
        waitForVaadin(page);
        Locator card = page.locator(".alert-card");
        assertThat(card.count()).isEqualTo(1);
        assertThat(card.locator(".alert-kind").textContent()).isEqualTo("Accès bientôt expiré");
        assertThat(card.locator(".alert-message").textContent()).startsWith(
                "L’accès de la connexion «\u00a0Google Ads Boulangerie\u00a0» (Boulangerie Martin) expire le ");
        assertThat(card.locator(".alert-about").textContent()).isEqualTo("Boulangerie Martin");
        assertThat(card.locator(".alert-when").textContent()).startsWith("Déclenchée le ");
        assertThat(card.locator(".alert-acknowledge").textContent()).contains("Acquitter");
        assertThat(card.locator(".alert-snooze").textContent()).contains("Reporter");
        screenshot(page, "alerts-fr");

        card.locator(".alert-acknowledge").click();
        waitForVaadin(page);
        assertThat(page.locator(".alert-card").count()).isZero();
        assertThat(page.locator("#alerts-empty").textContent()).contains("Aucune alerte à traiter");
        assertThat(page.locator("#alert-bell-count").isVisible()).isFalse();

        page.locator("#alerts-handled").click();
        waitForVaadin(page);
        assertThat(page.locator(".alert-card .alert-state").textContent()).startsWith("Acquittée le ");

        // The rules screen: the defaults, in French.
        page.locator("#alert-rules-link").click();
        page.waitForURL("**/alerts/rules");
        waitForVaadin(page);
        assertThat(page.locator(".alert-rule").count()).isEqualTo(AlertKind.values().length);
        assertThat(page.locator(".alert-rule[data-kind=SPEND_PACING] .alert-rule-threshold input").inputValue())
                .isEqualTo("120");
        screenshot(page, "alert-rules-fr");
    }
}
