package com.campagne.accounts;

import com.campagne.base.config.CampagneProperties;
import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.i18n.I18n;
import com.campagne.base.mail.MailService;
import com.campagne.tenancy.User;
import com.campagne.tenancy.UserRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** "Forgot password": a one-hour link by e-mail, then a new password that also lifts a lock. */
@Service
public class PasswordReset {

    static final Duration VALIDITY = Duration.ofHours(1);

    private final UserRepository users;
    private final AccountTokens tokens;
    private final TenantTransactions transactions;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;
    private final MailService mail;
    private final I18n i18n;
    private final CampagneProperties properties;
    private final Clock clock;

    PasswordReset(UserRepository users, AccountTokens tokens, TenantTransactions transactions,
                  PasswordEncoder passwordEncoder, PasswordPolicy policy, MailService mail, I18n i18n,
                  CampagneProperties properties, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.transactions = transactions;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.mail = mail;
        this.i18n = i18n;
        this.properties = properties;
        this.clock = clock;
    }

    /** Mails a reset link if the address is known; the caller shows the same answer either way. */
    public void request(String email) {
        record Prepared(User user, String token) {
        }
        Optional<Prepared> prepared = transactions.inScope(new TenantContext.Scope(null, null, null),
                () -> users.findByEmail(email == null ? "" : email.trim()).map(user ->
                        new Prepared(user, tokens.issue(user.getId(), UserToken.Purpose.RESET_PASSWORD, VALIDITY))));
        prepared.ifPresent(p -> {
            var locale = I18n.parse(p.user().getLocale());
            mail.send(new MailService.Mail(p.user().getEmail(), i18n.getTranslation("mail.reset.subject", locale),
                    i18n.getTranslation("mail.reset.body", locale, p.user().getDisplayName(),
                            properties.linkBase() + "/reset-password?token=" + p.token())));
        });
    }

    /** Sets the new password; throws {@link AccountException} for a bad link or a weak password. */
    public void reset(String token, String newPassword) {
        transactions.inScope(new TenantContext.Scope(null, null, null), () -> {
            User user = tokens.redeem(token, UserToken.Purpose.RESET_PASSWORD).flatMap(users::findById)
                    .orElseThrow(() -> new AccountException("reset.invalidLink"));
            policy.check(newPassword, user.getEmail()).ifPresent(key -> {
                throw new AccountException(key, "password");
            });
            user.setPasswordHash(passwordEncoder.encode(newPassword));
            user.setFailedLogins(0);
            user.setLockedUntil(null);
            // Following a link from the mailbox proves the address too.
            user.markEmailVerified(clock.instant());
        });
    }
}
