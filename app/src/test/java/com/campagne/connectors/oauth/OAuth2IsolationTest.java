package com.campagne.connectors.oauth;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.accounts.SignupService;
import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.security.CampagneUser;
import com.campagne.clients.ClientService;
import com.campagne.clients.ClientService.ClientNotFoundException;
import com.campagne.connectors.api.schema.AccountRecord;
import com.campagne.connectors.connections.ConnectionDraft;
import com.campagne.connectors.connections.ConnectionExceptions.ConnectionNotFoundException;
import com.campagne.connectors.connections.ConnectionService;
import com.campagne.connectors.connections.Schedule;
import com.campagne.connectors.runtime.ConnectorCatalog;
import com.campagne.support.IntegrationTest;
import com.campagne.tenancy.TenantKind;
import com.campagne.tenancy.UserRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The OAuth 2 flow never attaches tokens across tenants: tenant B cannot begin a flow for A's client or
 * connection, cannot complete or take A's flow, cannot store an authorisation on A's connection, and A's
 * stored tokens are byte for byte the same afterwards. Re-run by CI on a real PostgreSQL server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuth2IsolationTest extends IntegrationTest {

    @Autowired SignupService signup;
    @Autowired AccountUserDetailsService accounts;
    @Autowired TenantTransactions transactions;
    @Autowired UserRepository users;
    @Autowired Clock clock;
    @Autowired ConnectorCatalog catalog;
    @Autowired ClientService clients;
    @Autowired ConnectionService connections;
    @Autowired OAuth2Flows flows;
    @Autowired JdbcTemplate jdbc;

    ProviderStub provider;
    CampagneUser ownerA;
    CampagneUser ownerB;
    UUID clientA;
    UUID clientB;
    UUID connectionA;
    UUID connectionB;

    @BeforeAll
    void twoTenants() {
        provider = new ProviderStub();
        OAuthEchoConnector.register(catalog, provider.base());
        String run = UUID.randomUUID().toString().substring(0, 6);
        ownerA = OAuthFixture.owner(signup, accounts, transactions, users, clock, TenantKind.AGENCY, "Agence Iso " + run);
        ownerB = OAuthFixture.owner(signup, accounts, transactions, users, clock, TenantKind.AGENCY, "Agence Osi " + run);
        clientA = as(ownerA, () -> clients.save(new com.campagne.clients.Client("Client Iso A " + run))).getId();
        clientB = as(ownerB, () -> clients.save(new com.campagne.clients.Client("Client Iso B " + run))).getId();
        connectionA = as(ownerA, () -> connections.create(clientA, withTokens("Écho de A", "acces-de-A"),
                List.of(new AccountRecord(OAuthEchoConnector.ACCOUNT_ID, "Compte", "EUR", ZoneId.of("Europe/Paris"))),
                Schedule.MANUAL)).getId();
        connectionB = as(ownerB, () -> connections.create(clientB, withTokens("Écho de B", "acces-de-B"),
                List.of(), Schedule.MANUAL)).getId();
    }

    @AfterAll
    void tearDown() {
        provider.close();
        catalog.unregisterPlugin("oauth-test");
    }

    @BeforeEach
    void connector() {
        OAuthEchoConnector.register(catalog, provider.base());
    }

    private ConnectionDraft withTokens(String name, String access) {
        return new ConnectionDraft(OAuthEchoConnector.ID, name, Map.of("baseUrl", provider.base()),
                Map.of("account", access, "account.refresh_token", "renouvellement-" + access,
                        "account.expires_at", Instant.now().plusSeconds(3600).toString()), Map.of());
    }

    private byte[] ciphertextOfA() {
        return transactions.inScope(TenantContext.Scope.tenant(ownerA.tenant().tenantId()), () -> jdbc.queryForObject(
                "select secrets_ciphertext from connections where id = ?", byte[].class, connectionA));
    }

    private OAuth2Flows.Start start(UUID client, UUID connection) {
        return new OAuth2Flows.Start(OAuthEchoConnector.ID, client, connection, OAuthEchoConnector.KEY,
                new ConnectionDraft(OAuthEchoConnector.ID, "x", Map.of(), Map.of(), Map.of()));
    }

    @Test
    void anotherTenantCannotBeginAFlowForAClientOrConnectionOfA() {
        MockHttpSession session = new MockHttpSession();
        assertThatThrownBy(() -> as(ownerB, () -> flows.begin(session, start(clientB, connectionA), "http://c.test")))
                .isInstanceOf(ConnectionNotFoundException.class);
        assertThatThrownBy(() -> as(ownerB, () -> flows.begin(session, start(clientA, connectionA), "http://c.test")))
                .isInstanceOf(ClientNotFoundException.class);
        assertThatThrownBy(() -> as(ownerB, () -> flows.begin(session, start(clientA, null), "http://c.test")))
                .isInstanceOf(ClientNotFoundException.class);
    }

    @Test
    void aCallbackAttachesTokensOnlyToTheConnectionOfItsOwnTenant() {
        byte[] before = ciphertextOfA();
        // B re-authorises its own connection: the tokens land on B's connection only.
        MockHttpSession sessionB = new MockHttpSession();
        URI uri = as(ownerB, () -> flows.begin(sessionB, start(clientB, connectionB), "http://c.test"));
        String state = OAuthFixture.query(uri).get("state");
        OAuth2Flows.Return back = as(ownerB, () -> flows.complete(sessionB, ownerB, state, ProviderStub.CODE, null, null));
        assertThat(back.error()).isNull();
        assertThat(back.path()).startsWith("clients/" + clientB + "/connections/" + connectionB + "?oauth=");
        UUID flowId = UUID.fromString(back.path().substring(back.path().indexOf("oauth=") + 6));
        // A, in its own session or B's, cannot take B's outcome.
        assertThat(as(ownerA, () -> flows.take(sessionB, flowId))).isEmpty();
        assertThat(as(ownerA, () -> flows.take(new MockHttpSession(), flowId))).isEmpty();
        assertThat(ciphertextOfA()).as("A's secrets untouched").isEqualTo(before);
        assertThat(as(ownerB, () -> connections.find(connectionB)).orElseThrow().connection().getCredentialsExpireAt())
                .isAfter(Instant.now().plusSeconds(59L * 24 * 3600));

        // B storing an authorisation straight on A's connection: not found, nothing written.
        assertThatThrownBy(() -> as(ownerB, () -> connections.storeAuthorization(connectionA, OAuthEchoConnector.KEY,
                Map.of("account", "jeton-de-B"), null))).isInstanceOf(ConnectionNotFoundException.class);
        assertThat(ciphertextOfA()).isEqualTo(before);
        assertThat(as(ownerA, () -> connections.find(connectionA)).orElseThrow().connection().getCredentialsExpireAt())
                .isNull();
    }

    @Test
    void aStateOfATenantCannotBeCompletedByAnother() {
        byte[] before = ciphertextOfA();
        MockHttpSession sessionA = new MockHttpSession();
        URI uri = as(ownerA, () -> flows.begin(sessionA, start(clientA, connectionA), "http://c.test"));
        String state = OAuthFixture.query(uri).get("state");
        assertThat(flows.complete(sessionA, ownerB, state, ProviderStub.CODE, null, null).path()).isNull();
        assertThat(flows.complete(new MockHttpSession(), ownerB, state, ProviderStub.CODE, null, null).path()).isNull();
        assertThat(ciphertextOfA()).isEqualTo(before);
    }
}
