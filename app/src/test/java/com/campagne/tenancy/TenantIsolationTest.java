package com.campagne.tenancy;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.accounts.SignupService;
import com.campagne.audit.AuditEvent;
import com.campagne.audit.AuditEventRepository;
import com.campagne.audit.AuditService;
import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantOwnedEntity;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.security.CampagneUser;
import com.campagne.clients.Client;
import com.campagne.clients.ClientFactory;
import com.campagne.clients.ClientGrant;
import com.campagne.clients.ClientGrantRepository;
import com.campagne.clients.ClientRepository;
import com.campagne.clients.ClientService;
import com.campagne.support.IntegrationTest;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tenant A, given tenant B's ids, reads nothing of B and changes nothing of B, through every
 * repository and service, and PostgreSQL refuses it again when the application is bypassed.
 * Re-run by CI against an external PostgreSQL server (name ends in IsolationTest).
 *
 * <p>The database is shared with other test classes: everything here lives in two tenants created
 * for this run, and every assertion looks only at them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTest extends IntegrationTest {

    static final String PASSWORD = "Vx9!mQ2#rL7$wK4";
    static final String INSUFFICIENT_PRIVILEGE = "42501";
    /** The tenant tables this test fills for B; the checks of "no row" cover every table with a tenant_id. */
    static final List<String> KNOWN_TENANT_TABLES = List.of("clients", "memberships", "invitations", "audit_events",
            "membership_clients");

    @Autowired SignupService signup;
    @Autowired AccountUserDetailsService accounts;
    @Autowired TenantTransactions transactions;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired EntityManager entityManager;
    @Autowired DataSource dataSource;
    @Autowired Clock clock;

    @Autowired TenantRepository tenants;
    @Autowired UserRepository users;
    @Autowired ClientRepository clients;
    @Autowired MembershipRepository memberships;
    @Autowired InvitationRepository invitations;
    @Autowired AuditEventRepository auditEvents;
    @Autowired ClientGrantRepository grants;

    @Autowired ClientService clientService;
    @Autowired MemberService memberService;
    @Autowired InvitationService invitationService;
    @Autowired AuditService auditService;
    @Autowired TenantSettingsService settingsService;

    // Tenant A: an agency, the one acting.
    UUID tenantA;
    CampagneUser ownerA;
    CampagneUser viewerA;
    UUID viewerAMembership;
    UUID clientA1;
    UUID clientA2;

    // Tenant B: a business, the one attacked.
    UUID tenantB;
    CampagneUser ownerB;
    UUID ownerBMembership;
    UUID viewerBMembership;
    UUID clientB;
    String clientBName;
    UUID archivedClientB;
    String archivedClientBName;
    UUID invitationB;
    String invitationBTokenHash;
    List<UUID> auditEventsB;

    // A user who belongs to both: ADMIN in A (where they work), CONTRIBUTOR in B.
    CampagneUser both;
    UUID bothMembershipInB;

    List<String> bBefore;
    List<String> tenantTables;

    @BeforeAll
    void createTwoTenants() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        tenantA = signup.signUp(new SignupService.SignupRequest(TenantKind.AGENCY, "Agence Alpha " + run,
                "Alice Alpha", "alice-" + run + "@isolation.test", PASSWORD, Locale.FRENCH));
        tenantB = signup.signUp(new SignupService.SignupRequest(TenantKind.BUSINESS, "Boulangerie Beta " + run,
                "Bruno Beta", "bruno-" + run + "@isolation.test", PASSWORD, Locale.FRENCH));
        verifyEmail("alice-" + run + "@isolation.test");
        verifyEmail("bruno-" + run + "@isolation.test");
        ownerA = accounts.loadUserByUsername("alice-" + run + "@isolation.test");
        ownerB = accounts.loadUserByUsername("bruno-" + run + "@isolation.test");
        assertThat(ownerA.tenant().tenantId()).isEqualTo(tenantA);
        assertThat(ownerB.tenant().tenantId()).isEqualTo(tenantB);
        ownerBMembership = ownerB.tenant().membershipId();

        // A: two clients and an archived one, a pending invitation, a client viewer who may see the
        // first client only, and the two-tenant user as ADMIN.
        User viewerAUser = newUser("victor-" + run + "@isolation.test", tenantA);
        User bothUser = newUser("bea-" + run + "@isolation.test", tenantA);
        transactions.inScope(TenantContext.Scope.tenant(tenantA), () -> {
            clientA1 = clients.save(ClientFactory.create("Alpha Un " + run, clock.instant())).getId();
            clientA2 = clients.save(ClientFactory.create("Alpha Deux " + run, clock.instant())).getId();
            viewerAMembership = memberships.save(new Membership(viewerAUser, Role.CLIENT_VIEWER, clock.instant()))
                    .getId();
            grants.save(new ClientGrant(viewerAMembership, clientA1));
            memberships.save(new Membership(bothUser, Role.ADMIN, clock.instant()));
        });
        UUID archivedClientA = as(ownerA, () -> clientService.save(new Client("Alpha archivé " + run))).getId();
        as(ownerA, () -> clientService.archive(archivedClientA));
        as(ownerA, () -> invitationService.invite("ivan-" + run + "@isolation.test", Role.CONTRIBUTOR, List.of(),
                Locale.ENGLISH));
        viewerA = accounts.loadUserByUsername(viewerAUser.getEmail());
        both = accounts.loadUserByUsername(bothUser.getEmail());
        assertThat(viewerA.tenant().role()).isEqualTo(Role.CLIENT_VIEWER);
        assertThat(both.tenant().tenantId()).isEqualTo(tenantA);
        assertThat(both.tenant().role()).isEqualTo(Role.ADMIN);

        // B: its own client (made by the business sign-up), an archived one, a client viewer with a
        // grant, the two-tenant user as CONTRIBUTOR, and a pending invitation.
        clientB = as(ownerB, () -> clientService.active()).getFirst().getId();
        archivedClientBName = "Beta archivé " + run;
        archivedClientB = as(ownerB, () -> clientService.save(new Client(archivedClientBName))).getId();
        as(ownerB, () -> clientService.archive(archivedClientB));
        User viewerBUser = newUser("vera-" + run + "@isolation.test", tenantB);
        transactions.inScope(TenantContext.Scope.tenant(tenantB), () -> {
            viewerBMembership = memberships.save(new Membership(viewerBUser, Role.CLIENT_VIEWER, clock.instant()))
                    .getId();
            grants.save(new ClientGrant(viewerBMembership, clientB));
            bothMembershipInB = memberships.save(new Membership(users.findById(bothUser.getId()).orElseThrow(),
                    Role.CONTRIBUTOR, clock.instant())).getId();
        });
        as(ownerB, () -> invitationService.invite("ines-" + run + "@isolation.test", Role.MANAGER, List.of(),
                Locale.FRENCH));
        transactions.inScope(TenantContext.Scope.tenant(tenantB), () -> {
            Invitation invitation = invitations.findAll().getFirst();
            invitationB = invitation.getId();
            invitationBTokenHash = invitation.getTokenHash();
            clientBName = clients.findById(clientB).orElseThrow().getName();
            auditEventsB = auditEvents.findAll().stream().map(AuditEvent::getId).toList();
        });

        tenantTables = tenantTables();
        bBefore = snapshotOfB();
        assertThat(bBefore).as("B's rows").filteredOn(r -> r.startsWith("client ")).hasSize(2);
        assertThat(bBefore).filteredOn(r -> r.startsWith("member ")).hasSize(3);
        assertThat(bBefore).filteredOn(r -> r.startsWith("invitation ")).hasSize(1);
        assertThat(bBefore).filteredOn(r -> r.startsWith("grant ")).hasSize(1);
        assertThat(auditEventsB).hasSizeGreaterThanOrEqualTo(4);
    }

    @AfterEach
    void forgetTheUser() {
        SecurityContextHolder.clearContext();
    }

    @AfterAll
    void bIsUntouchedAfterAll() {
        assertThat(snapshotOfB()).isEqualTo(bBefore);
    }

    // --- reading

    @Test
    void repositoriesReadNothingOfAnotherTenantWhenActingInASession() {
        // The real path: the scope comes from the authenticated user.
        as(ownerA, () -> inTransaction(this::repositoriesSeeOnlyA));
    }

    @Test
    void repositoriesReadNothingOfAnotherTenantInAnExplicitScope() {
        // Background jobs and links: a scope bound with TenantContext.runAs, no user at all.
        transactions.inScope(TenantContext.Scope.tenant(tenantA), this::repositoriesSeeOnlyA);
    }

    private void repositoriesSeeOnlyA() {
        // The scope works at all: A's own rows are there.
        assertThat(clients.findById(clientA1)).isPresent();

        assertThat(clients.findById(clientB)).isEmpty();
        assertThat(clients.findById(archivedClientB)).isEmpty();
        assertThat(clients.existsById(clientB)).isFalse();
        assertThat(clients.findAllById(List.of(clientB, archivedClientB))).isEmpty();
        assertOnlyA(clients.findAll());
        assertThat(clients.count()).isEqualTo(clients.findAll().size());
        assertOnlyA(clients.search("", false, false, List.of(UUID.randomUUID()), Pageable.unpaged()));
        assertOnlyA(clients.search("", true, false, List.of(UUID.randomUUID()), Pageable.unpaged()));
        assertThat(clients.search(clientBName, false, false, List.of(UUID.randomUUID()), Pageable.unpaged())).isEmpty();
        assertThat(clients.search("", false, true, List.of(clientB), Pageable.unpaged())).isEmpty();
        assertThat(clients.countSearch(clientBName, false, false, List.of(UUID.randomUUID()))).isZero();
        assertThat(clients.countSearch(archivedClientBName, true, false, List.of(UUID.randomUUID()))).isZero();
        assertOnlyA(clients.findByArchivedAtIsNullOrderByNameAsc());

        assertThat(memberships.findById(ownerBMembership)).isEmpty();
        assertThat(memberships.findById(viewerBMembership)).isEmpty();
        assertThat(memberships.findAllById(List.of(ownerBMembership, viewerBMembership))).isEmpty();
        assertOnlyA(memberships.findAll());
        assertOnlyA(memberships.findAllWithUsers());
        assertThat(memberships.findByUserId(ownerB.userId())).isEmpty();
        assertThat(memberships.countByRole(Role.OWNER)).isEqualTo(1);
        assertThat(memberships.findTenantsOfUser(ownerB.userId())).isEmpty();

        assertThat(invitations.findById(invitationB)).isEmpty();
        assertOnlyA(invitations.findAll());
        assertOnlyA(invitations.findPending(clock.instant()));
        assertThat(invitations.findByTokenHash(invitationBTokenHash)).isEmpty();
        assertThat(invitations.findTenantIdByTokenHash(invitationBTokenHash)).isEmpty();

        for (UUID event : auditEventsB) {
            assertThat(auditEvents.findById(event)).isEmpty();
        }
        assertThat(auditEvents.findAllById(auditEventsB)).isEmpty();
        assertThat(auditEvents.findAll()).isNotEmpty().allSatisfy(e -> assertThat(e.getTenantId()).isEqualTo(tenantA));
        assertThat(auditEvents.findLatest(PageRequest.of(0, 10_000)))
                .allSatisfy(e -> assertThat(e.getTenantId()).isEqualTo(tenantA));

        assertThat(grants.findById(new ClientGrant.Key(viewerBMembership, clientB))).isEmpty();
        assertThat(grants.existsById(new ClientGrant.Key(viewerBMembership, clientB))).isFalse();
        assertThat(grants.findAll()).isNotEmpty()
                .allSatisfy(g -> assertThat(g.getMembershipId()).isNotIn(viewerBMembership, bothMembershipInB))
                .allSatisfy(g -> assertThat(g.getClientId()).isNotIn(clientB, archivedClientB));
        assertThat(grants.findClientIds(viewerBMembership)).isEmpty();
    }

    @Test
    void servicesReadNothingOfAnotherTenant() {
        as(ownerA, () -> {
            assertThat(clientService.find(clientA1)).isPresent();
            assertThat(clientService.find(clientB)).isEmpty();
            assertThat(clientService.find(archivedClientB)).isEmpty();
            assertOnlyA(clientService.search("", false, Pageable.unpaged()));
            assertOnlyA(clientService.search("", true, Pageable.unpaged()));
            assertThat(clientService.search(clientBName, false, Pageable.unpaged())).isEmpty();
            assertThat(clientService.search(archivedClientBName, true, Pageable.unpaged())).isEmpty();
            assertThat(clientService.count("", false))
                    .isEqualTo(clientService.search("", false, Pageable.unpaged()).size());
            assertThat(clientService.count(clientBName, false)).isZero();
            assertThat(clientService.count(archivedClientBName, true)).isZero();
            assertOnlyA(clientService.active());

            assertOnlyA(memberService.list());
            assertThat(memberService.list()).extracting(TenantOwnedEntity::getId)
                    .doesNotContain(ownerBMembership, viewerBMembership, bothMembershipInB);
            assertThat(memberService.grantedClients(viewerBMembership)).isEmpty();

            assertOnlyA(invitationService.pending());

            List<AuditEvent> latest = auditService.latest(0, 10_000);
            assertThat(latest).isNotEmpty().allSatisfy(e -> assertThat(e.getTenantId()).isEqualTo(tenantA));
            assertThat(latest).extracting(AuditEvent::getId).doesNotContainAnyElementsOf(auditEventsB);
            assertThat(auditService.count()).isEqualTo(latest.size());

            assertThat(settingsService.current().getId()).isEqualTo(tenantA);
        });
    }

    @Test
    void aUserOfBothTenantsSeesOnlyTheOneTheyWorkIn() {
        as(both, () -> {
            // They may list the tenants they belong to, and nothing more of B.
            assertThat(accounts.tenantsOf(both.userId()))
                    .extracting(MembershipRepository.TenantMembershipView::getTenantId)
                    .containsExactlyInAnyOrder(tenantA, tenantB);
            inTransaction(() -> {
                assertThat(memberships.findById(bothMembershipInB)).isEmpty();
                assertThat(memberships.findByUserId(both.userId())).get()
                        .satisfies(m -> assertThat(m.getTenantId()).isEqualTo(tenantA));
                assertOnlyA(memberships.findAll());
            });
            assertOnlyA(memberService.list());
            assertThat(clientService.find(clientB)).isEmpty();
        });
    }

    @Test
    void anAgencyWithoutClientsSeesNoneOfTheOthers() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "celine-" + run + "@isolation.test";
        signup.signUp(new SignupService.SignupRequest(TenantKind.AGENCY, "Agence Gamma " + run, "Céline Gamma",
                email, PASSWORD, Locale.FRENCH));
        verifyEmail(email);
        as(accounts.loadUserByUsername(email), () -> {
            assertThat(clientService.anyVisible()).as("other tenants have clients; this one has none").isFalse();
            assertThat(clientService.count("", false)).isZero();
            assertThat(clientService.count("", true)).isZero();
        });
        as(ownerA, () -> assertThat(clientService.anyVisible()).isTrue());
    }

    @Test
    void aClientViewerSeesOnlyTheClientsGrantedToThem() {
        as(viewerA, () -> {
            assertThat(clientService.search("", false, Pageable.unpaged())).extracting(Client::getId)
                    .containsExactly(clientA1);
            assertThat(clientService.count("", false)).isEqualTo(1);
            assertThat(clientService.anyVisible()).isTrue();
            assertThat(clientService.find(clientA1)).isPresent();
            assertThat(clientService.find(clientA2)).isEmpty();
            assertThat(clientService.find(clientB)).isEmpty();
            assertThat(clientService.search("Deux", false, Pageable.unpaged())).isEmpty();

            // Read-only: no change to any client, no access to the team.
            assertThatThrownBy(() -> clientService.save(new Client("Viewer's own")))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> clientService.archive(clientA1)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> memberService.list()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> auditService.latest(0, 10)).isInstanceOf(AccessDeniedException.class);
        });
    }

    // --- writing

    @Test
    void repositoriesChangeNothingOfAnotherTenant() {
        Client clientOfB = asB(() -> clients.findById(clientB).orElseThrow());
        Membership viewerOfB = asB(() -> memberships.findById(viewerBMembership).orElseThrow());
        Invitation invitationOfB = asB(() -> invitations.findById(invitationB).orElseThrow());
        clientOfB.setName("Taken over by A");
        viewerOfB.setRole(Role.OWNER);
        invitationOfB.revoke(clock.instant());

        as(ownerA, () -> {
            inTransaction(() -> clients.deleteById(clientB));
            inTransaction(() -> clients.deleteAllById(List.of(clientB, archivedClientB)));
            inTransaction(() -> clients.deleteAllByIdInBatch(List.of(clientB, archivedClientB)));
            inTransaction(() -> memberships.deleteById(viewerBMembership));
            inTransaction(() -> memberships.deleteAllByIdInBatch(List.of(ownerBMembership, viewerBMembership)));
            inTransaction(() -> invitations.deleteById(invitationB));
            inTransaction(() -> invitations.deleteAllByIdInBatch(List.of(invitationB)));
            inTransaction(() -> auditEvents.deleteAllByIdInBatch(auditEventsB));
            inTransaction(() -> grants.deleteByMembershipId(viewerBMembership));
            inTransaction(() -> grants.deleteById(new ClientGrant.Key(viewerBMembership, clientB)));

            // Saving B's entities, as loaded by B and changed, must not reach B's rows.
            assertThat(catchThrowable(() -> inTransaction(() -> clients.save(clientOfB))))
                    .as("saving B's client as A").isNotNull();
            assertThat(catchThrowable(() -> inTransaction(() -> memberships.save(viewerOfB))))
                    .as("saving B's member as A").isNotNull();
            assertThat(catchThrowable(() -> inTransaction(() -> invitations.save(invitationOfB))))
                    .as("saving B's invitation as A").isNotNull();
            assertThat(catchThrowable(() -> inTransaction(() ->
                    grants.save(new ClientGrant(viewerAMembership, clientB)))))
                    .as("granting B's client to A's viewer").isNotNull();
        });
        assertThat(snapshotOfB()).isEqualTo(bBefore);
    }

    @Test
    void servicesChangeNothingOfAnotherTenant() {
        Client clientOfB = asB(() -> clients.findById(clientB).orElseThrow());
        clientOfB.setName("Taken over by A");

        as(ownerA, () -> {
            assertThatThrownBy(() -> clientService.save(clientOfB))
                    .isInstanceOf(ClientService.ClientNotFoundException.class);
            assertThatThrownBy(() -> clientService.archive(clientB))
                    .isInstanceOf(ClientService.ClientNotFoundException.class);
            assertThatThrownBy(() -> clientService.restore(archivedClientB))
                    .isInstanceOf(ClientService.ClientNotFoundException.class);

            assertThatThrownBy(() -> memberService.changeRole(viewerBMembership, Role.OWNER, List.of()))
                    .isInstanceOf(MemberService.MemberException.class).hasMessage("members.notFound");
            assertThatThrownBy(() -> memberService.changeRole(ownerBMembership, Role.CONTRIBUTOR, List.of()))
                    .isInstanceOf(MemberService.MemberException.class).hasMessage("members.notFound");
            assertThatThrownBy(() -> memberService.remove(viewerBMembership))
                    .isInstanceOf(MemberService.MemberException.class).hasMessage("members.notFound");
            assertThatThrownBy(() -> memberService.remove(ownerBMembership))
                    .isInstanceOf(MemberService.MemberException.class).hasMessage("members.notFound");

            // Granting B's client to A's own viewer is refused, and A's viewer keeps their grants.
            assertThat(catchThrowable(() -> memberService.changeRole(viewerAMembership, Role.CLIENT_VIEWER,
                    List.of(clientA1, clientB)))).as("granting B's client in A").isNotNull();
            assertThat(memberService.grantedClients(viewerAMembership)).containsExactly(clientA1);

            invitationService.revoke(invitationB);
        });
        assertThat(snapshotOfB()).isEqualTo(bBefore);
    }

    @Test
    void aUserOfBothTenantsChangesNothingOfTheOtherOne() {
        as(both, () -> {
            assertThatThrownBy(() -> memberService.remove(bothMembershipInB))
                    .isInstanceOf(MemberService.MemberException.class).hasMessage("members.notFound");
            assertThatThrownBy(() -> memberService.changeRole(bothMembershipInB, Role.ADMIN, List.of()))
                    .isInstanceOf(MemberService.MemberException.class).hasMessage("members.notFound");
            inTransaction(() -> memberships.deleteAllByIdInBatch(List.of(bothMembershipInB)));
            inTransaction(() -> memberships.deleteById(bothMembershipInB));
        });
        assertThat(snapshotOfB()).isEqualTo(bBefore);
    }

    // --- the database, bypassing the application

    @Test
    void withNoTenantSetTheDatabaseShowsNoTenantRow() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(settingsOf(c)).as("app.* settings of a fresh connection")
                    .allSatisfy(s -> assertThat(s).isNullOrEmpty());
            for (String table : tenantTables) {
                assertThat(count(c, table)).as("rows of %s visible with no tenant", table).isZero();
            }
        }
        // The same query does see B's rows once B is set: the zeros above are not for want of data.
        withRawTransaction(tenantB, null, c -> {
            for (String table : KNOWN_TENANT_TABLES) {
                assertThat(count(c, table)).as("rows of %s visible to B", table).isPositive();
            }
        });
    }

    @Test
    void theTenantOfATransactionDoesNotLeakToTheNextUserOfItsConnection() throws Exception {
        Set<Integer> usedBackends = new HashSet<>();
        TenantContext.Scope everything = new TenantContext.Scope(tenantA, ownerA.userId(), invitationBTokenHash);
        usedBackends.add(transactions.inScope(everything, () -> {
            assertThat(clients.count()).isPositive();
            return backendPid();
        }));
        // Also after a rollback.
        AtomicInteger rolledBack = new AtomicInteger();
        assertThatThrownBy(() -> transactions.inScope(TenantContext.Scope.tenant(tenantB), () -> {
            assertThat(clients.count()).isPositive();
            rolledBack.set(backendPid());
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        usedBackends.add(rolledBack.get());

        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            try (Connection c = dataSource.getConnection()) {
                seen.add(assertNoTenantOn(c));
            }
        }
        // Then every idle connection of the pool at once, so the one the transactions used is among them.
        int idle = ((HikariDataSource) dataSource).getHikariPoolMXBean().getIdleConnections();
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < idle; i++) {
                held.add(dataSource.getConnection());
            }
            for (Connection c : held) {
                seen.add(assertNoTenantOn(c));
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        assertThat(seen).as("backends checked").containsAll(usedBackends);
    }

    @Test
    void rowLevelSecurityRefusesAnotherTenantsRowsEvenToRawSql() throws SQLException {
        Timestamp now = Timestamp.from(clock.instant());
        // Writing a row for B while acting for A.
        assertRefused(tenantA, null, "insert into clients (id, tenant_id, name, created_at, updated_at, version)"
                + " values (?, ?, 'Planted by A', ?, ?, 0)", UUID.randomUUID(), tenantB, now, now);
        assertRefused(tenantA, null, "insert into audit_events (id, tenant_id, occurred_at, action)"
                + " values (?, ?, ?, 'CLIENT_CREATED')", UUID.randomUUID(), tenantB, now);
        assertRefused(tenantA, null, "insert into memberships (id, tenant_id, user_id, role, created_at, version)"
                + " values (?, ?, ?, 'OWNER', ?, 0)", UUID.randomUUID(), tenantB, ownerA.userId(), now);
        assertRefused(tenantA, null, "insert into invitations (id, tenant_id, email, role, token_hash, expires_at,"
                + " created_at, version) values (?, ?, 'x@isolation.test', 'OWNER', ?, ?, ?, 0)",
                UUID.randomUUID(), tenantB, UUID.randomUUID().toString(), now, now);
        assertRefused(tenantA, null, "insert into membership_clients (tenant_id, membership_id, client_id)"
                + " values (?, ?, ?)", tenantB, viewerBMembership, clientB);
        // Moving A's row to B.
        assertRefused(tenantA, null, "update clients set tenant_id = ? where id = ?", tenantB, clientA1);
        // With no tenant at all, not even one's own.
        assertRefused(null, null, "insert into clients (id, tenant_id, name, created_at, updated_at, version)"
                + " values (?, ?, 'No tenant', ?, ?, 0)", UUID.randomUUID(), tenantA, now, now);

        // Changing or deleting B's rows while acting for A touches nothing.
        withRawTransaction(tenantA, ownerA.userId(), c -> {
            assertThat(update(c, "update clients set name = 'Renamed by A' where id = ?", clientB)).isZero();
            assertThat(update(c, "delete from clients where tenant_id = ?", tenantB)).isZero();
            assertThat(update(c, "delete from memberships where tenant_id = ?", tenantB)).isZero();
            assertThat(update(c, "update invitations set revoked_at = now() where id = ?", invitationB)).isZero();
            assertThat(update(c, "delete from audit_events where tenant_id = ?", tenantB)).isZero();
            assertThat(update(c, "delete from membership_clients where tenant_id = ?", tenantB)).isZero();
        });
        assertThat(snapshotOfB()).isEqualTo(bBefore);
    }

    @Test
    void seeingOnesOwnMembershipsElsewhereGivesNoRightToChangeThem() throws SQLException {
        // The memberships policy shows a user their rows in every tenant (to switch tenants): reading only.
        withRawTransaction(tenantA, both.userId(), c -> {
            assertThat(count(c, "memberships where id = '" + bothMembershipInB + "'")).isEqualTo(1);
            assertThat(update(c, "delete from memberships where id = ?", bothMembershipInB))
                    .as("deleting one's own membership of B while acting in A").isZero();
        });
        assertRefusedOrNoRow(tenantA, both.userId(), "update memberships set role = 'OWNER' where id = ?",
                bothMembershipInB);
        // The invitation policy shows an invitation to whoever holds its token: reading only, too.
        withRawTransaction(null, null, invitationBTokenHash, c -> {
            assertThat(count(c, "invitations where id = '" + invitationB + "'")).isEqualTo(1);
            assertThat(update(c, "delete from invitations where id = ?", invitationB))
                    .as("deleting an invitation with its token only").isZero();
        });
        assertThat(snapshotOfB()).isEqualTo(bBefore);
    }

    // --- helpers

    /** B's rows, read as B, in a form that shows any change. */
    private List<String> snapshotOfB() {
        return asB(() -> {
            List<String> rows = new ArrayList<>();
            clients.findAll().forEach(c -> rows.add("client " + c.getId() + " " + c.getTenantId() + " " + c.getName()
                    + " archived=" + c.getArchivedAt() + " updated=" + c.getUpdatedAt() + " v" + c.getVersion()));
            memberships.findAllWithUsers().forEach(m -> rows.add("member " + m.getId() + " " + m.getTenantId() + " "
                    + m.getUser().getId() + " " + m.getRole() + " v" + m.getVersion()));
            invitations.findAll().forEach(i -> rows.add("invitation " + i.getId() + " " + i.getTenantId() + " "
                    + i.getEmail() + " " + i.getRole() + " revoked=" + i.getRevokedAt() + " accepted="
                    + i.getAcceptedAt() + " v" + i.getVersion()));
            auditEvents.findAll().forEach(e -> rows.add("audit " + e.getId() + " " + e.getTenantId() + " "
                    + e.getAction() + " " + e.getTarget()));
            grants.findAll().forEach(g -> rows.add("grant " + g.getMembershipId() + " " + g.getClientId()));
            Tenant tenant = tenants.findById(tenantB).orElseThrow();
            rows.add("tenant " + tenant.getName() + " " + tenant.getLocale() + " " + tenant.getCurrency() + " "
                    + tenant.getTimeZone() + " v" + tenant.getVersion());
            return rows.stream().sorted().toList();
        });
    }

    private <T> T asB(Supplier<T> work) {
        return transactions.inScope(TenantContext.Scope.tenant(tenantB), work);
    }

    private void assertOnlyA(Collection<? extends TenantOwnedEntity> rows) {
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.getTenantId()).as("tenant of %s", r.getId())
                .isEqualTo(tenantA));
    }

    private User newUser(String email, UUID lastTenant) {
        return transactions.inScope(new TenantContext.Scope(null, null, null), () -> {
            User user = new User(email, "not a password hash", email.substring(0, email.indexOf('-')), "fr",
                    clock.instant());
            user.markEmailVerified(clock.instant());
            user.setLastTenantId(lastTenant);
            return users.save(user);
        });
    }

    private void verifyEmail(String email) {
        transactions.inScope(new TenantContext.Scope(null, null, null),
                () -> users.findByEmail(email).orElseThrow().markEmailVerified(clock.instant()));
    }

    /** A transaction in whatever scope is current (the authenticated user's, here). */
    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> work.run());
    }

    private int backendPid() {
        return ((Number) entityManager.createNativeQuery("select pg_backend_pid()").getSingleResult()).intValue();
    }

    private List<String> tenantTables() {
        List<String> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                     where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(tables).containsAll(KNOWN_TENANT_TABLES);
        return tables;
    }

    /** The backend's pid, after checking it carries no scope and shows no tenant row. */
    private int assertNoTenantOn(Connection c) throws SQLException {
        assertThat(settingsOf(c)).as("app.* settings left on a pooled connection")
                .allSatisfy(s -> assertThat(s).isNullOrEmpty());
        for (String table : tenantTables) {
            assertThat(count(c, table)).as("rows of %s on a pooled connection", table).isZero();
        }
        try (PreparedStatement ps = c.prepareStatement("select pg_backend_pid()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> settingsOf(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select current_setting('app.tenant_id', true),"
                + " current_setting('app.user_id', true), current_setting('app.invitation_token', true)");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return Stream.of(rs.getString(1), rs.getString(2), rs.getString(3)).toList();
        }
    }

    /** Counts the rows of {@code from} (a table name, or a table and a where clause built from ids). */
    private static long count(Connection c, String from) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from " + from);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            return ps.executeUpdate();
        }
    }

    private void assertRefused(UUID tenant, UUID user, String sql, Object... parameters) throws SQLException {
        withRawTransaction(tenant, user, c -> assertThatThrownBy(() -> update(c, sql, parameters))
                .as(sql).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as("SQL state of: %s", sql)
                        .isEqualTo(INSUFFICIENT_PRIVILEGE)));
    }

    /** Either PostgreSQL refuses the statement or it changes no row. */
    private void assertRefusedOrNoRow(UUID tenant, UUID user, String sql, Object... parameters) throws SQLException {
        withRawTransaction(tenant, user, c -> {
            try {
                assertThat(update(c, sql, parameters)).as(sql).isZero();
            } catch (SQLException e) {
                assertThat(e.getSQLState()).as("SQL state of: %s", sql).isEqualTo(INSUFFICIENT_PRIVILEGE);
            }
        });
    }

    interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    private void withRawTransaction(UUID tenant, UUID user, SqlWork work) throws SQLException {
        withRawTransaction(tenant, user, null, work);
    }

    /** Plain JDBC on the app's pool, scope set as the application does; always rolled back. */
    private void withRawTransaction(UUID tenant, UUID user, String invitationTokenHash, SqlWork work)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("select set_config('app.tenant_id', ?, true),"
                        + " set_config('app.user_id', ?, true), set_config('app.invitation_token', ?, true)")) {
                    ps.setString(1, tenant == null ? "" : tenant.toString());
                    ps.setString(2, user == null ? "" : user.toString());
                    ps.setString(3, invitationTokenHash == null ? "" : invitationTokenHash);
                    ps.execute();
                }
                work.run(c);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }
}
