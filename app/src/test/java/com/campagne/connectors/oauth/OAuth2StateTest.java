package com.campagne.connectors.oauth;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.accounts.SignupService;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.secrets.LocalSecrets;
import com.campagne.base.security.CampagneUser;
import com.campagne.clients.ClientService;
import com.campagne.connectors.connections.ConnectionDraft;
import com.campagne.connectors.runtime.ConnectorCatalog;
import com.campagne.support.IntegrationTest;
import com.campagne.tenancy.TenantKind;
import com.campagne.tenancy.UserRepository;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code state} of the OAuth 2 flow: a forged, garbled, expired, replayed or other tenant's (or user's)
 * state is refused and attaches nothing; a genuine one is accepted once. Also the authorization request
 * itself (PKCE S256, redirect URI, scopes) and the provider's errors worded for the user.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuth2StateTest extends IntegrationTest {

    @Autowired SignupService signup;
    @Autowired AccountUserDetailsService accounts;
    @Autowired TenantTransactions transactions;
    @Autowired UserRepository users;
    @Autowired Clock clock;
    @Autowired ConnectorCatalog catalog;
    @Autowired ClientService clients;
    @Autowired OAuth2Flows flows;
    @Autowired OAuth2State states;
    @Autowired LocalSecrets localSecrets;

    ProviderStub provider;
    CampagneUser ownerA;
    CampagneUser ownerB;
    UUID clientA;

    @BeforeAll
    void setUp() {
        provider = new ProviderStub();
        String run = UUID.randomUUID().toString().substring(0, 6);
        ownerA = OAuthFixture.owner(signup, accounts, transactions, users, clock, TenantKind.AGENCY, "Agence État " + run);
        ownerB = OAuthFixture.owner(signup, accounts, transactions, users, clock, TenantKind.BUSINESS, "Commerce État " + run);
        clientA = as(ownerA, () -> clients.save(new com.campagne.clients.Client("Client État " + run))).getId();
    }

    @AfterAll
    void tearDown() {
        provider.close();
        catalog.unregisterPlugin("oauth-test");
    }

    @BeforeEach
    void connector() {
        OAuthEchoConnector.register(catalog, provider.base());
        provider.server.resetRequests();
        provider.codeExchange(ProviderStub.ACCESS_1, ProviderStub.REFRESH_1, 3600);
    }

    private URI begin(MockHttpSession session) {
        return as(ownerA, () -> flows.begin(session, new OAuth2Flows.Start(OAuthEchoConnector.ID, clientA, null,
                OAuthEchoConnector.KEY, new ConnectionDraft(OAuthEchoConnector.ID, "Écho", Map.of(), Map.of(),
                Map.of())), "http://campagne.test"));
    }

    private static String state(URI uri) {
        return OAuthFixture.query(uri).get("state");
    }

    @Test
    void theAuthorizationRequestAsksForACodeWithPkceAndASignedState() {
        MockHttpSession session = new MockHttpSession();
        URI uri = begin(session);
        Map<String, String> query = OAuthFixture.query(uri);
        assertThat(uri.toString()).startsWith(provider.base() + "/authorize?");
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", "campagne-test-client")
                .containsEntry("redirect_uri", "http://campagne.test/oauth2/callback")
                .containsEntry("scope", "ads.read profile").containsEntry("access_type", "offline")
                .containsEntry("prompt", "consent").containsEntry("code_challenge_method", "S256");
        OAuth2State.Claims claims = states.verify(query.get("state")).claims();
        assertThat(claims.tenantId()).isEqualTo(ownerA.tenant().tenantId());
        assertThat(claims.userId()).isEqualTo(ownerA.userId());
        assertThat(claims.expiresAt()).isBetween(Instant.now().plusSeconds(9 * 60), Instant.now().plusSeconds(10 * 60 + 5));

        OAuth2Flows.Return back = flows.complete(session, ownerA, query.get("state"), ProviderStub.CODE, null, null);
        assertThat(back.error()).isNull();
        assertThat(back.path()).startsWith("clients/" + clientA + "/connections/new?connector=oauth-echo&oauth=");
        // The code is exchanged with the client secret in the body and the PKCE verifier matching the challenge.
        LoggedRequest exchange = provider.tokenRequests("authorization_code").getFirst();
        Map<String, String> form = form(exchange.getBodyAsString());
        assertThat(form).containsEntry("code", ProviderStub.CODE).containsEntry("client_id", "campagne-test-client")
                .containsEntry("client_secret", "campagne-test-secret")
                .containsEntry("redirect_uri", "http://campagne.test/oauth2/callback");
        assertThat(OAuth2Flows.challenge(form.get("code_verifier"))).isEqualTo(query.get("code_challenge"));

        OAuth2Flows.Outcome outcome = as(ownerA, () -> flows.take(session, claims.flowId())).orElseThrow();
        assertThat(outcome.authorised()).isTrue();
        assertThat(outcome.tokens()).containsEntry("account", ProviderStub.ACCESS_1)
                .containsEntry("account.refresh_token", ProviderStub.REFRESH_1)
                .containsKeys("account.expires_at", "account.refresh_token_expires_at");
        assertThat(outcome.toString()).doesNotContain(ProviderStub.ACCESS_1, ProviderStub.REFRESH_1);
        assertThat(as(ownerA, () -> flows.take(session, claims.flowId()))).as("handed to the form once").isEmpty();
    }

    @Test
    void aForgedOrGarbledStateIsRefusedAndAttachesNothing() {
        MockHttpSession session = new MockHttpSession();
        String genuine = state(begin(session));
        UUID flowId = states.verify(genuine).claims().flowId();
        // The same claims signed with another key.
        byte[] otherKey = new byte[32];
        String forged = new OAuth2State(otherKey, clock).issue(ownerA.tenant().tenantId(), ownerA.userId(), flowId,
                Instant.now().plusSeconds(300));
        // The genuine state with a changed signature character.
        int last = genuine.length() - 2;
        String tampered = genuine.substring(0, last) + (genuine.charAt(last) == 'A' ? 'B' : 'A') + genuine.substring(last + 1);
        for (String bad : new String[]{forged, tampered, "", "abc.def", genuine + ".x", null, "x".repeat(400)}) {
            OAuth2Flows.Return back = flows.complete(session, ownerA, bad, ProviderStub.CODE, null, null);
            assertThat(back.path()).as(String.valueOf(bad)).isNull();
            assertThat(back.error().fr()).contains("Ce retour d’autorisation n’est pas valable");
        }
        assertThat(provider.tokenRequests("authorization_code")).as("no code exchanged").isEmpty();
        // The flow is still there for the genuine answer.
        assertThat(flows.complete(session, ownerA, genuine, ProviderStub.CODE, null, null).error()).isNull();
    }

    @Test
    void anExpiredStateIsRefusedOnItsForm() {
        MockHttpSession session = new MockHttpSession();
        UUID flowId = states.verify(state(begin(session))).claims().flowId();
        String expired = states.issue(ownerA.tenant().tenantId(), ownerA.userId(), flowId, Instant.now().minusSeconds(1));
        assertThat(states.verify(expired).refusal()).isEqualTo(OAuth2State.Refusal.EXPIRED);
        OAuth2Flows.Return back = flows.complete(session, ownerA, expired, ProviderStub.CODE, null, null);
        assertThat(back.path()).as("back to its form, with the message").contains("oauth=" + flowId);
        assertThat(back.error().fr()).contains("n’est pas valable");
        assertThat(provider.tokenRequests("authorization_code")).isEmpty();
        OAuth2Flows.Outcome outcome = as(ownerA, () -> flows.take(session, flowId)).orElseThrow();
        assertThat(outcome.authorised()).isFalse();
        assertThat(outcome.tokens()).isEmpty();
    }

    @Test
    void aReplayedStateIsRefused() {
        MockHttpSession session = new MockHttpSession();
        String state = state(begin(session));
        assertThat(flows.complete(session, ownerA, state, ProviderStub.CODE, null, null).error()).isNull();
        OAuth2Flows.Return replay = flows.complete(session, ownerA, state, ProviderStub.CODE, null, null);
        assertThat(replay.path()).isNull();
        assertThat(replay.error().fr()).contains("déjà utilisé");
        assertThat(provider.tokenRequests("authorization_code")).hasSize(1);
    }

    @Test
    void anotherTenantsOrUsersStateIsRefused() {
        MockHttpSession session = new MockHttpSession();
        String stateOfA = state(begin(session));
        UUID flowId = states.verify(stateOfA).claims().flowId();
        // B signed in, presenting A's state (in A's session or its own): refused, nothing consumed.
        assertThat(flows.complete(session, ownerB, stateOfA, ProviderStub.CODE, null, null).path()).isNull();
        assertThat(flows.complete(new MockHttpSession(), ownerB, stateOfA, ProviderStub.CODE, null, null).path()).isNull();
        // A genuinely signed state for B naming A's flow: not in B's session, not A's tenant.
        String forB = states.issue(ownerB.tenant().tenantId(), ownerB.userId(), flowId, Instant.now().plusSeconds(300));
        assertThat(flows.complete(session, ownerB, forB, ProviderStub.CODE, null, null).path()).isNull();
        assertThat(flows.complete(new MockHttpSession(), ownerB, forB, ProviderStub.CODE, null, null).path()).isNull();
        assertThat(provider.tokenRequests("authorization_code")).isEmpty();
        // A's own answer still works.
        assertThat(flows.complete(session, ownerA, stateOfA, ProviderStub.CODE, null, null).error()).isNull();
    }

    @Test
    void theProvidersErrorsComeBackInWords() {
        MockHttpSession session = new MockHttpSession();
        OAuth2Flows.Return denied = flows.complete(session, ownerA, state(begin(session)), null, "access_denied", null);
        assertThat(denied.error().fr()).isEqualTo("Vous avez refusé l’accès sur Écho OAuth\u00a0: le compte n’est pas connecté.");

        provider.codeExchangeFails(503, "<html>Service Unavailable</html>");
        OAuth2Flows.Return down = flows.complete(session, ownerA, state(begin(session)), ProviderStub.CODE, null, null);
        assertThat(down.error().fr()).isEqualTo("Écho OAuth ne répond pas pour le moment\u00a0: réessayez dans quelques minutes.");

        provider.codeExchangeFails(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Bad code\"}");
        OAuth2Flows.Return refused = flows.complete(session, ownerA, state(begin(session)), ProviderStub.CODE, null, null);
        assertThat(refused.error().fr()).isEqualTo("Écho OAuth refuse l’autorisation (invalid_grant).");
        assertThat(refused.path()).contains("connector=oauth-echo");
    }

    @Test
    void theStateKeyComesFromTheInstallationsLocalSecrets() {
        byte[] key = HexFormat.of().parseHex(localSecrets.getOrCreate(OAuth2State.SECRET_NAME));
        String state = new OAuth2State(key, clock).issue(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                Instant.now().plusSeconds(60));
        assertThat(states.verify(state).valid()).isTrue();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}
