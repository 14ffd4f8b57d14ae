package com.campagne.accounts;

import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.security.CampagneUser;
import com.campagne.base.security.CurrentUser;
import com.campagne.base.security.SessionAuthentication;
import com.campagne.tenancy.User;
import com.campagne.tenancy.UserRepository;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.util.Locale;

/** The signed-in user's own settings: name, language, password. */
@Service
@PermitAll
public class AccountService {

    private final UserRepository users;
    private final TenantTransactions transactions;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;

    AccountService(UserRepository users, TenantTransactions transactions, PasswordEncoder passwordEncoder,
                   PasswordPolicy policy) {
        this.users = users;
        this.transactions = transactions;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
    }

    public User current() {
        CampagneUser me = CurrentUser.require();
        return transactions.inScope(TenantContext.Scope.user(me.userId()), () -> users.findById(me.userId()).orElseThrow());
    }

    public void changeLanguage(Locale locale) {
        CampagneUser me = CurrentUser.require();
        update(me.displayName(), locale);
    }

    public void update(String displayName, Locale locale) {
        if (displayName == null || displayName.isBlank()) {
            throw new AccountException("signup.name.required", "displayName");
        }
        if (displayName.trim().length() > 120) {
            throw new AccountException("account.name.tooLong", "displayName");
        }
        CampagneUser me = CurrentUser.require();
        transactions.inScope(TenantContext.Scope.user(me.userId()), () -> users.findById(me.userId()).ifPresent(u -> {
            u.setDisplayName(displayName.trim());
            u.setLocale(locale.toLanguageTag());
        }));
        SessionAuthentication.replace(me.withProfile(displayName.trim(), locale.toLanguageTag()));
    }

    public void changePassword(String currentPassword, String newPassword) {
        CampagneUser me = CurrentUser.require();
        transactions.inScope(TenantContext.Scope.user(me.userId()), () -> {
            User user = users.findById(me.userId()).orElseThrow();
            if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
                throw new AccountException("account.password.wrongCurrent", "currentPassword");
            }
            policy.check(newPassword, user.getEmail()).ifPresent(key -> {
                throw new AccountException(key, "newPassword");
            });
            user.setPasswordHash(passwordEncoder.encode(newPassword));
        });
    }
}
