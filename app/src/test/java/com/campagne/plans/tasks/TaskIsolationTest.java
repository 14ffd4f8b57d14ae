package com.campagne.plans.tasks;

import com.campagne.base.security.CampagneUser;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignException;
import com.campagne.plans.CampaignService.CampaignNotFoundException;
import com.campagne.plans.tasks.TaskService.TaskNotFoundException;
import com.campagne.support.IntegrationTest;
import com.campagne.support.TenantSql;
import com.campagne.tenancy.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tenant A, given the ids of tenant B's campaign, task and comment, reads and changes none of them, through
 * the service and raw SQL as the application's role; B's client viewer sees no task at all.
 * Re-run by CI against an external PostgreSQL server (name ends in IsolationTest).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskIsolationTest extends IntegrationTest {

    @Autowired ApplicationContext context;
    @Autowired TaskService tasks;
    @Autowired DataSource dataSource;

    CampagneUser ownerA;
    CampagneUser ownerB;
    CampagneUser colleagueB;
    CampagneUser viewerB;
    Campaign campaignA;
    Campaign campaignB;
    Task taskB;
    TaskComment commentB;

    @BeforeAll
    void twoTenants() {
        TaskFixture fixture = new TaskFixture(context);
        String run = UUID.randomUUID().toString().substring(0, 6);
        LocalDate start = LocalDate.of(2027, 3, 1);
        ownerA = fixture.owner("Agence Alpha " + run, "Alice Alpha");
        ownerB = fixture.owner("Agence Beta " + run, "Bruno Beta");
        campaignA = fixture.campaign(ownerA, fixture.client(ownerA, "Client A " + run).getId(), "Campagne A",
                start, start.plusMonths(2));
        var clientB = fixture.client(ownerB, "Client B " + run);
        campaignB = fixture.campaign(ownerB, clientB.getId(), "Campagne B", start, start.plusMonths(2));
        colleagueB = fixture.member(ownerB, Role.CONTRIBUTOR, "Béa Beta", TaskFixture.email("bea"), Locale.FRENCH);
        viewerB = fixture.member(ownerB, Role.CLIENT_VIEWER, "Vic Beta", TaskFixture.email("vic"), Locale.FRENCH,
                clientB.getId());
        taskB = as(ownerB, () -> {
            Task t = tasks.draft(campaignB.getId());
            t.setTitle("Secret de B");
            t.setAssigneeId(colleagueB.tenant().membershipId());
            t.setDueDate(start.plusDays(3));
            return tasks.save(t);
        });
        commentB = as(ownerB, () -> tasks.comment(taskB.getId(), "Commentaire de B"));
    }

    @Test
    void anotherTenantCannotSeeOrChangeATaskOrItsComments() {
        as(ownerA, () -> {
            assertThat(tasks.find(taskB.getId())).isEmpty();
            assertThatThrownBy(() -> tasks.list(campaignB.getId())).isInstanceOf(CampaignNotFoundException.class);
            assertThatThrownBy(() -> tasks.draft(campaignB.getId())).isInstanceOf(CampaignNotFoundException.class);
            assertThatThrownBy(() -> tasks.comments(taskB.getId())).isInstanceOf(TaskNotFoundException.class);
            assertThatThrownBy(() -> tasks.comment(taskB.getId(), "Intrusion"))
                    .isInstanceOf(TaskNotFoundException.class);
            assertThatThrownBy(() -> tasks.changeStatus(taskB.getId(), TaskStatus.DONE))
                    .isInstanceOf(TaskNotFoundException.class);
            assertThatThrownBy(() -> tasks.delete(taskB.getId())).isInstanceOf(TaskNotFoundException.class);
            assertThat(tasks.mine(false)).isEmpty();
            assertThat(tasks.assignees()).extracting(m -> m.getUser().getDisplayName())
                    .containsExactly("Alice Alpha");
        });
        // B's task rebuilt from its ids and sent by A: refused; A cannot hand its own task to B's member either.
        Task fromB = as(ownerB, () -> tasks.find(taskB.getId())).orElseThrow();
        fromB.setTitle("Pris par A");
        assertThatThrownBy(() -> as(ownerA, () -> tasks.save(fromB))).isInstanceOf(CampaignNotFoundException.class);
        Task ofA = as(ownerA, () -> tasks.draft(campaignA.getId()));
        ofA.setTitle("Pour B ?");
        ofA.setAssigneeId(colleagueB.tenant().membershipId());
        assertThatThrownBy(() -> as(ownerA, () -> tasks.save(ofA))).isInstanceOfSatisfying(CampaignException.class,
                e -> assertThat(e.errors()).containsOnlyKeys("assignee"));

        Task after = as(ownerB, () -> tasks.find(taskB.getId())).orElseThrow();
        assertThat(after.getTitle()).isEqualTo("Secret de B");
        assertThat(after.getStatus()).isEqualTo(TaskStatus.TODO);
        assertThat(as(ownerB, () -> tasks.comments(taskB.getId()))).extracting(TaskComment::getBody)
                .containsExactly("Commentaire de B");
    }

    @Test
    void aClientViewerSeesNoTask() {
        as(viewerB, () -> {
            assertThatThrownBy(() -> tasks.list(campaignB.getId())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> tasks.find(taskB.getId())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> tasks.comments(taskB.getId())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> tasks.mine(false)).isInstanceOf(AccessDeniedException.class);
        });
    }

    @Test
    void theAppRoleSeesNoRowOfAnotherTenant() {
        var a = ownerA.tenant().tenantId();
        var b = ownerB.tenant().tenantId();
        assertThat(TenantSql.query(dataSource, a, "select id from tasks where id = ?", taskB.getId())).isEmpty();
        assertThat(TenantSql.query(dataSource, a, "select id from task_comments where id = ?", commentB.getId()))
                .isEmpty();
        assertThat(TenantSql.query(dataSource, a, "update tasks set title = 'Pris' where id = ? returning id",
                taskB.getId())).isEmpty();
        assertThat(TenantSql.query(dataSource, a, "delete from task_comments where id = ? returning id",
                commentB.getId())).isEmpty();
        assertThat(TenantSql.query(dataSource, null, "select id from tasks")).isEmpty();
        assertThat(TenantSql.query(dataSource, null, "select id from task_comments")).isEmpty();
        assertThat(TenantSql.query(dataSource, b, "select title from tasks where id = ?", taskB.getId()))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("title", "Secret de B"));
        assertThat(TenantSql.query(dataSource, b, "select id from task_comments where id = ?", commentB.getId()))
                .hasSize(1);
    }
}
