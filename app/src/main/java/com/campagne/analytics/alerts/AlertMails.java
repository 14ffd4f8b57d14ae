package com.campagne.analytics.alerts;

import com.campagne.base.config.CampagneProperties;
import com.campagne.base.i18n.I18n;
import com.campagne.base.mail.MailService;
import com.campagne.tenancy.Membership;
import com.campagne.tenancy.MembershipRepository;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** One e-mail per newly fired alert to each owner, admin and manager of the tenant, in their own language. */
@Component
class AlertMails {

    private static final Logger log = LoggerFactory.getLogger(AlertMails.class);
    private static final Set<Role> RECIPIENTS = Set.of(Role.OWNER, Role.ADMIN, Role.MANAGER);

    private final MailService mail;
    private final MembershipRepository memberships;
    private final I18n i18n;
    private final CampagneProperties properties;

    AlertMails(MailService mail, MembershipRepository memberships, I18n i18n, CampagneProperties properties) {
        this.mail = mail;
        this.memberships = memberships;
        this.i18n = i18n;
        this.properties = properties;
    }

    /** A mail ready to leave, once the alert it tells of is committed. */
    record Outgoing(UUID eventId, MailService.Mail mail) {
    }

    /** The mails of a fired alert (read inside the tenant's transaction: the recipients are the tenant's). */
    List<Outgoing> compose(AlertEvent event) {
        String link = properties.linkBase() + "/" + AlertPaths.ALERTS;
        return memberships.findAllWithUsers().stream().filter(m -> RECIPIENTS.contains(m.getRole()))
                .map(Membership::getUser).filter(u -> MailService.accepts(u.getEmail()))
                .map(user -> {
                    Locale locale = I18n.supported(I18n.parse(user.getLocale()));
                    String kind = i18n.getTranslation(event.getKind().labelKey(), locale);
                    return new Outgoing(event.getId(), new MailService.Mail(user.getEmail(),
                            i18n.getTranslation("alerts.mail.subject", locale, kind),
                            i18n.getTranslation("alerts.mail.body", locale, greeting(user), event.message(locale), link)));
                }).toList();
    }

    /** Sends one mail; a failed delivery is logged, the alert stays in the app. */
    void send(Outgoing outgoing) {
        try {
            mail.send(outgoing.mail());
        } catch (MailService.MailDeliveryException e) {
            log.warn("Alert mail to {} not delivered: {}", outgoing.mail().to(), e.getMessage());
        }
    }

    private static String greeting(User user) {
        return user.getDisplayName() == null || user.getDisplayName().isBlank() ? user.getEmail() : user.getDisplayName();
    }
}
