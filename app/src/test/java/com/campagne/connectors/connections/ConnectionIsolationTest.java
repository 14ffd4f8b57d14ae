package com.campagne.connectors.connections;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.accounts.SignupService;
import com.campagne.base.crypto.CredentialVault;
import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.security.CampagneUser;
import com.campagne.clients.ClientService;
import com.campagne.connectors.api.schema.AccountRecord;
import com.campagne.connectors.connections.ConnectionExceptions.ConnectionNotFoundException;
import com.campagne.connectors.runtime.ConnectorCatalog;
import com.campagne.support.IntegrationTest;
import com.campagne.tenancy.Membership;
import com.campagne.tenancy.MembershipRepository;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantKind;
import com.campagne.tenancy.User;
import com.campagne.tenancy.UserRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static com.campagne.connectors.connections.ConnectionFixture.as;
import static com.campagne.connectors.connections.ConnectionFixture.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tenant A, given tenant B's connection ids, reads and changes nothing of B's connections, their
 * accounts, files and secrets, through the service, the repositories, the sync engine's loader and
 * raw SQL as the application's role; a client viewer of B sees nothing of B's connections either.
 * Re-run by CI against an external PostgreSQL server (name ends in IsolationTest).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionIsolationTest extends IntegrationTest {

    static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Autowired SignupService signup;
    @Autowired AccountUserDetailsService accountsService;
    @Autowired TenantTransactions transactions;
    @Autowired UserRepository users;
    @Autowired MembershipRepository memberships;
    @Autowired Clock clock;
    @Autowired ConnectorCatalog catalog;
    @Autowired ConnectionService service;
    @Autowired ConnectionTargets targets;
    @Autowired ConnectionRepository connections;
    @Autowired ConnectionAccountRepository accounts;
    @Autowired ConnectionFileRepository files;
    @Autowired ConnectionSecrets secrets;
    @Autowired ClientService clientService;
    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager transactionManager;

    CampagneUser ownerA;
    CampagneUser ownerB;
    CampagneUser viewerB;
    UUID tenantA;
    UUID tenantB;
    UUID clientA;
    UUID clientB;
    UUID connectionB;
    UUID otherConnectionB;
    List<String> bBefore;

    @BeforeAll
    void twoTenants() {
        TestConnector.register(catalog);
        String run = UUID.randomUUID().toString().substring(0, 6);
        ownerA = ConnectionFixture.owner(signup, accountsService, transactions, users, clock, TenantKind.AGENCY,
                "Agence Alpha " + run);
        ownerB = ConnectionFixture.owner(signup, accountsService, transactions, users, clock, TenantKind.BUSINESS,
                "Boulangerie Beta " + run);
        tenantA = ownerA.tenant().tenantId();
        tenantB = ownerB.tenant().tenantId();
        clientA = as(ownerA, () -> clientService.save(new com.campagne.clients.Client("Client Alpha " + run))).getId();
        clientB = as(ownerB, () -> clientService.active()).getFirst().getId();
        ConnectionDraft withFile = new ConnectionDraft(TestConnector.ID, "Régie de B", draft("x", "123-456-7890",
                TestConnector.GOOD_KEY).values(), Map.of("apiKey", TestConnector.GOOD_KEY),
                Map.of("report", new ConnectionDraft.UploadedFile("b.csv", "secret de B".getBytes(StandardCharsets.UTF_8))));
        connectionB = as(ownerB, () -> service.create(clientB, withFile,
                List.of(new AccountRecord("act-b", "Compte B", "EUR", ZoneId.of("Europe/Paris"))), Schedule.DAILY)).getId();
        otherConnectionB = as(ownerB, () -> service.create(clientB, draft("Autre de B", "123-456-7890", "autre-cle"),
                List.of(), Schedule.DAILY)).getId();

        // A client viewer of B, with B's client granted.
        String viewerEmail = "viewer-" + run + "@connections.test";
        transactions.inScope(new TenantContext.Scope(null, null, null), () -> {
            User user = new User(viewerEmail, "not a password hash", "Victor", "fr", clock.instant());
            user.markEmailVerified(clock.instant());
            user.setLastTenantId(tenantB);
            users.save(user);
        });
        transactions.inScope(TenantContext.Scope.tenant(tenantB), () -> {
            memberships.save(new Membership(users.findByEmail(viewerEmail).orElseThrow(), Role.CLIENT_VIEWER,
                    clock.instant()));
        });
        viewerB = accountsService.loadUserByUsername(viewerEmail);
        assertThat(viewerB.tenant().role()).isEqualTo(Role.CLIENT_VIEWER);
        bBefore = snapshotOfB();
        assertThat(bBefore).filteredOn(r -> r.startsWith("connection ")).hasSize(2);
        assertThat(bBefore).filteredOn(r -> r.startsWith("account ")).hasSize(1);
        assertThat(bBefore).filteredOn(r -> r.startsWith("file ")).hasSize(1);
    }

    @BeforeEach
    void connector() {
        TestConnector.register(catalog);
    }

    @Test
    void theServiceShowsAndChangesNothingOfAnotherTenant() {
        as(ownerA, () -> {
            assertThat(service.list(clientB)).isEmpty();
            assertThat(service.find(connectionB)).isEmpty();
            ConnectionDraft takeover = draft("Pris par A", "123-456-7890", "cle-de-a");
            assertThatThrownBy(() -> service.update(connectionB, takeover)).isInstanceOf(ConnectionNotFoundException.class);
            assertThatThrownBy(() -> service.saveAccounts(connectionB, List.of()))
                    .isInstanceOf(ConnectionNotFoundException.class);
            assertThatThrownBy(() -> service.setSchedule(connectionB, Schedule.HOURLY))
                    .isInstanceOf(ConnectionNotFoundException.class);
            assertThatThrownBy(() -> service.delete(connectionB)).isInstanceOf(ConnectionNotFoundException.class);
            assertThatThrownBy(() -> service.files(connectionB)).isInstanceOf(ConnectionNotFoundException.class);
            assertThatThrownBy(() -> service.storedSecretKeys(connectionB))
                    .isInstanceOf(ConnectionNotFoundException.class);
            // Testing B's connection with its stored key (blank secret) must not reach B's key.
            assertThatThrownBy(() -> service.check(connectionB, draft("x", "123-456-7890", ""), Locale.FRENCH))
                    .isInstanceOf(ConnectionNotFoundException.class);
            assertThatThrownBy(() -> service.discover(connectionB, draft("x", "123-456-7890", ""), Locale.FRENCH))
                    .isInstanceOf(ConnectionNotFoundException.class);
            // A connection for B's client cannot be created from A.
            assertThatThrownBy(() -> service.create(clientB, draft("Intrus", "123-456-7890", "k"), List.of(),
                    Schedule.DAILY)).isInstanceOf(ClientService.ClientNotFoundException.class);
        });
        assertThat(snapshotOfB()).isEqualTo(bBefore);
    }

    @Test
    void aClientViewerSeesNothingOfConnections() {
        as(viewerB, () -> {
            assertThatThrownBy(() -> service.list(clientB)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.find(connectionB)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.delete(connectionB)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.check(connectionB, draft("x", "123-456-7890", ""), Locale.FRENCH))
                    .isInstanceOf(AccessDeniedException.class);
        });
        assertThat(snapshotOfB()).isEqualTo(bBefore);
    }

    @Test
    void repositoriesAndTheSyncLoaderFindNothingOfAnotherTenant() {
        as(ownerA, () -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            assertThat(connections.findById(connectionB)).isEmpty();
            assertThat(connections.findByClientIdOrderByNameAsc(clientB)).isEmpty();
            assertThat(connections.findAll()).allSatisfy(c -> assertThat(c.getTenantId()).isEqualTo(tenantA));
            assertThat(accounts.findByConnection(connectionB)).isEmpty();
            assertThat(accounts.findAll()).allSatisfy(a -> assertThat(a.getTenantId()).isEqualTo(tenantA));
            assertThat(files.findByConnection(connectionB)).isEmpty();
            assertThat(files.findAll()).allSatisfy(f -> assertThat(f.getTenantId()).isEqualTo(tenantA));
            assertThat(accounts.deleteByConnection(connectionB)).isZero();
            assertThat(files.deleteByConnection(connectionB)).isZero();
        }));
        // The sync engine asks with a tenant: the wrong one finds nothing.
        assertThat(targets.load(tenantA, connectionB)).isEmpty();
        assertThat(targets.load(tenantB, connectionB)).isPresent();
        assertThat(snapshotOfB()).isEqualTo(bBefore);
    }

    @Test
    void aCiphertextMovedToAnotherConnectionOrTenantDoesNotOpen() throws SQLException {
        byte[] ciphertext = transactions.inScope(TenantContext.Scope.tenant(tenantB),
                () -> connections.findById(connectionB).orElseThrow().getSecretsCiphertext());
        assertThat(secrets.open(tenantB, connectionB, ciphertext)).containsEntry("apiKey", TestConnector.GOOD_KEY);
        assertThatThrownBy(() -> secrets.open(tenantA, connectionB, ciphertext))
                .isInstanceOf(CredentialVault.UnreadableSecretException.class);
        assertThatThrownBy(() -> secrets.open(tenantB, otherConnectionB, ciphertext))
                .isInstanceOf(CredentialVault.UnreadableSecretException.class);

        // Copied onto B's other connection by someone with database access: the app refuses to use it.
        byte[] original = transactions.inScope(TenantContext.Scope.tenant(tenantB),
                () -> connections.findById(otherConnectionB).orElseThrow().getSecretsCiphertext());
        setCiphertext(otherConnectionB, ciphertext);
        assertThatThrownBy(() -> targets.load(tenantB, otherConnectionB))
                .isInstanceOf(CredentialVault.UnreadableSecretException.class);
        // The screens do not break on it: the secret counts as missing, to be typed again.
        assertThat(as(ownerB, () -> service.storedSecretKeys(otherConnectionB))).isEmpty();
        setCiphertext(otherConnectionB, original);
        assertThat(targets.load(tenantB, otherConnectionB).orElseThrow().secrets().get("apiKey")).isEqualTo("autre-cle");
    }

    private void setCiphertext(UUID connectionId, byte[] ciphertext) throws SQLException {
        withRawTransaction(tenantB, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update connections set secrets_ciphertext = ? where id = ?")) {
                ps.setBytes(1, ciphertext);
                ps.setObject(2, connectionId);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            c.commit();
        });
    }

    @Test
    void theDatabaseShowsAndChangesNothingOfAnotherTenantForTheAppRole() throws SQLException {
        withRawTransaction(tenantA, c -> {
            for (String table : List.of("connections where id = ?", "connection_accounts where connection_id = ?",
                    "connection_files where connection_id = ?")) {
                try (PreparedStatement ps = c.prepareStatement("select count(*) from " + table)) {
                    ps.setObject(1, connectionB);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        assertThat(rs.getLong(1)).as(table).isZero();
                    }
                }
            }
            assertThat(update(c, "update connections set name = 'pris' where id = ?", connectionB)).isZero();
            assertThat(update(c, "delete from connection_files where connection_id = ?", connectionB)).isZero();
            assertThat(update(c, "delete from connection_accounts where connection_id = ?", connectionB)).isZero();
            assertThat(update(c, "delete from connections where id = ?", connectionB)).isZero();
            c.rollback();
        });
        // Writing a row into B while acting for A: refused by the policy.
        withRawTransaction(tenantA, c -> {
            assertThatThrownBy(() -> update(c, "insert into connection_accounts (tenant_id, connection_id, account_id)"
                    + " values (?, ?, 'intrus')", tenantB, connectionB))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
            c.rollback();
        });
        // With no tenant at all: nothing.
        withRawTransaction(null, c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from connections");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
            c.rollback();
        });
        assertThat(snapshotOfB()).isEqualTo(bBefore);
    }

    // --- helpers

    private List<String> snapshotOfB() {
        return transactions.inScope(TenantContext.Scope.tenant(tenantB), () -> {
            List<String> rows = new ArrayList<>();
            connections.findAll().forEach(c -> rows.add("connection " + c.getId() + " " + c.getTenantId() + " "
                    + c.getName() + " " + c.getSettings() + " " + c.getSchedule() + " " + c.getStatus() + " v"
                    + c.getVersion()));
            accounts.findAll().forEach(a -> rows.add("account " + a.getConnectionId() + " " + a.getAccountId() + " "
                    + a.getName()));
            files.findAll().forEach(f -> rows.add("file " + f.getConnectionId() + " " + f.getSettingKey() + " "
                    + f.getFileName() + " " + f.getSize()));
            rows.sort(String::compareTo);
            return rows;
        });
    }

    interface SqlWork {
        void run(java.sql.Connection c) throws SQLException;
    }

    private void withRawTransaction(UUID tenant, SqlWork work) throws SQLException {
        try (java.sql.Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                ConnectionServiceTest.scope(c, tenant);
                work.run(c);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private static int update(java.sql.Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            return ps.executeUpdate();
        }
    }
}
