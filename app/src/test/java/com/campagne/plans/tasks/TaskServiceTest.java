package com.campagne.plans.tasks;

import com.campagne.base.security.CampagneUser;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignException;
import com.campagne.plans.Channel;
import com.campagne.plans.MediaPlan;
import com.campagne.plans.PlanLineItem;
import com.campagne.support.IntegrationTest;
import com.campagne.support.Mailbox;
import com.campagne.support.TestEnvironment;
import com.campagne.tenancy.Role;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tasks on a campaign: what a valid task is, who may hold it, the e-mails and the daily reminder. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskServiceTest extends IntegrationTest {

    @Autowired ApplicationContext context;
    @Autowired TaskService tasks;
    @Autowired TaskReminders reminders;

    TaskFixture fixture;
    CampagneUser owner;
    CampagneUser colleague;
    CampagneUser englishColleague;
    CampagneUser viewer;
    CampagneUser otherOwner;
    Campaign campaign;
    PlanLineItem line;
    LocalDate today;

    @BeforeAll
    void agency() {
        fixture = new TaskFixture(context);
        String run = UUID.randomUUID().toString().substring(0, 6);
        owner = fixture.owner("Agence Tâches " + run, "Claire Morel");
        var client = fixture.client(owner, "Boulangerie " + run);
        colleague = fixture.member(owner, Role.CONTRIBUTOR, "Paul Durand", TaskFixture.email("paul"), Locale.FRENCH);
        englishColleague = fixture.member(owner, Role.CONTRIBUTOR, "Jane Smith", TaskFixture.email("jane"),
                Locale.ENGLISH);
        viewer = fixture.member(owner, Role.CLIENT_VIEWER, "Victor Client", TaskFixture.email("victor"),
                Locale.FRENCH, client.getId());
        otherOwner = fixture.owner("Autre agence " + run, "Olga Autre");
        today = LocalDate.now(ZoneId.of("Europe/Paris"));
        campaign = fixture.campaign(owner, client.getId(), "Printemps gourmand", today.minusDays(10), today.plusDays(60));
        MediaPlan plan = fixture.plan(owner, campaign.getId());
        line = fixture.line(owner, plan.getId(), Channel.SOCIAL, "Meta · carrousel", today, today.plusDays(20), "1200");
    }

    private Task task(String title, CampagneUser assignee, LocalDate due) {
        Task task = as(owner, () -> tasks.draft(campaign.getId()));
        task.setTitle(title);
        task.setAssigneeId(assignee == null ? null : assignee.tenant().membershipId());
        task.setDueDate(due);
        return task;
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        Task task = task("  ", viewer, today);
        task.setDescription("x".repeat(4001));
        task.setLineItemId(UUID.randomUUID());
        assertThatThrownBy(() -> as(owner, () -> tasks.save(task)))
                .isInstanceOfSatisfying(CampaignException.class, e -> assertThat(e.errors()).containsExactly(
                        java.util.Map.entry("title", "tasks.error.title.required"),
                        java.util.Map.entry("description", "tasks.error.description.size"),
                        java.util.Map.entry("assignee", "tasks.error.assignee.unknown"),
                        java.util.Map.entry("lineItem", "tasks.error.lineItem.unknown")));
        Task tooLong = task("t".repeat(301), colleague, today);
        assertThatThrownBy(() -> as(owner, () -> tasks.save(tooLong)))
                .isInstanceOfSatisfying(CampaignException.class,
                        e -> assertThat(e.errors()).containsEntry("title", "tasks.error.title.size"));
        assertThat(as(owner, () -> tasks.list(campaign.getId()))).extracting(Task::getTitle)
                .doesNotContain("t".repeat(301));
    }

    @Test
    void theAssigneeMustBeStaffOfTheSameOrganisation() {
        Task task = task("Valider les visuels", null, today);
        task.setAssigneeId(otherOwner.tenant().membershipId());
        assertThatThrownBy(() -> as(owner, () -> tasks.save(task)))
                .isInstanceOfSatisfying(CampaignException.class,
                        e -> assertThat(e.errors()).containsOnlyKeys("assignee"));
        assertThat(as(owner, () -> tasks.assignees())).extracting(m -> m.getUser().getDisplayName())
                .contains("Claire Morel", "Paul Durand", "Jane Smith").doesNotContain("Victor Client");
    }

    @Test
    void theAssigneeGetsAMailInTheirLanguageAndAgainOnReassignment() {
        Task task = task("Envoyer les visuels au client", colleague, today.plusDays(5));
        task.setLineItemId(line.getId());
        Task saved = as(owner, () -> tasks.save(task));
        assertThat(saved.getCreatedByName()).isEqualTo("Claire Morel");

        Mailbox.Mail mail = Mailbox.waitFor(colleague.email(), "Nouvelle tâche pour vous");
        assertThat(mail.subject()).isEqualTo("Nouvelle tâche pour vous\u00a0: Envoyer les visuels au client");
        assertThat(mail.body()).contains("Bonjour Paul Durand", "Claire Morel vous a confié une tâche",
                "«\u00a0Printemps gourmand\u00a0»", "Envoyer les visuels au client");
        assertThat(mail.firstLink()).endsWith("/clients/" + campaign.getClientId() + "/campaigns/" + campaign.getId()
                + "/tasks?task=" + saved.getId());

        // Saving again without changing the assignee sends nothing new; handing it over mails the new one.
        saved.setDescription("Les fichiers sont sur le drive.");
        Task again = as(owner, () -> tasks.save(saved));
        assertThat(mails(colleague.email(), "Envoyer les visuels au client")).isEqualTo(1);
        again.setAssigneeId(englishColleague.tenant().membershipId());
        as(owner, () -> tasks.save(again));
        Mailbox.Mail english = Mailbox.waitFor(englishColleague.email(), "New task for you");
        assertThat(english.body()).contains("Hello Jane Smith", "Claire Morel has given you a task",
                "\"Printemps gourmand\"");
    }

    @Test
    void theReminderGoesOutOnceForATaskDueTomorrowAndNeverForADoneOne() {
        Task dueTomorrow = as(owner, () -> tasks.save(task("Relancer l’imprimeur", colleague, today.plusDays(1))));
        Task done = task("Commander les flyers", colleague, today.plusDays(1));
        done.setStatus(TaskStatus.DONE);
        as(owner, () -> tasks.save(done));
        Task later = as(owner, () -> tasks.save(task("Préparer le bilan", colleague, today.plusDays(30))));

        reminders.sendDue();
        Mailbox.Mail reminder = Mailbox.waitFor(colleague.email(), "Rappel");
        assertThat(reminder.subject()).contains("Relancer l’imprimeur");
        assertThat(reminder.body()).contains("Printemps gourmand", "/tasks?task=" + dueTomorrow.getId());
        reminders.sendDue();
        assertThat(mails(colleague.email(), "Rappel\u00a0: «\u00a0Relancer l’imprimeur")).isEqualTo(1);
        assertThat(mails(colleague.email(), "Rappel\u00a0: «\u00a0Commander les flyers")).isZero();
        assertThat(mails(colleague.email(), "Rappel\u00a0: «\u00a0Préparer le bilan")).isZero();
        assertThat(as(owner, () -> tasks.find(dueTomorrow.getId())).orElseThrow().getRemindedAt()).isNotNull();
        assertThat(as(owner, () -> tasks.find(later.getId())).orElseThrow().getRemindedAt()).isNull();
    }

    @Test
    void myTasksPutTheLateOnesFirstAndLeaveTheDoneOnesApart() {
        CampagneUser me = fixture.member(owner, Role.MANAGER, "Marc Lenoir", TaskFixture.email("marc"), Locale.FRENCH);
        as(owner, () -> tasks.save(task("Dans un mois", me, today.plusDays(30))));
        as(owner, () -> tasks.save(task("En retard", me, today.minusDays(3))));
        as(owner, () -> tasks.save(task("Sans date", me, null)));
        Task finished = as(owner, () -> tasks.save(task("Déjà faite", me, today.minusDays(1))));
        as(me, () -> tasks.changeStatus(finished.getId(), TaskStatus.DONE));

        assertThat(as(me, () -> tasks.mine(false))).extracting(t -> t.task().getTitle())
                .containsExactly("En retard", "Dans un mois", "Sans date");
        assertThat(as(me, () -> tasks.mine(true))).singleElement()
                .satisfies(t -> {
                    assertThat(t.task().getTitle()).isEqualTo("Déjà faite");
                    assertThat(t.campaign().getName()).isEqualTo("Printemps gourmand");
                    assertThat(t.clientName()).startsWith("Boulangerie");
                });
    }

    @Test
    void commentsNeedABodyAndAreSignedByTheirAuthor() {
        Task task = as(owner, () -> tasks.save(task("Choisir les visuels", colleague, today.plusDays(8))));
        assertThatThrownBy(() -> as(colleague, () -> tasks.comment(task.getId(), "   ")))
                .isInstanceOfSatisfying(CampaignException.class,
                        e -> assertThat(e.errors()).containsEntry("body", "tasks.error.comment.required"));
        assertThatThrownBy(() -> as(colleague, () -> tasks.comment(task.getId(), "x".repeat(4001))))
                .isInstanceOf(CampaignException.class);
        as(colleague, () -> tasks.comment(task.getId(), "  Je m’en occupe demain.  "));
        as(owner, () -> tasks.comment(task.getId(), "Merci !"));
        assertThat(as(owner, () -> tasks.comments(task.getId())))
                .extracting(TaskComment::getAuthorName, TaskComment::getBody)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Paul Durand", "Je m’en occupe demain."),
                        org.assertj.core.groups.Tuple.tuple("Claire Morel", "Merci !"));
    }

    @Test
    void onlyTheCreatorOrAManagerDeletesATask() {
        Task byOwner = as(owner, () -> tasks.save(task("Réserver l’affichage", colleague, today.plusDays(9))));
        assertThatThrownBy(() -> as(colleague, () -> tasks.delete(byOwner.getId())))
                .isInstanceOfSatisfying(CampaignException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("tasks.error.deleteNotAllowed"));
        Task byColleague = as(colleague, () -> {
            Task t = tasks.draft(campaign.getId());
            t.setTitle("Appeler la radio");
            return tasks.save(t);
        });
        as(colleague, () -> tasks.delete(byColleague.getId()));
        as(owner, () -> tasks.delete(byOwner.getId()));
        assertThat(as(owner, () -> tasks.list(campaign.getId()))).extracting(Task::getTitle)
                .doesNotContain("Réserver l’affichage", "Appeler la radio");
    }

    /** How many mails {@code address} received whose subject contains {@code subjectPart}. */
    static long mails(String address, String subjectPart) {
        return Arrays.stream(TestEnvironment.MAIL.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject() != null && m.getSubject().contains(subjectPart)
                        && Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }
}
