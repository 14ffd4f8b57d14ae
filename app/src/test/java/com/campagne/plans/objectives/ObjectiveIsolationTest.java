package com.campagne.plans.objectives;

import com.campagne.analytics.Kpi;
import com.campagne.base.security.CampagneUser;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.plans.objectives.ObjectiveService.ObjectiveNotFoundException;
import com.campagne.support.IntegrationTest;
import com.campagne.support.TenantSql;
import com.campagne.tenancy.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tenant A, given tenant B's client and objective ids, reads and changes nothing of B's objectives, through
 * the service and raw SQL as the application's role; a client viewer of B sees only the objectives of the
 * client granted to them. Re-run by CI against an external PostgreSQL server (name ends in IsolationTest).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectiveIsolationTest extends IntegrationTest {

    @Autowired ApplicationContext context;
    @Autowired ClientService clients;
    @Autowired ObjectiveService service;
    @Autowired DataSource dataSource;

    CampagneUser ownerA;
    CampagneUser ownerB;
    CampagneUser viewerB;
    UUID clientA;
    UUID clientB;
    UUID hiddenClientB;
    UUID objectiveB;
    UUID hiddenObjectiveB;

    @BeforeAll
    void twoTenants() {
        ObjectiveFixture fixture = new ObjectiveFixture(context);
        String run = UUID.randomUUID().toString().substring(0, 6);
        ownerA = fixture.owner("Agence Alpha " + run);
        ownerB = fixture.owner("Agence Beta " + run);
        clientA = as(ownerA, () -> clients.save(new Client("Client de A " + run))).getId();
        clientB = as(ownerB, () -> clients.save(new Client("Client vu " + run))).getId();
        hiddenClientB = as(ownerB, () -> clients.save(new Client("Client caché " + run))).getId();
        objectiveB = as(ownerB, () -> service.save(objective(clientB, "Objectif de B"))).getId();
        hiddenObjectiveB = as(ownerB, () -> service.save(objective(hiddenClientB, "Objectif caché"))).getId();
        viewerB = fixture.member(ownerB, Role.CLIENT_VIEWER, "Victor", clientB);
    }

    private Objective objective(UUID clientId, String title) {
        Objective o = service.draft(clientId);
        o.setTitle(title);
        o.setPerspective(Perspective.FINANCIAL);
        o.setMetric(Kpi.ROAS);
        o.setTargetValue(new BigDecimal("4"));
        o.setDeadline(LocalDate.now().plusYears(1));
        return o;
    }

    @Test
    void anotherTenantCannotListFindSaveOrDeleteAnObjective() {
        as(ownerA, () -> {
            assertThatThrownBy(() -> service.list(clientB, null)).isInstanceOf(ClientService.ClientNotFoundException.class);
            assertThat(service.find(objectiveB)).isEmpty();
            assertThatThrownBy(() -> service.delete(objectiveB)).isInstanceOf(ObjectiveNotFoundException.class);
            assertThatThrownBy(() -> service.draft(clientB)).isInstanceOf(ClientService.ClientNotFoundException.class);
        });
        // B's objective, changed and sent by A: refused, B's objective unchanged.
        Objective fromB = as(ownerB, () -> service.find(objectiveB)).orElseThrow();
        fromB.setTitle("Pris par A");
        assertThatThrownBy(() -> as(ownerA, () -> service.save(fromB)))
                .isInstanceOf(ClientService.ClientNotFoundException.class);
        // A new objective of A's pointing at B's client is refused the same way.
        Objective intoB = new Objective(clientB);
        intoB.setTitle("Chez B");
        intoB.setPerspective(Perspective.FINANCIAL);
        intoB.setMetric(Kpi.ROAS);
        intoB.setTargetValue(new BigDecimal("4"));
        intoB.setDeadline(LocalDate.now().plusYears(1));
        assertThatThrownBy(() -> as(ownerA, () -> service.save(intoB)))
                .isInstanceOf(ClientService.ClientNotFoundException.class);
        assertThat(as(ownerB, () -> service.list(clientB, null))).extracting(Objective::getTitle)
                .containsExactly("Objectif de B");
        assertThat(as(ownerB, () -> service.find(objectiveB)).orElseThrow().getTitle()).isEqualTo("Objectif de B");
        assertThat(as(ownerA, () -> service.list(clientA, null))).isEmpty();
    }

    @Test
    void theAppRoleSeesNoRowOfAnotherTenant() {
        UUID tenantA = ownerA.tenant().tenantId();
        UUID tenantB = ownerB.tenant().tenantId();
        assertThat(TenantSql.query(dataSource, tenantA, "select id from objectives where id = ?", objectiveB)).isEmpty();
        assertThat(TenantSql.query(dataSource, tenantA, "select id from objectives where client_id = ?", clientB)).isEmpty();
        assertThat(TenantSql.query(dataSource, null, "select id from objectives")).isEmpty();
        assertThat(TenantSql.query(dataSource, tenantB, "select id from objectives where id = ?", objectiveB)).hasSize(1);
    }

    @Test
    void aClientViewerSeesOnlyTheGrantedClientsObjectives() {
        as(viewerB, () -> {
            assertThat(service.list(clientB, null)).extracting(Objective::getId).containsExactly(objectiveB);
            assertThatThrownBy(() -> service.list(hiddenClientB, null))
                    .isInstanceOf(ClientService.ClientNotFoundException.class);
            assertThat(service.find(hiddenObjectiveB)).isEmpty();
        });
    }
}
