package com.campagne.plans.tasks;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.base.security.CampagneUser;
import com.campagne.plans.Campaign;
import com.campagne.support.BrowserTest;
import com.campagne.support.Mailbox;
import com.campagne.support.pages.LoginPage;
import com.campagne.support.pages.MyTasksPage;
import com.campagne.support.pages.TasksPage;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantKind;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;

/** A planner gives a task to a colleague, who gets the e-mail, finds it in "Mes tâches" and marks it done. */
class TasksBrowserTest extends BrowserTest {

    @Autowired ApplicationContext context;
    @Autowired AccountUserDetailsService accounts;
    @Autowired TaskService tasks;

    @Test
    void aColleagueGetsTheTaskByMailFindsItInMyTasksAndMarksItDone() {
        String suffix = Integer.toHexString((int) System.nanoTime());
        Account account = signedUpOwner(TenantKind.AGENCY, "Agence Rivage " + suffix, "Claire Morel", Locale.FRENCH);
        CampagneUser owner = accounts.loadUserByUsername(account.email());
        TaskFixture fixture = new TaskFixture(context);
        String colleagueEmail = uniqueEmail("paul.durand");
        CampagneUser colleague = fixture.member(owner, Role.CONTRIBUTOR, "Paul Durand", colleagueEmail, Locale.FRENCH);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        var client = fixture.client(owner, "Boulangerie Martin " + suffix);
        Campaign campaign = fixture.campaign(owner, client.getId(), "Rentrée gourmande", today.minusDays(20),
                today.plusDays(40));
        as(owner, () -> {
            Task late = tasks.draft(campaign.getId());
            late.setTitle("Envoyer le bilan de la semaine");
            late.setAssigneeId(colleague.tenant().membershipId());
            late.setDueDate(today.minusDays(3));
            return tasks.save(late);
        });

        LoginPage.open(page).logIn(account.email(), account.password());
        page.navigate("clients/" + client.getId() + "/campaigns/" + campaign.getId());
        waitForVaadin(page);
        page.locator("#campaign-tasks").click();
        TasksPage list = TasksPage.current(page);
        assertThat(list.title()).isEqualTo("Tâches de «\u00a0Rentrée gourmande\u00a0»");

        list.add().save();
        assertThat(list.error("task-title")).isEqualTo("Donnez un intitulé à la tâche.");
        list.title("Valider les visuels du carrousel").description("Trois visuels, format carré.")
                .assignee("Paul Durand").due(today.plusDays(5).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                .saveAndClose();
        assertThat(list.rows()).anySatisfy(row -> assertThat(row)
                .contains("Valider les visuels du carrousel", "Paul Durand", "Dans 5 jours", "À faire"));

        Mailbox.Mail mail = Mailbox.waitFor(colleagueEmail, "Nouvelle tâche pour vous");
        assertThat(mail.subject()).isEqualTo("Nouvelle tâche pour vous\u00a0: Valider les visuels du carrousel");
        assertThat(mail.body()).contains("Claire Morel vous a confié une tâche", "Rentrée gourmande");

        // The colleague follows the link of the mail, comments, then works from "Mes tâches".
        Page colleaguePage = newPage(DEFAULT_LOCALE);
        LoginPage.open(colleaguePage).logIn(colleagueEmail, TaskFixture.PASSWORD);
        colleaguePage.navigate(mail.firstLink());
        TasksPage fromMail = TasksPage.current(colleaguePage);
        assertThat(fromMail.dialogOpen()).isTrue();
        assertThat(colleaguePage.locator("#task-title > input").inputValue()).isEqualTo("Valider les visuels du carrousel");
        fromMail.comment("Je m’en occupe demain matin.");
        assertThat(fromMail.comments()).singleElement().asString().contains("Paul Durand", "Je m’en occupe demain matin.");

        MyTasksPage mine = MyTasksPage.open(colleaguePage);
        assertThat(mine.tasks()).hasSize(2);
        assertThat(mine.tasks().getFirst()).contains("Envoyer le bilan de la semaine", "Rentrée gourmande");
        assertThat(mine.due("Envoyer le bilan de la semaine")).isEqualTo("En retard de 3 jours");
        assertThat(mine.late("Envoyer le bilan de la semaine")).isTrue();
        assertThat(mine.due("Valider les visuels du carrousel")).startsWith("Dans 5 jours");
        assertThat(mine.late("Valider les visuels du carrousel")).isFalse();
        screenshot(colleaguePage, "tasks-fr-mine");

        mine.markDone("Valider les visuels du carrousel");
        assertThat(mine.tasks()).singleElement().asString().contains("Envoyer le bilan de la semaine");
        mine.showDone();
        assertThat(mine.tasks()).singleElement().asString().contains("Valider les visuels du carrousel", "Rouvrir");
        assertThat(as(owner, () -> tasks.list(campaign.getId()))).filteredOn(t -> t.getTitle().startsWith("Valider"))
                .singleElement().extracting(Task::getStatus).isEqualTo(TaskStatus.DONE);
    }
}
