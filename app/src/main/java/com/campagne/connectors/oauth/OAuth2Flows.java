package com.campagne.connectors.oauth;

import com.campagne.base.db.TenantContext;
import com.campagne.base.security.CampagneUser;
import com.campagne.base.security.CurrentUser;
import com.campagne.clients.ClientService;
import com.campagne.clients.ClientService.ClientNotFoundException;
import com.campagne.connectors.api.ConnectorSpec;
import com.campagne.connectors.api.SettingField;
import com.campagne.connectors.api.SettingType;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.connections.ConnectionDraft;
import com.campagne.connectors.connections.ConnectionExceptions.ConnectionNotFoundException;
import com.campagne.connectors.connections.ConnectionExceptions.ConnectorUnavailableException;
import com.campagne.connectors.connections.ConnectionService;
import com.campagne.connectors.connections.TokenRefresher;
import com.campagne.connectors.runtime.ConnectorCatalog;
import com.campagne.connectors.runtime.ConnectorHandle;
import com.campagne.tenancy.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The OAuth 2 authorization-code flow (RFC 6749 §4.1 with PKCE S256, RFC 7636) run by the host for an
 * {@code OAUTH2_ACCOUNT} setting. {@link #begin} keeps the connection form's draft in the user's HTTP
 * session and returns the provider's authorization address, with a signed {@link OAuth2State state} bound
 * to the tenant, the user and that draft. {@link #complete} is the callback: it checks the state, takes the
 * draft out of the session (single use), exchanges the code and either stores the tokens on the stored
 * connection or keeps them with the draft for the form to save; {@link #take} hands the result to the form.
 */
@Service
public class OAuth2Flows {

    /** How long a user has to come back from the provider. */
    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final String CALLBACK_PATH = "/oauth2/callback";

    private static final String PENDING = OAuth2Flows.class.getName() + ".pending";
    private static final String DONE = OAuth2Flows.class.getName() + ".done";
    private static final Logger log = LoggerFactory.getLogger(OAuth2Flows.class);
    private static final Object LOCK = new Object();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /**
     * What the form asks for.
     *
     * @param connectorId  the connector
     * @param clientId     the client (annonceur) of the connection
     * @param connectionId the stored connection, or {@code null} for a new one
     * @param settingKey   the OAUTH2_ACCOUNT setting
     * @param draft        the form as typed, given back after the provider
     */
    public record Start(String connectorId, UUID clientId, UUID connectionId, String settingKey,
                        ConnectionDraft draft) {
    }

    /**
     * What the callback brought back to the form.
     *
     * @param tokens                 the secrets to save with a new connection (empty for a stored one,
     *                               whose tokens are stored already, and on error)
     * @param authorizationExpiresAt when the authorisation ends, if the provider said
     * @param error                  what went wrong, or {@code null} when the account is authorised
     */
    public record Outcome(UUID flowId, UUID tenantId, UUID clientId, UUID connectionId, String connectorId, String settingKey,
                          ConnectionDraft draft, Map<String, String> tokens, Instant authorizationExpiresAt,
                          Text error) {
        public Outcome {
            tokens = tokens == null ? Map.of() : Map.copyOf(tokens);
        }

        public boolean authorised() {
            return error == null;
        }

        /** Never prints the tokens. */
        @Override
        public String toString() {
            return "Outcome[" + flowId + " " + connectorId + "." + settingKey + " authorised=" + authorised() + "]";
        }
    }

    /** A flow begun, kept in the session until its callback. */
    private record Pending(UUID flowId, UUID tenantId, UUID userId, Start start, String codeVerifier,
                           String redirectUri, Instant expiresAt) {
        @Override
        public String toString() {
            return "Pending[" + flowId + "]";
        }
    }

    /** Where the callback sends the browser: a form to go back to, or nowhere known (an error page). */
    public record Return(String path, Text error) {
    }

    /** The connector has no client registration: say what the operator must set. */
    public static class NotConfiguredException extends RuntimeException {
        private final Text userMessage;

        NotConfiguredException(Text userMessage) {
            super("OAuth 2 client not configured");
            this.userMessage = userMessage;
        }

        public Text userMessage() {
            return userMessage;
        }
    }

    private final ConnectorCatalog catalog;
    private final OAuth2Clients clients;
    private final OAuth2State states;
    private final ConnectionService connections;
    private final ClientService clientService;
    private final Clock clock;

    OAuth2Flows(ConnectorCatalog catalog, OAuth2Clients clients, OAuth2State states, ConnectionService connections,
                ClientService clientService, Clock clock) {
        this.catalog = catalog;
        this.clients = clients;
        this.states = states;
        this.connections = connections;
        this.clientService = clientService;
        this.clock = clock;
    }

    /** Whether the operator registered Campagne with this connector's provider; the message to show if not. */
    public Optional<Text> notConfigured(ConnectorSpec spec) {
        return clients.registration(spec).isPresent() ? Optional.empty() : Optional.of(OAuth2Texts.notConfigured(spec));
    }

    /**
     * Keeps the draft in the session and returns where to send the browser.
     *
     * @param baseUrl the app's address as the browser reaches it ({@code https://campagne.example})
     * @throws NotConfiguredException       when the operator has not registered the provider
     * @throws ConnectorUnavailableException when the connector is not loaded
     * @throws ConnectionNotFoundException  when the connection is not the current tenant's
     */
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public URI begin(HttpSession session, Start start, String baseUrl) {
        ConnectorHandle handle = catalog.find(start.connectorId())
                .orElseThrow(() -> new ConnectorUnavailableException(start.connectorId()));
        ConnectorSpec spec = handle.spec();
        SettingField field = spec.setting(start.settingKey());
        if (field == null || field.type() != SettingType.OAUTH2_ACCOUNT) {
            throw new IllegalArgumentException("Not an OAuth 2 setting: " + start.settingKey());
        }
        OAuth2Clients.Registration registration = clients.registration(spec)
                .orElseThrow(() -> new NotConfiguredException(OAuth2Texts.notConfigured(spec)));
        if (clientService.find(start.clientId()).isEmpty()) {
            throw new ClientNotFoundException();
        }
        if (start.connectionId() != null) {
            // Through the tenant's row-level security: another tenant's connection is not found.
            ConnectionService.ConnectionOverview existing = connections.find(start.connectionId())
                    .orElseThrow(ConnectionNotFoundException::new);
            if (!existing.connection().getClientId().equals(start.clientId())
                    || !existing.connection().getConnectorId().equals(spec.id())) {
                throw new ConnectionNotFoundException();
            }
        }
        CampagneUser user = CurrentUser.require();
        UUID tenantId = TenantContext.requireTenant();
        UUID flowId = UUID.randomUUID();
        Instant expiresAt = clock.instant().plus(LIFETIME);
        byte[] verifierBytes = new byte[32];
        RANDOM.nextBytes(verifierBytes);
        String verifier = B64.encodeToString(verifierBytes);
        String redirectUri = baseUrl.replaceAll("/+$", "") + CALLBACK_PATH;
        pending(session).put(flowId, new Pending(flowId, tenantId, user.userId(), start, verifier, redirectUri,
                expiresAt));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", registration.clientId());
        query.put("redirect_uri", redirectUri);
        if (!registration.scopes().isEmpty()) {
            query.put("scope", String.join(" ", registration.scopes()));
        }
        // Google needs both for a refresh token on every consent; other providers ignore them.
        query.put("access_type", "offline");
        query.put("prompt", "consent");
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        query.put("state", states.issue(tenantId, user.userId(), flowId, expiresAt));
        log.info("OAuth 2 flow {} begun for connector {} ({})", flowId, spec.id(), start.settingKey());
        return TokenEndpoint.withQuery(registration.authorizationUri(), query);
    }

    /**
     * The callback. Checks the state (signature, expiry, tenant and user of the session, flow of this
     * session not used yet), then exchanges the code.
     *
     * @param user the signed-in user of the request
     */
    public Return complete(HttpSession session, CampagneUser user, String state, String code, String error,
                           String errorDescription) {
        OAuth2State.Verification verification = states.verify(state);
        if (verification.claims() == null) {
            log.warn("OAuth 2 callback with a forged or garbled state refused");
            return new Return(null, OAuth2Texts.badState());
        }
        OAuth2State.Claims claims = verification.claims();
        UUID currentTenant = user.tenant() == null ? null : user.tenant().tenantId();
        if (!claims.userId().equals(user.userId()) || !claims.tenantId().equals(currentTenant)) {
            log.warn("OAuth 2 callback of flow {} refused: state of another user or tenant", claims.flowId());
            return new Return(null, OAuth2Texts.badState());
        }
        // Single use: the first callback takes the flow out of the session; a replay finds nothing.
        Pending pending = pending(session).get(claims.flowId());
        if (pending == null || !pending.tenantId().equals(claims.tenantId())
                || !pending.userId().equals(claims.userId()) || !pending(session).remove(claims.flowId(), pending)) {
            log.warn("OAuth 2 callback of flow {} refused: unknown or already used in this session", claims.flowId());
            return new Return(null, OAuth2Texts.badState());
        }
        Start start = pending.start();
        String back = formPath(start, claims.flowId());
        Optional<ConnectorHandle> handle = catalog.find(start.connectorId());
        if (handle.isEmpty()) {
            return done(session, pending, Map.of(), null, Text.of("Connecteur indisponible.", "Connector unavailable."));
        }
        ConnectorSpec spec = handle.get().spec();
        if (verification.refusal() != null) {
            return done(session, pending, Map.of(), null, OAuth2Texts.badState());
        }
        if (error != null && !error.isBlank()) {
            log.info("OAuth 2 flow {}: the provider answered {} ", claims.flowId(), error);
            return done(session, pending, Map.of(), null, "access_denied".equals(error) ? OAuth2Texts.denied(spec)
                    : OAuth2Texts.providerError(spec, error.length() > 60 ? error.substring(0, 60) : error));
        }
        if (code == null || code.isBlank()) {
            return done(session, pending, Map.of(), null, OAuth2Texts.providerError(spec, "no code"));
        }
        Optional<OAuth2Clients.Registration> registration = clients.registration(spec);
        if (registration.isEmpty()) {
            return done(session, pending, Map.of(), null, OAuth2Texts.notConfigured(spec));
        }
        TokenEndpoint.Tokens tokens;
        try {
            tokens = TokenEndpoint.exchangeCode(registration.get(), code, pending.redirectUri(), pending.codeVerifier());
        } catch (TokenEndpoint.TokenError e) {
            log.info("OAuth 2 flow {}: code exchange failed: {}", claims.flowId(), e.getMessage());
            return done(session, pending, Map.of(), null, e.transientFailure() ? OAuth2Texts.unavailable(spec)
                    : OAuth2Texts.refused(spec, e.error()));
        }
        Instant now = clock.instant();
        String key = start.settingKey();
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put(key, tokens.accessToken());
        secrets.put(key + TokenRefresher.EXPIRES_AT, OAuth2TokenRefresher.expiry(now, tokens.expiresIn()).toString());
        if (tokens.refreshToken() != null && !tokens.refreshToken().isBlank()) {
            secrets.put(key + TokenRefresher.REFRESH_TOKEN, tokens.refreshToken());
        }
        Instant authorizationExpiresAt = tokens.refreshTokenExpiresIn() == null ? null
                : now.plusSeconds(tokens.refreshTokenExpiresIn());
        if (authorizationExpiresAt != null) {
            secrets.put(key + TokenRefresher.REFRESH_TOKEN_EXPIRES_AT, authorizationExpiresAt.toString());
        }
        if (start.connectionId() != null) {
            try {
                // Under the signed-in user's tenant: the connection of another tenant is not found.
                connections.storeAuthorization(start.connectionId(), key, secrets, authorizationExpiresAt);
            } catch (ConnectionNotFoundException e) {
                return done(session, pending, Map.of(), null, OAuth2Texts.badState());
            }
            log.info("OAuth 2 flow {}: tokens stored on connection {}", claims.flowId(), start.connectionId());
            return done(session, pending, Map.of(), authorizationExpiresAt, null);
        }
        log.info("OAuth 2 flow {}: account authorised, kept with the form until it is saved", claims.flowId());
        return done(session, pending, secrets, authorizationExpiresAt, null);
    }

    /** The result of a flow for the form, once (tenant and user must be the current ones). */
    public Optional<Outcome> take(HttpSession session, UUID flowId) {
        Outcome outcome = done(session).remove(flowId);
        if (outcome == null || !outcome.tenantId().equals(TenantContext.current().map(TenantContext.Scope::tenantId)
                .orElse(null))) {
            return Optional.empty();
        }
        return Optional.of(outcome);
    }

    private Return done(HttpSession session, Pending pending, Map<String, String> tokens, Instant expiresAt,
                        Text error) {
        Start start = pending.start();
        done(session).put(pending.flowId(), new Outcome(pending.flowId(), pending.tenantId(), start.clientId(), start.connectionId(),
                start.connectorId(), start.settingKey(), start.draft(), tokens, expiresAt, error));
        return new Return(formPath(start, pending.flowId()), error);
    }

    /** The form to come back to, relative to the app's root. */
    static String formPath(Start start, UUID flowId) {
        return start.connectionId() == null
                ? "clients/" + start.clientId() + "/connections/new?connector=" + start.connectorId() + "&oauth=" + flowId
                : "clients/" + start.clientId() + "/connections/" + start.connectionId() + "?oauth=" + flowId;
    }

    static String challenge(String verifier) {
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private ConcurrentMap<UUID, Pending> pending(HttpSession session) {
        return (ConcurrentMap<UUID, Pending>) attribute(session, PENDING);
    }

    @SuppressWarnings("unchecked")
    private ConcurrentMap<UUID, Outcome> done(HttpSession session) {
        return (ConcurrentMap<UUID, Outcome>) attribute(session, DONE);
    }

    /** One map per session; old entries are dropped so an abandoned flow does not linger. */
    @SuppressWarnings("unchecked")
    private Object attribute(HttpSession session, String name) {
        synchronized (LOCK) {
            Object map = session.getAttribute(name);
            if (map == null) {
                map = new ConcurrentHashMap<UUID, Object>();
                session.setAttribute(name, map);
            }
            Instant now = clock.instant();
            if (PENDING.equals(name)) {
                ((ConcurrentMap<UUID, Pending>) map).values().removeIf(p -> p.expiresAt().plus(LIFETIME).isBefore(now));
            }
            return map;
        }
    }
}
