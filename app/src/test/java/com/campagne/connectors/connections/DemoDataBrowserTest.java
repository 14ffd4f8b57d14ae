package com.campagne.connectors.connections;

import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.support.BrowserTest;
import com.campagne.support.pages.ClientsPage;
import com.campagne.support.pages.ConnectionsPage;
import com.campagne.support.pages.LoginPage;
import com.campagne.tenancy.TenantKind;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A new business owner fills their empty client with demo figures in one click. */
class DemoDataBrowserTest extends BrowserTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired TenantTransactions transactions;

    @Test
    void oneClickOnTheEmptyConnectionsPageBringsAYearOfDemoFigures() {
        String suffix = Integer.toHexString((int) System.nanoTime());
        Account owner = signedUpOwner(TenantKind.BUSINESS, "Fleurs Lemoine " + suffix, "Inès Lemoine", Locale.FRENCH);
        ClientsPage clients = LoginPage.open(page).logIn(owner.email(), owner.password());
        // A business is its own client.
        clients.openClient("Fleurs Lemoine " + suffix);
        page.locator("#client-connections").click();
        ConnectionsPage connections = ConnectionsPage.current(page);
        assertThat(connections.isEmpty()).isTrue();
        assertThat(connections.emptyStateText()).contains("Essayer avec des données de démonstration");

        connections.tryDemo();
        Locator runs = page.locator("#sync-runs");
        PlaywrightAssertions.assertThat(runs).containsText("Réussie",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(90_000));
        screenshot(page, "demo-data-synced");

        UUID connectionId = UUID.fromString(page.url().substring(page.url().lastIndexOf('/') + 1));
        // The tenant directory is installation-wide; the facts are read inside that tenant only.
        UUID tenantId = jdbc.queryForObject("select id from tenants where name = ?", UUID.class, owner.organization());
        long rows = transactions.inScope(TenantContext.Scope.tenant(tenantId), () -> jdbc.queryForObject(
                "select count(*) from metric_facts where connection_id = ?", Long.class, connectionId));
        // Four demo sources over the full-sync window, several campaigns each: thousands of rows.
        assertThat(rows).isGreaterThan(1000);
        long campaigns = transactions.inScope(TenantContext.Scope.tenant(tenantId), () -> jdbc.queryForObject(
                "select count(*) from synced_campaigns where connection_id = ?", Long.class, connectionId));
        assertThat(campaigns).isGreaterThanOrEqualTo(10);
    }

    @Test
    void inEnglishTheSameClickSaysSoInEnglish() {
        String suffix = Integer.toHexString((int) System.nanoTime());
        Account owner = signedUpOwner(TenantKind.BUSINESS, "Lemoine Flowers " + suffix, "Ines Lemoine", Locale.ENGLISH);
        ClientsPage clients = LoginPage.open(page).logIn(owner.email(), owner.password());
        clients.openClient("Lemoine Flowers " + suffix);
        assertThat(page.locator("#client-campaigns").innerText()).isNotBlank();
        page.locator("#client-connections").click();
        ConnectionsPage connections = ConnectionsPage.current(page);
        assertThat(connections.emptyStateText()).contains("Try with demo data").doesNotContain("démonstration");
        screenshot(page, "demo-data-en-empty");

        connections.tryDemo();
        Locator runs = page.locator("#sync-runs");
        PlaywrightAssertions.assertThat(runs).containsText("Succeeded",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(90_000));
        assertThat(page.locator("#sync-panel").innerText()).contains("Sync now", "Items read");
        screenshot(page, "demo-data-en-synced");
    }
}
