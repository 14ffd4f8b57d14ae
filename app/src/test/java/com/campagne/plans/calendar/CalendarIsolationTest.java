package com.campagne.plans.calendar;

import com.campagne.base.security.CampagneUser;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignService;
import com.campagne.plans.CampaignStatus;
import com.campagne.plans.Channel;
import com.campagne.plans.MediaPlan;
import com.campagne.plans.PlanLineItem;
import com.campagne.plans.calendar.CalendarService.Entry;
import com.campagne.plans.calendar.CalendarService.Filter;
import com.campagne.plans.tasks.Task;
import com.campagne.plans.tasks.TaskFixture;
import com.campagne.plans.tasks.TaskService;
import com.campagne.support.IntegrationTest;
import com.campagne.support.TenantSql;
import com.campagne.tenancy.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The action calendar of tenant A never shows tenant B's campaigns, flights or tasks, whatever the range or
 * filter (even B's client id); B sees its own, and B's client viewer only the proposed campaigns of the
 * client granted, without tasks. Re-run by CI against an external PostgreSQL server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarIsolationTest extends IntegrationTest {

    static final LocalDate START = LocalDate.of(2028, 2, 1);

    @Autowired ApplicationContext context;
    @Autowired CalendarService calendar;
    @Autowired CampaignService campaigns;
    @Autowired TaskService tasks;
    @Autowired DataSource dataSource;

    CampagneUser ownerA;
    CampagneUser ownerB;
    CampagneUser viewerB;
    Campaign campaignA;
    Campaign proposedB;
    Campaign draftB;
    Campaign hiddenB;
    PlanLineItem lineB;
    Task taskB;

    @BeforeAll
    void twoTenants() {
        TaskFixture fixture = new TaskFixture(context);
        String run = UUID.randomUUID().toString().substring(0, 6);
        ownerA = fixture.owner("Agence Alpha " + run, "Alice Alpha");
        ownerB = fixture.owner("Agence Beta " + run, "Bruno Beta");
        campaignA = fixture.campaign(ownerA, fixture.client(ownerA, "Client A " + run).getId(), "Campagne A",
                START, START.plusMonths(1));
        var clientB = fixture.client(ownerB, "Client B " + run);
        var otherClientB = fixture.client(ownerB, "Client caché " + run);
        proposedB = fixture.campaign(ownerB, clientB.getId(), "Proposée de B", START, START.plusMonths(2));
        draftB = fixture.campaign(ownerB, clientB.getId(), "Brouillon de B", START.plusDays(5), START.plusMonths(1));
        hiddenB = fixture.campaign(ownerB, otherClientB.getId(), "Autre client de B", START, START.plusMonths(1));
        MediaPlan plan = fixture.plan(ownerB, proposedB.getId());
        lineB = fixture.line(ownerB, plan.getId(), Channel.RADIO, "Radio locale", START, START.plusDays(20), "800");
        taskB = as(ownerB, () -> {
            Task t = tasks.draft(proposedB.getId());
            t.setTitle("Tâche de B");
            t.setDueDate(START.plusDays(7));
            return tasks.save(t);
        });
        as(ownerB, () -> campaigns.changeStatus(proposedB.getId(), CampaignStatus.PROPOSED, null));
        as(ownerB, () -> campaigns.changeStatus(hiddenB.getId(), CampaignStatus.PROPOSED, null));
        viewerB = fixture.member(ownerB, Role.CLIENT_VIEWER, "Vic Beta", TaskFixture.email("vic"), Locale.FRENCH,
                clientB.getId());
    }

    @Test
    void anotherTenantsCalendarShowsNoneOfItsCampaigns() {
        as(ownerA, () -> {
            assertThat(calendar.between(START.minusMonths(1), START.plusMonths(6), Filter.ALL))
                    .extracting(e -> e.campaign().getName()).containsExactly("Campagne A");
            assertThat(calendar.between(START, START.plusMonths(6),
                    new Filter(proposedB.getClientId(), null, null))).isEmpty();
            assertThat(calendar.between(START, START.plusMonths(6), new Filter(null, null, Channel.RADIO))).isEmpty();
            assertThat(calendar.clients()).extracting(c -> c.getName()).noneMatch(n -> n.startsWith("Client B"));
        });
        as(ownerB, () -> {
            var entries = calendar.between(START, START.plusMonths(6), Filter.ALL);
            assertThat(entries).extracting(e -> e.campaign().getName())
                    .containsExactly("Autre client de B", "Proposée de B", "Brouillon de B");
            Entry proposed = entries.get(1);
            assertThat(proposed.lines()).extracting(PlanLineItem::getPlacement).containsExactly("Radio locale");
            assertThat(proposed.tasks()).extracting(Task::getTitle).containsExactly("Tâche de B");
            assertThat(calendar.between(START, START.plusMonths(6), new Filter(null, CampaignStatus.DRAFT, null)))
                    .extracting(e -> e.campaign().getName()).containsExactly("Brouillon de B");
        });
    }

    @Test
    void aClientViewerSeesOnlyTheProposedCampaignsOfTheirClientAndNoTask() {
        as(viewerB, () -> {
            var entries = calendar.between(START, START.plusMonths(6), Filter.ALL);
            assertThat(entries).extracting(e -> e.campaign().getName()).containsExactly("Proposée de B");
            assertThat(entries.getFirst().tasks()).isEmpty();
        });
    }

    @Test
    void theAppRoleSeesNoRowOfAnotherTenant() {
        var a = ownerA.tenant().tenantId();
        var b = ownerB.tenant().tenantId();
        assertThat(TenantSql.query(dataSource, a, "select id from campaigns where id in (?, ?, ?)",
                proposedB.getId(), draftB.getId(), hiddenB.getId())).isEmpty();
        assertThat(TenantSql.query(dataSource, a, "select id from plan_line_items where id = ?", lineB.getId()))
                .isEmpty();
        assertThat(TenantSql.query(dataSource, a, "select id from tasks where campaign_id = ?", proposedB.getId()))
                .isEmpty();
        assertThat(TenantSql.query(dataSource, b, "select id from plan_line_items where id = ?", lineB.getId()))
                .hasSize(1);
    }
}
