package com.campagne.accounts;

import com.campagne.base.config.CampagneProperties;
import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.i18n.I18n;
import com.campagne.base.mail.MailService;
import com.campagne.tenancy.User;
import com.campagne.tenancy.UserRepository;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Proves a user owns their e-mail address before they can log in. */
@Service
public class EmailVerification {

    private final UserRepository users;
    private final AccountTokens tokens;
    private final TenantTransactions transactions;
    private final MailService mail;
    private final I18n i18n;
    private final CampagneProperties properties;
    private final Clock clock;

    EmailVerification(UserRepository users, AccountTokens tokens, TenantTransactions transactions, MailService mail,
                      I18n i18n, CampagneProperties properties, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.transactions = transactions;
        this.mail = mail;
        this.i18n = i18n;
        this.properties = properties;
        this.clock = clock;
    }

    /** Mails a fresh verification link to the user. */
    void send(UUID userId) {
        record Prepared(User user, String token) {
        }
        Prepared prepared = transactions.inScope(TenantContext.Scope.user(userId), () -> {
            User user = users.findById(userId).orElseThrow();
            return new Prepared(user, tokens.issue(userId, UserToken.Purpose.VERIFY_EMAIL,
                    SignupService.VERIFICATION_VALIDITY));
        });
        var locale = I18n.parse(prepared.user().getLocale());
        String link = properties.linkBase() + "/verify?token=" + prepared.token();
        mail.send(new MailService.Mail(prepared.user().getEmail(),
                i18n.getTranslation("mail.verify.subject", locale),
                i18n.getTranslation("mail.verify.body", locale, prepared.user().getDisplayName(), link)));
    }

    /** Sends the link again to an unverified address; says nothing about whether the address exists. */
    public void resend(String email) {
        Optional<UUID> userId = transactions.inScope(new TenantContext.Scope(null, null, null),
                () -> users.findByEmail(email).filter(u -> !u.isEmailVerified()).map(User::getId));
        userId.ifPresent(this::send);
    }

    /** Marks the address verified; false when the link is unknown, used or expired. */
    public boolean verify(String token) {
        return transactions.inScope(new TenantContext.Scope(null, null, null), () ->
                tokens.redeem(token, UserToken.Purpose.VERIFY_EMAIL)
                        .flatMap(users::findById)
                        .map(user -> {
                            user.markEmailVerified(clock.instant());
                            return true;
                        }).orElse(false));
    }
}
