package com.campagne.connectors.oauth;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.connectors.connections.ConnectionSecrets;
import com.campagne.connectors.runtime.ConnectorCatalog;
import com.campagne.support.BrowserTest;
import com.campagne.support.pages.ClientsPage;
import com.campagne.support.pages.ConnectionFormPage;
import com.campagne.support.pages.ConnectionsPage;
import com.campagne.support.pages.LoginPage;
import com.campagne.tenancy.TenantKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PME owner connects an account through OAuth 2, in French: the connection form's "Se connecter avec …"
 * goes to the provider (a WireMock stub that consents at once) and back to the form, as typed, with the
 * account authorised; the test and a sync use the access token; when it is about to expire the host
 * refreshes it before the next sync; when the provider refuses the refresh token, the user is told to
 * reconnect.
 */
class OAuth2FlowBrowserTest extends BrowserTest {

    @Autowired ConnectorCatalog catalog;
    @Autowired AccountUserDetailsService accounts;
    @Autowired TenantTransactions transactions;
    @Autowired ConnectionSecrets secrets;
    @Autowired JdbcTemplate jdbc;

    ProviderStub provider;

    @BeforeEach
    void provider() {
        provider = new ProviderStub();
        OAuthEchoConnector.register(catalog, provider.base());
    }

    @AfterEach
    void stop() {
        provider.close();
        catalog.unregisterPlugin("oauth-test");
    }

