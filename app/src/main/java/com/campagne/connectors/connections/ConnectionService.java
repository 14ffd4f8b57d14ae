package com.campagne.connectors.connections;

import com.campagne.audit.AuditAction;
import com.campagne.audit.AuditService;
import com.campagne.base.crypto.CredentialVault;
import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.security.CampagneUser;
import com.campagne.base.security.CurrentUser;
import com.campagne.clients.ClientRepository;
import com.campagne.clients.ClientService.ClientNotFoundException;
import com.campagne.connectors.api.CheckResult;
import com.campagne.connectors.api.ConnectorException;
import com.campagne.connectors.api.ConnectorSpec;
import com.campagne.connectors.api.FailureType;
import com.campagne.connectors.api.Secrets;
import com.campagne.connectors.api.SettingField;
import com.campagne.connectors.api.SettingType;
import com.campagne.connectors.api.Settings;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.api.schema.AccountRecord;
import com.campagne.connectors.connections.ConnectionExceptions.ConnectionNotFoundException;
import com.campagne.connectors.connections.ConnectionExceptions.ConnectorUnavailableException;
import com.campagne.connectors.connections.ConnectionExceptions.InvalidSettingsException;
import com.campagne.connectors.runtime.ConnectorCatalog;
import com.campagne.connectors.runtime.ConnectorHandle;
import com.campagne.connectors.runtime.HostConnectorContext;
import com.campagne.connectors.sync.SyncService;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A client's connections to tools: created, tested, discovered, changed and deleted by the staff
 * (OWNER, ADMIN, MANAGER, CONTRIBUTOR); a CLIENT_VIEWER sees nothing of them. Secrets go in encrypted
 * and never come out of this service except to the connector being called.
 */
@Service
public class ConnectionService {

    /** The error key of the connection's own name in {@link InvalidSettingsException#errors()}. */
    public static final String NAME_KEY = "#name";
    /** The largest file a FILE setting accepts. */
    public static final int MAX_FILE_BYTES = 50 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(ConnectionService.class);

    private final ConnectionRepository connections;
    private final ConnectionAccountRepository accounts;
    private final ConnectionFileRepository files;
    private final ClientRepository clients;
    private final TenantRepository tenants;
    private final ConnectorCatalog catalog;
    private final ConnectionSecrets secrets;
    private final TenantTransactions transactions;
    private final AuditService audit;
    private final ObjectProvider<SyncService> sync;
    private final ObjectProvider<TokenRefresher> refresher;
    private final Clock clock;
    private final TransactionTemplate tx;

    @PersistenceContext
    private EntityManager entityManager;

