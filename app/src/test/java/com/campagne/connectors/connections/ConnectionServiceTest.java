package com.campagne.connectors.connections;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.accounts.SignupService;
import com.campagne.audit.AuditAction;
import com.campagne.audit.AuditEventRepository;
import com.campagne.base.crypto.CredentialVault;
import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.security.CampagneUser;
import com.campagne.clients.ClientService;
import com.campagne.connectors.api.FailureType;
import com.campagne.connectors.api.schema.AccountRecord;
import com.campagne.connectors.connections.ConnectionExceptions.InvalidSettingsException;
import com.campagne.connectors.runtime.ConnectorCatalog;
import com.campagne.support.IntegrationTest;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantKind;
import com.campagne.tenancy.UserRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static com.campagne.connectors.connections.ConnectionFixture.as;
import static com.campagne.connectors.connections.ConnectionFixture.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A connection's life through the service: form, test, accounts, save, change, delete; secrets sealed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionServiceTest extends IntegrationTest {

    @Autowired SignupService signup;
    @Autowired AccountUserDetailsService accountsService;
    @Autowired TenantTransactions transactions;
    @Autowired UserRepository users;
    @Autowired java.time.Clock clock;
    @Autowired ConnectorCatalog catalog;
    @Autowired ConnectionService service;
    @Autowired ConnectionTargets targets;
    @Autowired ClientService clientService;
    @Autowired AuditEventRepository auditEvents;
    @Autowired CredentialVault vault;
    @Autowired DataSource dataSource;

    CampagneUser owner;
    UUID clientId;

    @BeforeAll
    void organisation() {
        owner = ConnectionFixture.owner(signup, accountsService, transactions, users, clock, TenantKind.BUSINESS,
                "Fleuriste Test " + UUID.randomUUID().toString().substring(0, 6));
        clientId = as(owner, () -> clientService.active()).getFirst().getId();
    }

    @BeforeEach
    void connector() {
        TestConnector.register(catalog);
    }

    @Test
    void formTestAccountsAndSave() throws Exception {
        // Every wrong field at once, in words, at its field.
        InvalidSettingsException invalid = catchThrowableOfType(InvalidSettingsException.class,
                () -> as(owner, () -> service.check(null, draft("", "12-34", ""), Locale.FRENCH)));
        assertThat(invalid.errors()).containsOnlyKeys(ConnectionService.NAME_KEY, "customerId", "apiKey");
        assertThat(invalid.errors().get("customerId").fr()).isEqualTo("Format attendu : 123-456-7890.");

        // A refused key: the connector's own message, attached to the key's field.
        CheckOutcome refused = as(owner, () -> service.check(null, draft("Régie", "123-456-7890", "mauvaise"),
                Locale.FRENCH));
        assertThat(refused.ok()).isFalse();
        assertThat(refused.failureType()).isEqualTo(FailureType.BAD_SETTINGS);
        assertThat(refused.settingKey()).isEqualTo("apiKey");
        assertThat(refused.message().in(Locale.FRENCH)).isEqualTo("Cette clé d’API est refusée par Régie Test.");

        ConnectionDraft good = withFile(draft("Régie Paris", "123-456-7890", TestConnector.GOOD_KEY));
        CheckOutcome ok = as(owner, () -> service.check(null, good, Locale.FRENCH));
        assertThat(ok.ok()).isTrue();
        assertThat(ok.message().fr()).isEqualTo("Connecté au client 123-456-7890");
        assertThat(TestConnector.LAST_SETTINGS.get().file("report")).isPresent();

        List<AccountRecord> found = as(owner, () -> service.discover(null, good, Locale.FRENCH));
        assertThat(found).extracting(AccountRecord::accountId).containsExactly("act-1", "act-2", "act-3");

        Connection created = as(owner, () -> service.create(clientId, good, List.of(found.get(1)), Schedule.DAILY));
        List<ConnectionService.ConnectionOverview> listed = as(owner, () -> service.list(clientId));
        ConnectionService.ConnectionOverview overview = listed.stream()
                .filter(o -> o.connection().getId().equals(created.getId())).findFirst().orElseThrow();
        assertThat(overview.connection().getName()).isEqualTo("Régie Paris");
        assertThat(overview.connection().getSettings()).containsEntry("customerId", "123-456-7890")
                .doesNotContainKey("apiKey");
        assertThat(overview.accounts()).extracting(ConnectionAccount::getAccountId).containsExactly("act-2");
        assertThat(overview.accounts().getFirst().getCurrency()).isEqualTo("EUR");
        assertThat(overview.accounts().getFirst().getTimeZone()).isEqualTo("Europe/Paris");
        assertThat(overview.connector()).isPresent();
        assertThat(as(owner, () -> service.files(created.getId())))
                .containsExactly(new ConnectionService.StoredFile("report", "rapport.csv", 23));
        assertThat(as(owner, () -> service.storedSecretKeys(created.getId()))).containsExactly("apiKey");
        assertThat(overview.connection().toString()).doesNotContain(TestConnector.GOOD_KEY);

        // At rest: the settings are readable, the key is not.
        byte[] ciphertext = rawCiphertext(owner.tenant().tenantId(), created.getId());
        assertThat(ciphertext).isNotNull();
        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain(TestConnector.GOOD_KEY);
        assertThat(indexOf(ciphertext, TestConnector.GOOD_KEY.getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);

        // The sync engine's view: decrypted, with the file and the account.
        ConnectionTarget target = targets.load(owner.tenant().tenantId(), created.getId()).orElseThrow();
        assertThat(target.secrets().get("apiKey")).isEqualTo(TestConnector.GOOD_KEY);
        assertThat(target.accountIds()).containsExactly("act-2");
        assertThat(target.clientId()).isEqualTo(clientId);
        try (InputStream in = target.settings().file("report").orElseThrow().open()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("date;cout\n2026-11-01;12");
        }
        assertThat(target.toString()).doesNotContain(TestConnector.GOOD_KEY);

        assertThat(transactions.inScope(TenantContext.Scope.tenant(owner.tenant().tenantId()),
                () -> auditEvents.findAll()).stream().filter(e -> e.getAction() == AuditAction.CONNECTION_CREATED))
                .extracting(e -> e.getTarget()).contains("Régie Paris");
    }

    @Test
    void aBlankSecretKeepsTheStoredOneAndAccountsAndScheduleChange() {
        Connection created = as(owner, () -> service.create(clientId,
                draft("Régie Lyon", "123-456-7890", TestConnector.GOOD_KEY), List.of(), Schedule.HOURLY));
        ConnectionDraft changed = draft("Régie Lyon (EU)", "999-456-7890", "");
        as(owner, () -> service.update(created.getId(), changed));

        ConnectionTarget target = targets.load(owner.tenant().tenantId(), created.getId()).orElseThrow();
        assertThat(target.secrets().get("apiKey")).isEqualTo(TestConnector.GOOD_KEY);
        assertThat(target.settings().get("customerId")).isEqualTo("999-456-7890");
        // Testing the stored connection with the key left blank uses the stored key.
        assertThat(as(owner, () -> service.check(created.getId(), changed, Locale.ENGLISH)).ok()).isTrue();
        assertThat(as(owner, () -> service.find(created.getId())).orElseThrow().connection().getLastCheckMessage())
                .isEqualTo("Connected to customer 999-456-7890");

        // A new key replaces the old one.
        as(owner, () -> service.update(created.getId(), draft("Régie Lyon (EU)", "999-456-7890", "nouvelle-cle")));
        assertThat(targets.load(owner.tenant().tenantId(), created.getId()).orElseThrow().secrets().get("apiKey"))
                .isEqualTo("nouvelle-cle");

        List<AccountRecord> found = as(owner, () -> service.discover(created.getId(),
                draft("Régie Lyon (EU)", "999-456-7890", TestConnector.GOOD_KEY), Locale.FRENCH));
        as(owner, () -> service.saveAccounts(created.getId(), found.subList(0, 2)));
        as(owner, () -> service.saveAccounts(created.getId(), found.subList(1, 3)));
        as(owner, () -> service.setSchedule(created.getId(), Schedule.WEEKLY));
        ConnectionTarget after = targets.load(owner.tenant().tenantId(), created.getId()).orElseThrow();
        assertThat(after.accountIds()).containsExactlyInAnyOrder("act-2", "act-3");
        assertThat(after.schedule()).isEqualTo(Schedule.WEEKLY);

        // Paused: kept, but the sync engine no longer gets it.
        as(owner, () -> service.setStatus(created.getId(), ConnectionStatus.PAUSED));
        assertThat(targets.load(owner.tenant().tenantId(), created.getId())).isEmpty();
        as(owner, () -> service.setStatus(created.getId(), ConnectionStatus.ACTIVE));
        assertThat(targets.load(owner.tenant().tenantId(), created.getId())).isPresent();
    }

    @Test
    void aTokenTheConnectorRotatesIsStoredEncrypted() {
        Connection created = as(owner, () -> service.create(clientId,
                draft("Régie rotative", "123-456-7890", TestConnector.ROTATING_KEY), List.of(), Schedule.MANUAL));
        ConnectionTarget target = targets.load(owner.tenant().tenantId(), created.getId()).orElseThrow();
        target.secrets().put("apiKey", TestConnector.ROTATED_KEY);
        assertThat(targets.load(owner.tenant().tenantId(), created.getId()).orElseThrow().secrets().get("apiKey"))
                .isEqualTo(TestConnector.ROTATED_KEY);

        // Also when the connector rotates it during a test of the stored connection.
        Connection other = as(owner, () -> service.create(clientId,
                draft("Régie rotative 2", "123-456-7890", TestConnector.ROTATING_KEY), List.of(), Schedule.MANUAL));
        assertThat(as(owner, () -> service.check(other.getId(), draft("Régie rotative 2", "123-456-7890", ""),
                Locale.FRENCH)).ok()).isTrue();
        assertThat(targets.load(owner.tenant().tenantId(), other.getId()).orElseThrow().secrets().get("apiKey"))
                .isEqualTo(TestConnector.ROTATED_KEY);
    }

    @Test
    void deleteRemovesTheConnectionItsAccountsAndFiles() throws SQLException {
        Connection created = as(owner, () -> service.create(clientId,
                withFile(draft("À supprimer", "123-456-7890", TestConnector.GOOD_KEY)),
                List.of(new AccountRecord("act-1", "Boutique Paris", "EUR", java.time.ZoneId.of("Europe/Paris"))),
                Schedule.DAILY));
        UUID tenant = owner.tenant().tenantId();
        assertThat(countAs(tenant, "connection_accounts", created.getId())).isEqualTo(1);
        assertThat(countAs(tenant, "connection_files", created.getId())).isEqualTo(1);
        as(owner, () -> service.delete(created.getId()));
        assertThat(as(owner, () -> service.find(created.getId()))).isEmpty();
        assertThat(countAs(tenant, "connection_accounts", created.getId())).isZero();
        assertThat(countAs(tenant, "connection_files", created.getId())).isZero();
        assertThat(targets.load(tenant, created.getId())).isEmpty();
        assertThat(transactions.inScope(TenantContext.Scope.tenant(tenant), () -> auditEvents.findAll()).stream()
                .filter(e -> e.getAction() == AuditAction.CONNECTION_DELETED)).extracting(e -> e.getTarget())
                .contains("À supprimer");
    }

    @Test
    void aConnectionWhosePluginIsGoneSaysSoAndCannotBeTested() {
        Connection created = as(owner, () -> service.create(clientId,
                draft("Régie disparue", "123-456-7890", TestConnector.GOOD_KEY), List.of(), Schedule.DAILY));
        catalog.unregisterPlugin("test");
        try {
            assertThat(as(owner, () -> service.find(created.getId())).orElseThrow().connector()).isEmpty();
            assertThatThrownBy(() -> as(owner, () -> service.check(created.getId(),
                    draft("Régie disparue", "123-456-7890", ""), Locale.FRENCH)))
                    .isInstanceOf(ConnectionExceptions.ConnectorUnavailableException.class);
        } finally {
            TestConnector.register(catalog);
        }
    }

    @Test
    void reencryptAllMovesEveryConnectionToTheNewPrimaryKey() throws SQLException {
        Connection created = as(owner, () -> service.create(clientId,
                draft("Avant rotation", "123-456-7890", TestConnector.GOOD_KEY), List.of(), Schedule.DAILY));
        UUID tenant = owner.tenant().tenantId();
        int before = keyIdOf(rawCiphertext(tenant, created.getId()));
        assertThat(before).isEqualTo(vault.primaryKeyId());

        vault.addPrimaryKey();
        assertThat(vault.primaryKeyId()).isNotEqualTo(before);
        // The old ciphertext still decrypts with the old key, still in the keyset.
        assertThat(targets.load(tenant, created.getId()).orElseThrow().secrets().get("apiKey"))
                .isEqualTo(TestConnector.GOOD_KEY);

        // Only the platform operator may re-encrypt everything.
        assertThatThrownBy(() -> as(owner, () -> service.reencryptAll()))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        int count = as(UsernamePasswordAuthenticationToken.authenticated("operator", null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Role.PLATFORM_ADMIN_NAME))), () -> service.reencryptAll());
        assertThat(count).isGreaterThanOrEqualTo(1);
        assertThat(keyIdOf(rawCiphertext(tenant, created.getId()))).isEqualTo(vault.primaryKeyId());
        assertThat(targets.load(tenant, created.getId()).orElseThrow().secrets().get("apiKey"))
                .isEqualTo(TestConnector.GOOD_KEY);
    }

    // --- helpers

    private static ConnectionDraft withFile(ConnectionDraft draft) {
        return new ConnectionDraft(draft.connectorId(), draft.name(), draft.values(), draft.secrets(),
                Map.of("report", new ConnectionDraft.UploadedFile("rapport.csv",
                        "date;cout\n2026-11-01;12".getBytes(StandardCharsets.UTF_8))));
    }

    /** Tink's output prefix: a version byte, then the id of the key that encrypted. */
    private static int keyIdOf(byte[] ciphertext) {
        return java.nio.ByteBuffer.wrap(ciphertext, 1, 4).getInt();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    private byte[] rawCiphertext(UUID tenant, UUID connectionId) throws SQLException {
        try (java.sql.Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                scope(c, tenant);
                try (PreparedStatement ps = c.prepareStatement("select secrets_ciphertext from connections where id = ?")) {
                    ps.setObject(1, connectionId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getBytes(1) : null;
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private long countAs(UUID tenant, String table, UUID connectionId) throws SQLException {
        try (java.sql.Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                scope(c, tenant);
                try (PreparedStatement ps = c.prepareStatement("select count(*) from " + table
                        + " where connection_id = ?")) {
                    ps.setObject(1, connectionId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    static void scope(java.sql.Connection c, UUID tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            ps.setString(1, tenant == null ? "" : tenant.toString());
            ps.execute();
        }
    }

    @SuppressWarnings("unused")
    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @SuppressWarnings("unused")
    private static byte[] bytes(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
