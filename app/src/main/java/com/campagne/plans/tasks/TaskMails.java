package com.campagne.plans.tasks;

import com.campagne.base.ui.Formats;
import com.campagne.base.config.CampagneProperties;
import com.campagne.base.i18n.I18n;
import com.campagne.base.mail.MailService;
import com.campagne.plans.Campaign;
import com.campagne.tenancy.Membership;
import com.campagne.tenancy.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Locale;

/** The e-mails of delegation, each in the assignee's own language, with a link straight to the task. */
@Component
class TaskMails {

    private static final Logger log = LoggerFactory.getLogger(TaskMails.class);

    private final MailService mail;
    private final I18n i18n;
    private final CampagneProperties properties;

    TaskMails(MailService mail, I18n i18n, CampagneProperties properties) {
        this.mail = mail;
        this.i18n = i18n;
        this.properties = properties;
    }

    /** The address of the task's dialog on its campaign's task list. */
    String link(Task task, Campaign campaign) {
        return properties.linkBase() + "/" + TaskPaths.campaignTasks(campaign.getClientId(), campaign.getId())
                + "?task=" + task.getId();
    }

    /** Tells the assignee a task is theirs; a failed delivery is logged, the task stays saved. */
    void assigned(Task task, Campaign campaign, Membership assignee, String byName) {
        User user = assignee.getUser();
        Locale locale = I18n.supported(I18n.parse(user.getLocale()));
        send(user, i18n.getTranslation("tasks.mail.assigned.subject", locale, task.getTitle()),
                i18n.getTranslation("tasks.mail.assigned.body", locale, greeting(user), byName, task.getTitle(),
                        campaign.getName(), due(task, locale), link(task, campaign)));
    }

    /** Reminds the assignee of a task due soon (or late). Returns whether the mail went out. */
    boolean reminder(Task task, Campaign campaign, Membership assignee) {
        User user = assignee.getUser();
        Locale locale = I18n.supported(I18n.parse(user.getLocale()));
        return send(user, i18n.getTranslation("tasks.mail.reminder.subject", locale, task.getTitle()),
                i18n.getTranslation("tasks.mail.reminder.body", locale, greeting(user), task.getTitle(),
                        campaign.getName(), due(task, locale), link(task, campaign)));
    }

    private boolean send(User to, String subject, String body) {
        try {
            mail.send(new MailService.Mail(to.getEmail(), subject, body));
            return true;
        } catch (MailService.MailDeliveryException e) {
            log.warn("Task mail to {} not delivered: {}", to.getEmail(), e.getMessage());
            return false;
        }
    }

    private static String greeting(User user) {
        return user.getDisplayName() == null || user.getDisplayName().isBlank() ? user.getEmail() : user.getDisplayName();
    }

    private String due(Task task, Locale locale) {
        return task.getDueDate() == null ? i18n.getTranslation("tasks.mail.noDue", locale)
                : Formats.longDate(task.getDueDate(), locale);
    }
}