    @Test
    void aPmeOwnerSignsInWithTheProviderAndTheHostKeepsTheTokenFresh() {
        String suffix = Integer.toHexString((int) System.nanoTime());
        Account owner = signedUpOwner(TenantKind.AGENCY, "Agence Écho " + suffix, "Lucie Martin", Locale.FRENCH);
        ClientsPage clients = LoginPage.open(page).logIn(owner.email(), owner.password());
        String client = "Fleuriste Rose " + suffix;
        clients = clients.add().name(client).sector("Commerce").save();
        clients.openClient(client);
        page.locator("#client-connections").click();
        ConnectionsPage connections = ConnectionsPage.current(page);

        ConnectionFormPage form = connections.add().choose(OAuthEchoConnector.ID);
        assertThat(form.oauthButton("account")).isEqualTo("Se connecter avec Écho OAuth");
        // Testing before signing in: said under the field.
        form.test();
        assertThat(form.oauthStatus("account")).isEqualTo("Connectez le compte avant de continuer.");

        // The name typed before leaving for the provider is still there when coming back.
        form.name("Écho – boutique");
        form.signIn("account");
        assertThat(page.url()).contains("/connections/new?connector=oauth-echo&oauth=");
        assertThat(form.oauthAuthorised("account")).isTrue();
        assertThat(form.oauthStatus("account")).startsWith("Compte autorisé ✓, expire le ");
        assertThat(page.locator("#connection-name input").inputValue()).isEqualTo("Écho – boutique");
        assertThat(form.visibleText()).doesNotContain(ProviderStub.ACCESS_1, ProviderStub.REFRESH_1);
        assertThat(page.content()).doesNotContain(ProviderStub.ACCESS_1, ProviderStub.REFRESH_1);
        Map<String, String> authorize = query(provider.authorizeRequests().getFirst().getUrl());
        assertThat(authorize).containsEntry("redirect_uri", baseUrl() + "/oauth2/callback")
                .containsEntry("response_type", "code").containsEntry("code_challenge_method", "S256");

        assertThat(form.test()).isEqualTo("Connexion réussie\u00a0: Connecté en tant que Boutique Écho");
        assertThat(form.accounts()).singleElement().satisfies(a -> assertThat(a).contains("Compte Écho"));
        form.scrollTo("setting-group-0");
        screenshot(page, "oauth-connected-fr");
        connections = form.save();
        assertThat(connections.rows()).singleElement().satisfies(row -> assertThat(row).contains("Écho – boutique"));

        ConnectionFormPage stored = connections.openConnection("Écho – boutique");
        assertThat(stored.oauthStatus("account")).startsWith("Compte autorisé ✓, expire le ");
        assertThat(stored.oauthButton("account")).isEqualTo("Reconnecter le compte Écho OAuth");
        stored.syncNow();
        stored.waitForLatestRun("Réussie", 60_000);
        assertThat(provider.apiCalls(ProviderStub.ACCESS_1)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(provider.tokenRequests("refresh_token")).as("nothing to refresh yet").isEmpty();

        // An hour later: the access token expires within minutes and the provider stops accepting it.
        UUID tenantId = accounts.loadUserByUsername(owner.email()).tenant().tenantId();
        UUID connectionId = UUID.fromString(stored.path().substring(stored.path().lastIndexOf('/') + 1));
        expireAccessTokenSoon(tenantId, connectionId);
        provider.apiAccepts(ProviderStub.ACCESS_2);
        stored.syncNow();
        stored.waitForLatestRun("Réussie", 60_000);
        assertThat(provider.tokenRequests("refresh_token")).singleElement().satisfies(r -> assertThat(r.getBodyAsString())
                .contains("refresh_token=" + ProviderStub.REFRESH_1, "client_id=campagne-test-client"));
        assertThat(provider.apiCalls(ProviderStub.ACCESS_2)).isNotEmpty();
        assertThat(storedSecrets(tenantId, connectionId)).containsEntry("account", ProviderStub.ACCESS_2)
                .containsEntry("account.refresh_token", ProviderStub.REFRESH_2);

        // The provider then refuses the (rotated) refresh token: the run fails and says to reconnect.
        expireAccessTokenSoon(tenantId, connectionId);
        provider.refreshRefused();
        stored.syncNow();
        stored.waitForLatestRun("Échouée", 60_000);
        assertThat(stored.latestRunMessage()).contains(
                "Reconnectez le compte Écho OAuth\u00a0: l’autorisation a expiré ou a été retirée.");
        page.reload();
        ConnectionFormPage again = new ConnectionFormPage(page);
        assertThat(again.oauthStatus("account")).isEqualTo(
                "Reconnectez le compte Écho OAuth\u00a0: l’autorisation a expiré ou a été retirée.");
        assertThat(again.oauthAuthorised("account")).isFalse();

        // Reconnecting from the connection's page stores fresh tokens at once.
        provider.codeExchange("acces-echo-3", "renouvellement-echo-3", 3600);
        provider.apiAccepts("acces-echo-3");
        again.signIn("account");
        assertThat(again.oauthStatus("account")).startsWith("Compte autorisé ✓, expire le ");
        assertThat(storedSecrets(tenantId, connectionId)).containsEntry("account", "acces-echo-3");
        assertThat(again.test()).isEqualTo("Connexion réussie\u00a0: Connecté en tant que Boutique Écho");
    }

    /** What an hour does to the stored access token: it now expires within the host's 5-minute margin. */
    private void expireAccessTokenSoon(UUID tenantId, UUID connectionId) {
        transactions.inScope(TenantContext.Scope.tenant(tenantId), () -> {
            byte[] sealed = jdbc.queryForObject("select secrets_ciphertext from connections where id = ?", byte[].class,
                    connectionId);
            Map<String, String> open = secrets.open(tenantId, connectionId, sealed);
            open.put("account.expires_at", Instant.now().plusSeconds(60).toString());
            jdbc.update("update connections set secrets_ciphertext = ? where id = ?",
                    secrets.seal(tenantId, connectionId, open), connectionId);
        });
    }

    private Map<String, String> storedSecrets(UUID tenantId, UUID connectionId) {
        return transactions.inScope(TenantContext.Scope.tenant(tenantId), () -> secrets.open(tenantId, connectionId,
                jdbc.queryForObject("select secrets_ciphertext from connections where id = ?", byte[].class,
                        connectionId)));
    }

    private static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