    ConnectionService(ConnectionRepository connections, ConnectionAccountRepository accounts,
                      ConnectionFileRepository files, ClientRepository clients, TenantRepository tenants,
                      ConnectorCatalog catalog, ConnectionSecrets secrets, TenantTransactions transactions,
                      AuditService audit, ObjectProvider<SyncService> sync, ObjectProvider<TokenRefresher> refresher,
                      Clock clock, PlatformTransactionManager transactionManager) {
        this.connections = connections;
        this.accounts = accounts;
        this.files = files;
        this.clients = clients;
        this.tenants = tenants;
        this.catalog = catalog;
        this.secrets = secrets;
        this.transactions = transactions;
        this.audit = audit;
        this.sync = sync;
        this.refresher = refresher;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactionManager);
    }

    /**
     * A connection as the screens show it.
     *
     * @param connection the connection
     * @param accounts   the accounts chosen
     * @param connector  its connector, empty when its plugin is gone or disabled
     * @param lastSync   the last finished sync, if any
     */
    public record ConnectionOverview(Connection connection, List<ConnectionAccount> accounts,
                                     Optional<ConnectorHandle> connector, Optional<LastSync> lastSync) {
    }

    /**
     * @param endedAt when the last sync ended
     * @param failed  whether it failed
     */
    public record LastSync(Instant endedAt, boolean failed) {
    }

    /** A stored file of a connection, without its content. */
    public record StoredFile(String settingKey, String name, long size) {
    }

    // ---------------------------------------------------------------- reading

    /** The connections of a client of the current tenant, by name; empty for an unknown client. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public List<ConnectionOverview> list(UUID clientId) {
        if (clients.findById(clientId).isEmpty()) {
            return List.of();
        }
        List<Connection> found = connections.findByClientIdOrderByNameAsc(clientId);
        Map<UUID, List<ConnectionAccount>> byConnection = new HashMap<>();
        if (!found.isEmpty()) {
            accounts.findByConnections(found.stream().map(Connection::getId).toList())
                    .forEach(a -> byConnection.computeIfAbsent(a.getConnectionId(), k -> new ArrayList<>()).add(a));
        }
        return found.stream().map(c -> new ConnectionOverview(c, byConnection.getOrDefault(c.getId(), List.of()),
                catalog.find(c.getConnectorId()), lastSync(c.getId()))).toList();
    }

    /** A connection of the current tenant. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public Optional<ConnectionOverview> find(UUID connectionId) {
        return connections.findById(connectionId).map(c -> new ConnectionOverview(c,
                accounts.findByConnection(c.getId()), catalog.find(c.getConnectorId()), lastSync(c.getId())));
    }

    /** The files stored for a connection (names and sizes). */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public List<StoredFile> files(UUID connectionId) {
        require(connectionId);
        return files.findByConnection(connectionId).stream()
                .map(f -> new StoredFile(f.getSettingKey(), f.getFileName(), f.getSize())).toList();
    }

    /** The setting keys whose secret is stored (the values themselves never leave). */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public List<String> storedSecretKeys(UUID connectionId) {
        return List.copyOf(storedSecrets(require(connectionId)).keySet());
    }

    /** Whether "sync now" can be offered (the sync engine is installed). */
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public boolean canSync() {
        return sync.getIfAvailable() != null;
    }

    // ---------------------------------------------------------------- changing

    /**
     * Creates a connection with its settings (secrets encrypted), files, chosen accounts and schedule.
     *
     * @throws InvalidSettingsException     with every wrong setting
     * @throws ConnectorUnavailableException when the connector is not loaded
     */
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public Connection create(UUID clientId, ConnectionDraft draft, List<AccountRecord> chosen, Schedule schedule) {
        ConnectorHandle handle = connector(draft.connectorId());
        Map<String, Text> errors = validate(handle.spec(), draft, Map.of(), Set.of());
        if (!errors.isEmpty()) {
            throw new InvalidSettingsException(errors);
        }
        UUID tenantId = TenantContext.requireTenant();
        Connection saved = tx.execute(status -> {
            if (clients.findById(clientId).isEmpty()) {
                throw new ClientNotFoundException();
            }
            Connection connection = new Connection(clientId, handle.id(), draft.name().trim(),
                    CurrentUser.get().map(CampagneUser::userId).orElse(null));
            connection.setSettings(plainValues(handle.spec(), draft));
            connection.setSecretsCiphertext(secrets.seal(tenantId, connection.getId(),
                    secretValues(handle.spec(), draft, Map.of())));
            connection.setSchedule(schedule == null ? Schedule.DAILY : schedule);
            connection.setCredentialsExpireAt(authorizationExpiry(handle.spec(), draft.secrets()));
            connection.touch(clock.instant());
            Connection stored = connections.save(connection);
            storeFiles(stored.getId(), handle.spec(), draft);
            storeAccounts(stored.getId(), chosen);
            audit.record(AuditAction.CONNECTION_CREATED, stored.getName(), handle.spec().name().fr());
            return stored;
        });
        notifySchedule(saved.getId(), saved.getSchedule());
        return saved;
    }

    /**
     * Changes a connection's name and settings; a secret left blank keeps the stored one, a file not
     * uploaded again keeps the stored file.
     */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public Connection update(UUID connectionId, ConnectionDraft draft) {
        Connection connection = require(connectionId);
        ConnectorHandle handle = connector(connection.getConnectorId());
        Map<String, String> stored = storedSecrets(connection);
        Map<String, Text> errors = validate(handle.spec(), draft, stored, storedFileKeys(connectionId));
        if (!errors.isEmpty()) {
            throw new InvalidSettingsException(errors);
        }
        connection.setName(draft.name().trim());
        connection.setSettings(plainValues(handle.spec(), draft));
        connection.setSecretsCiphertext(secrets.seal(connection.getTenantId(), connection.getId(),
                secretValues(handle.spec(), draft, stored)));
        if (oauthTyped(handle.spec(), draft)) {
            connection.setCredentialsExpireAt(authorizationExpiry(handle.spec(), draft.secrets()));
            connection.setReauthorizationNeeded(false);
        }
        connection.touch(clock.instant());
        storeFiles(connectionId, handle.spec(), draft);
        audit.record(AuditAction.CONNECTION_UPDATED, connection.getName(), null);
        return connection;
    }

    /** Replaces the accounts chosen for a connection. */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public void saveAccounts(UUID connectionId, List<AccountRecord> chosen) {
        Connection connection = require(connectionId);
        accounts.deleteByConnection(connectionId);
        storeAccounts(connectionId, chosen);
        audit.record(AuditAction.CONNECTION_UPDATED, connection.getName(), null);
    }

    /** Changes how often a connection syncs by itself, and tells the sync engine. */
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public void setSchedule(UUID connectionId, Schedule schedule) {
        boolean changed = Boolean.TRUE.equals(tx.execute(status -> {
            Connection connection = require(connectionId);
            if (connection.getSchedule() == schedule) {
                return false;
            }
            connection.setSchedule(schedule);
            connection.touch(clock.instant());
            audit.record(AuditAction.CONNECTION_UPDATED, connection.getName(), schedule.name());
            return true;
        }));
        if (changed) {
            notifySchedule(connectionId, schedule);
        }
    }

    /** Pauses a connection (kept, but the sync engine no longer loads it) or makes it active again. */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public void setStatus(UUID connectionId, ConnectionStatus status) {
        Connection connection = require(connectionId);
        if (connection.getStatus() != status) {
            connection.setStatus(status);
            connection.touch(clock.instant());
            audit.record(AuditAction.CONNECTION_UPDATED, connection.getName(), status.name());
        }
    }

    /** Deletes a connection with its accounts and files, once the sync engine has cancelled its plans. */
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public void delete(UUID connectionId) {
        tx.executeWithoutResult(status -> require(connectionId));
        SyncService engine = sync.getIfAvailable();
        if (engine != null) {
            engine.connectionRemoved(connectionId);
        }
        tx.executeWithoutResult(status -> {
            Connection connection = require(connectionId);
            connections.delete(connection);
            audit.record(AuditAction.CONNECTION_DELETED, connection.getName(), connection.getConnectorId());
        });
    }

    /**
     * Queues a sync now.
     *
     * @throws IllegalStateException         when no sync engine is installed
     * @throws ConnectorUnavailableException when the connector's plugin is gone or disabled
     */
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public UUID syncNow(UUID connectionId) {
        SyncService engine = sync.getIfAvailable();
        if (engine == null) {
            throw new IllegalStateException("No sync engine installed");
        }
        Connection connection = tx.execute(status -> require(connectionId));
        connector(connection.getConnectorId());
        return engine.syncNow(connectionId);
    }

    // ---------------------------------------------------------------- talking to the connector

    /**
     * Tests settings typed in a form (of a new connection, or of a stored one whose blank secrets
     * mean the stored ones). Every failure comes back as an outcome, never as an exception, except
     * settings that fail their declaration ({@link InvalidSettingsException}).
     *
     * @param connectionId the stored connection, or {@code null} for a new one
     */
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public CheckOutcome check(UUID connectionId, ConnectionDraft draft, Locale locale) {
        CheckOutcome outcome;
        ConnectorHandle handle = null;
        try {
            Call call = prepare(connectionId, draft, locale);
            handle = call.handle();
            CheckResult result = call.handle().check(call.context(), call.settings());
            outcome = new CheckOutcome(true, result.message(), null, null, result.credentialsExpireAt());
        } catch (ConnectorException e) {
            outcome = new CheckOutcome(false, e.userMessage(), e.type(), settingAtFault(handle, e), null);
        }
        if (connectionId != null) {
            CheckOutcome seen = outcome;
            tx.executeWithoutResult(status -> connections.findById(connectionId).ifPresent(c -> {
                c.setLastCheckMessage(seen.message().in(locale));
                if (seen.ok() && seen.credentialsExpireAt() != null) {
                    c.setCredentialsExpireAt(seen.credentialsExpireAt());
                }
            }));
        }
        return outcome;
    }

    /**
     * The accounts reachable with settings typed in a form.
     *
     * @throws ConnectorException       what the connector reported, worded for the user
     * @throws InvalidSettingsException with every wrong setting
     */
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public List<AccountRecord> discover(UUID connectionId, ConnectionDraft draft, Locale locale) {
        Call call = prepare(connectionId, draft, locale);
        return call.handle().discover(call.context(), call.settings()).accounts();
    }

    private record Call(ConnectorHandle handle, HostConnectorContext context, Settings settings) {
    }

    /**
     * The setting a failed check points at: the connector's own, else, for refused credentials, the
     * connector's only secret (the token or key the user just typed), so the form says it there.
     */
    private static String settingAtFault(ConnectorHandle handle, ConnectorException e) {
        if (handle == null || e.settingKey() != null || e.type() != FailureType.AUTHENTICATION_EXPIRED) {
            return e.settingKey();
        }
        List<SettingField> secrets = handle.spec().settings().stream()
                .filter(f -> f.type() == SettingType.SECRET).toList();
        return secrets.size() == 1 ? secrets.getFirst().key() : null;
    }

    private Call prepare(UUID connectionId, ConnectionDraft draft, Locale locale) {
        ConnectorHandle handle;
        Map<String, String> storedSecrets = Map.of();
        Map<String, ConnectionFile> storedFiles = Map.of();
        UUID tenantId = TenantContext.requireTenant();
        if (connectionId != null) {
            Connection connection = tx.execute(status -> require(connectionId));
            handle = connector(connection.getConnectorId());
            storedSecrets = storedSecrets(connection);
            Map<String, ConnectionFile> byKey = new HashMap<>();
            tx.executeWithoutResult(status -> files.findByConnection(connectionId)
                    .forEach(f -> byKey.put(f.getSettingKey(), f)));
            storedFiles = byKey;
        } else {
            handle = connector(draft.connectorId());
        }
        Map<String, Text> errors = validate(handle.spec(), draft, storedSecrets, storedFiles.keySet());
        if (!errors.isEmpty()) {
            throw new InvalidSettingsException(errors);
        }
        Map<String, String> merged = freshen(tenantId, connectionId, handle.spec(),
                secretValues(handle.spec(), draft, storedSecrets));
        // A stored connection keeps a token the connector rotates during the test; a new one has nowhere to keep it.
        Secrets callSecrets = connectionId == null || !draft.secrets().values().stream().allMatch(String::isBlank)
                ? HostConnectorContext.memorySecrets(merged)
                : new StoredSecrets(tenantId, connectionId, merged, this::storeRotatedSecret);
        Map<String, Settings.SettingFile> settingFiles = new HashMap<>();
        for (SettingField field : handle.spec().settings()) {
            if (field.type() != SettingType.FILE) {
                continue;
            }
            ConnectionDraft.UploadedFile uploaded = draft.files().get(field.key());
            if (uploaded != null) {
                settingFiles.put(field.key(), memoryFile(uploaded.name(), uploaded.content()));
            } else if (storedFiles.containsKey(field.key())) {
                ConnectionFile stored = storedFiles.get(field.key());
                settingFiles.put(field.key(), memoryFile(stored.getFileName(), stored.getContent()));
            }
        }
        Settings settings = new Settings(plainValues(handle.spec(), draft), settingFiles);
        return new Call(handle, HostConnectorContext.forConnector(handle.id(), callSecrets, locale), settings);
    }

    /**
     * The secrets with every OAuth 2 access token refreshed when it expires within minutes (before any call
     * into the connector); what changed is stored at once for a stored connection.
     *
     * @throws com.campagne.connectors.api.AuthenticationExpiredException when the provider refuses the
     *         refresh token; the connection is then marked as needing a new authorisation
     */
    Map<String, String> freshen(UUID tenantId, UUID connectionId, ConnectorSpec spec, Map<String, String> current) {
        TokenRefresher tokens = refresher.getIfAvailable();
        if (tokens == null || spec.oauth2() == null) {
            return current;
        }
        TokenRefresher.Refreshed refreshed;
        try {
            refreshed = tokens.refresh(spec, current);
        } catch (com.campagne.connectors.api.AuthenticationExpiredException e) {
            if (connectionId != null) {
                transactions.inScope(TenantContext.Scope.tenant(tenantId), () ->
                        connections.findById(connectionId).ifPresent(c -> {
                            c.setReauthorizationNeeded(true);
                            c.setLastCheckMessage(e.userMessage().fr());
                            c.touch(clock.instant());
                        }));
                log.info("Connection {} of tenant {}: the provider refused the refresh token", connectionId, tenantId);
            }
            throw e;
        }
        if (refreshed.changed().isEmpty()) {
            return current;
        }
        Map<String, String> merged = new LinkedHashMap<>(current);
        merged.putAll(refreshed.changed());
        if (connectionId != null) {
            transactions.inScope(TenantContext.Scope.tenant(tenantId), () ->
                    connections.findById(connectionId).ifPresent(c -> {
                        Map<String, String> stored = secrets.open(tenantId, connectionId, c.getSecretsCiphertext());
                        stored.putAll(refreshed.changed());
                        c.setSecretsCiphertext(secrets.seal(tenantId, connectionId, stored));
                        if (refreshed.authorizationExpiresAt() != null) {
                            c.setCredentialsExpireAt(refreshed.authorizationExpiresAt());
                        }
                        c.touch(clock.instant());
                    }));
        }
        return merged;
    }

    /** The stored connection's target with fresh OAuth 2 access tokens, for the sync engine. */
    ConnectionTarget freshen(ConnectionTarget target) {
        if (!(target.secrets() instanceof StoredSecrets stored)) {
            return target;
        }
        Optional<ConnectorHandle> handle = catalog.find(target.connectorId());
        if (handle.isEmpty() || handle.get().spec().oauth2() == null) {
            return target;
        }
        Map<String, String> before = stored.snapshot();
        Map<String, String> after = freshen(target.tenantId(), target.connectionId(), handle.get().spec(), before);
        if (after == before) {
            return target;
        }
        return new ConnectionTarget(target.tenantId(), target.clientId(), target.connectionId(), target.connectorId(),
                target.settings(), new StoredSecrets(target.tenantId(), target.connectionId(), after,
                this::storeRotatedSecret), target.accountIds(), target.schedule());
    }

    /**
     * Stores the tokens of an OAuth 2 account just authorised on a stored connection of the current tenant
     * (the callback of the flow), replacing the previous ones.
     *
     * @throws ConnectionNotFoundException when the connection is not the current tenant's
     */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public void storeAuthorization(UUID connectionId, String settingKey, Map<String, String> tokens,
                                   Instant authorizationExpiresAt) {
        Connection connection = require(connectionId);
        ConnectorHandle handle = connector(connection.getConnectorId());
        SettingField field = handle.spec().setting(settingKey);
        if (field == null || field.type() != SettingType.OAUTH2_ACCOUNT) {
            throw new IllegalArgumentException("Not an OAuth 2 setting: " + settingKey);
        }
        Map<String, String> stored = storedSecrets(connection);
        stored.keySet().removeIf(k -> k.equals(settingKey) || k.startsWith(settingKey + "."));
        tokens.forEach((k, v) -> {
            if (k.equals(settingKey) || k.startsWith(settingKey + ".")) {
                stored.put(k, v);
            }
        });
        connection.setSecretsCiphertext(secrets.seal(connection.getTenantId(), connection.getId(), stored));
        connection.setCredentialsExpireAt(authorizationExpiresAt);
        connection.setReauthorizationNeeded(false);
        connection.setLastCheckMessage(null);
        connection.touch(clock.instant());
        audit.record(AuditAction.CONNECTION_UPDATED, connection.getName(), "oauth2:" + settingKey);
    }

    /** Stores a secret a connector rotated (a refreshed token), encrypted again; works from any thread. */
    void storeRotatedSecret(UUID tenantId, UUID connectionId, String key, String value) {
        transactions.inScope(TenantContext.Scope.tenant(tenantId), () -> {
            connections.findById(connectionId).ifPresent(connection -> {
                Map<String, String> current = secrets.open(tenantId, connectionId, connection.getSecretsCiphertext());
                current.put(key, value);
                connection.setSecretsCiphertext(secrets.seal(tenantId, connectionId, current));
                connection.touch(clock.instant());
            });
        });
        log.info("Connection {} of tenant {}: the connector replaced the secret {}", connectionId, tenantId, key);
    }

    // ---------------------------------------------------------------- platform

    /**
     * Encrypts every connection's secrets again with the vault's current primary key, tenant by tenant
     * (after a key rotation, so the old key can eventually be removed from the keyset).
     *
     * @return how many connections were re-encrypted
     */
    @RolesAllowed(Role.PLATFORM_ADMIN_NAME)
    public int reencryptAll() {
        int count = 0;
        for (UUID tenantId : tenants.findAll().stream().map(t -> t.getId()).toList()) {
            count += transactions.inScope(TenantContext.Scope.tenant(tenantId), () -> {
                int n = 0;
                for (Connection connection : connections.findAll()) {
                    if (connection.getSecretsCiphertext() == null) {
                        continue;
                    }
                    try {
                        Map<String, String> open = secrets.open(tenantId, connection.getId(),
                                connection.getSecretsCiphertext());
                        connection.setSecretsCiphertext(secrets.seal(tenantId, connection.getId(), open));
                        n++;
                    } catch (CredentialVault.UnreadableSecretException e) {
                        // Left as is: its secrets must be typed again; the others still move to the new key.
                        log.warn("Connection {} of tenant {}: secrets unreadable, not re-encrypted",
                                connection.getId(), tenantId);
                    }
                }
                return n;
            });
        }
        log.info("Re-encrypted the secrets of {} connections with the primary key", count);
        return count;
    }

    // ---------------------------------------------------------------- rules

    /**
     * Every error of a form against the connector's declaration, by setting key: required values, types,
     * patterns, bounds; a secret or file already stored satisfies "required".
     */
    static Map<String, Text> validate(ConnectorSpec spec, ConnectionDraft draft, Map<String, String> storedSecrets,
                                      Set<String> storedFiles) {
        Map<String, Text> errors = new LinkedHashMap<>();
        if (draft.name() == null || draft.name().isBlank()) {
            errors.put(NAME_KEY, Text.of("Donnez un nom à la connexion.", "Give the connection a name."));
        } else if (draft.name().trim().length() > 200) {
            errors.put(NAME_KEY, Text.of("200 caractères au plus.", "200 characters at most."));
        }
        for (SettingField field : spec.settings()) {
            switch (field.type()) {
                case SECRET -> {
                    String typed = draft.secrets().get(field.key());
                    if (typed == null || typed.isBlank()) {
                        if (field.required() && !storedSecrets.containsKey(field.key())) {
                            errors.put(field.key(), Text.of("Ce champ est obligatoire.", "This field is required."));
                        }
                    } else {
                        field.validate(typed).ifPresent(e -> errors.put(field.key(), e));
                    }
                }
                case FILE -> {
                    ConnectionDraft.UploadedFile file = draft.files().get(field.key());
                    if (file == null) {
                        if (field.required() && !storedFiles.contains(field.key())) {
                            errors.put(field.key(), Text.of("Ajoutez un fichier.", "Add a file."));
                        }
                    } else if (file.content().length > MAX_FILE_BYTES) {
                        errors.put(field.key(), Text.of("Fichier trop lourd (50 Mo au plus).",
                                "File too large (50 MB at most)."));
                    }
                }
                // Authorised through the host's OAuth 2 flow: required means a token is there.
                case OAUTH2_ACCOUNT -> {
                    String typed = draft.secrets().get(field.key());
                    if (field.required() && (typed == null || typed.isBlank())
                            && !storedSecrets.containsKey(field.key())) {
                        errors.put(field.key(), Text.of("Connectez le compte avant de continuer.",
                                "Connect the account first."));
                    }
                }
                default -> field.validate(draft.values().get(field.key())).ifPresent(e -> errors.put(field.key(), e));
            }
        }
        return errors;
    }

    private static Map<String, String> plainValues(ConnectorSpec spec, ConnectionDraft draft) {
        Map<String, String> values = new LinkedHashMap<>();
        for (SettingField field : spec.settings()) {
            if (field.secret() || field.type() == SettingType.FILE) {
                continue;
            }
            String value = draft.values().get(field.key());
            if (value != null && !value.isBlank()) {
                values.put(field.key(), value.trim());
            }
        }
        return values;
    }

    private static Map<String, String> secretValues(ConnectorSpec spec, ConnectionDraft draft,
                                                    Map<String, String> stored) {
        Map<String, String> values = new LinkedHashMap<>();
        for (SettingField field : spec.settings()) {
            if (!field.secret()) {
                continue;
            }
            String typed = draft.secrets().get(field.key());
            // An OAuth 2 account's access token comes with its refresh token and expiries (K.refresh_token…).
            Map<String, String> source = typed != null && !typed.isBlank() ? draft.secrets() : stored;
            if (source.containsKey(field.key())) {
                values.put(field.key(), source.get(field.key()));
            }
            if (field.type() == SettingType.OAUTH2_ACCOUNT) {
                for (String suffix : List.of(TokenRefresher.REFRESH_TOKEN, TokenRefresher.EXPIRES_AT,
                        TokenRefresher.REFRESH_TOKEN_EXPIRES_AT)) {
                    String value = source.get(field.key() + suffix);
                    if (value != null && !value.isBlank()) {
                        values.put(field.key() + suffix, value);
                    }
                }
            }
        }
        return values;
    }

    private static boolean oauthTyped(ConnectorSpec spec, ConnectionDraft draft) {
        return spec.settings().stream().anyMatch(f -> f.type() == SettingType.OAUTH2_ACCOUNT
                && draft.secrets().get(f.key()) != null && !draft.secrets().get(f.key()).isBlank());
    }

    /** When the OAuth 2 authorisations typed in a form end (the earliest), if the provider said. */
    private static Instant authorizationExpiry(ConnectorSpec spec, Map<String, String> typed) {
        Instant earliest = null;
        for (SettingField field : spec.settings()) {
            String at = field.type() == SettingType.OAUTH2_ACCOUNT
                    ? typed.get(field.key() + TokenRefresher.REFRESH_TOKEN_EXPIRES_AT) : null;
            if (at == null || at.isBlank()) {
                continue;
            }
            try {
                Instant instant = Instant.parse(at.trim());
                earliest = earliest == null || instant.isBefore(earliest) ? instant : earliest;
            } catch (java.time.format.DateTimeParseException ignored) {
                // Written by the host itself; an unreadable one only loses the date shown.
            }
        }
        return earliest;
    }

    private void storeFiles(UUID connectionId, ConnectorSpec spec, ConnectionDraft draft) {
        Instant now = clock.instant();
        for (SettingField field : spec.settings()) {
            ConnectionDraft.UploadedFile file = draft.files().get(field.key());
            if (field.type() == SettingType.FILE && file != null) {
                files.save(new ConnectionFile(connectionId, field.key(), truncate(file.name(), 255), file.content(),
                        now));
            }
        }
    }

    private void storeAccounts(UUID connectionId, List<AccountRecord> chosen) {
        if (chosen == null) {
            return;
        }
        Map<String, AccountRecord> unique = new LinkedHashMap<>();
        chosen.forEach(a -> unique.putIfAbsent(a.accountId(), a));
        for (AccountRecord account : unique.values()) {
            accounts.save(new ConnectionAccount(connectionId, truncate(account.accountId(), 255),
                    truncate(account.name(), 500), account.currency(),
                    account.timeZone() == null ? null : account.timeZone().getId()));
        }
    }

    private Set<String> storedFileKeys(UUID connectionId) {
        return new HashSet<>(files.findByConnection(connectionId).stream()
                .map(ConnectionFile::getSettingKey).toList());
    }

    /**
     * The stored secrets for the screens; ones that no longer decrypt (key removed from the keyset,
     * ciphertext moved between rows) count as missing, so the user types them again.
     */
    private Map<String, String> storedSecrets(Connection connection) {
        try {
            return secrets.open(connection.getTenantId(), connection.getId(), connection.getSecretsCiphertext());
        } catch (CredentialVault.UnreadableSecretException e) {
            log.warn("The secrets of connection {} cannot be decrypted; they must be entered again", connection.getId());
            return new TreeMap<>();
        }
    }

    private Connection require(UUID connectionId) {
        return connections.findById(connectionId).orElseThrow(ConnectionNotFoundException::new);
    }

    private ConnectorHandle connector(String connectorId) {
        return catalog.find(connectorId).orElseThrow(() -> new ConnectorUnavailableException(connectorId));
    }

    private void notifySchedule(UUID connectionId, Schedule schedule) {
        SyncService engine = sync.getIfAvailable();
        if (engine != null) {
            engine.scheduleChanged(connectionId, schedule);
        }
    }

    private Optional<LastSync> lastSync(UUID connectionId) {
        List<?> rows = entityManager.createNativeQuery("""
                        select ended_at, failure_type from sync_runs
                        where connection_id = ?1 and ended_at is not null
                        order by ended_at desc limit 1""")
                .setParameter(1, connectionId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.getFirst();
        Instant endedAt = switch (row[0]) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            default -> null;
        };
        return endedAt == null ? Optional.empty() : Optional.of(new LastSync(endedAt, row[1] != null));
    }

    static Settings.SettingFile memoryFile(String name, byte[] content) {
        return new Settings.SettingFile() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long size() {
                return content.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(content);
            }

            @Override
            public String toString() {
                return "SettingFile[" + name + ", " + content.length + " bytes]";
            }
        };
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
