package com.campagne.connectors.connections;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.accounts.SignupService;
import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.security.CampagneUser;
import com.campagne.tenancy.TenantKind;
import com.campagne.tenancy.UserRepository;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Organisations and users for the connection tests, and acting as one of them. */
final class ConnectionFixture {

    static final String PASSWORD = "Vx9!mQ2#rL7$wK4";

    private ConnectionFixture() {
    }

    /** Signs up an organisation with a confirmed owner and returns the owner. */
    static CampagneUser owner(SignupService signup, AccountUserDetailsService accounts, TenantTransactions transactions,
                              UserRepository users, Clock clock, TenantKind kind, String name) {
        String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@connections.test";
        signup.signUp(new SignupService.SignupRequest(kind, name, "Camille Test", email, PASSWORD, Locale.FRENCH));
        transactions.inScope(new TenantContext.Scope(null, null, null),
                () -> users.findByEmail(email).orElseThrow().markEmailVerified(clock.instant()));
        return accounts.loadUserByUsername(email);
    }

    static <T> T as(CampagneUser user, Supplier<T> work) {
        return as(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()), work);
    }

    static <T> T as(Authentication authentication, Supplier<T> work) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static void as(CampagneUser user, Runnable work) {
        as(user, () -> {
            work.run();
            return null;
        });
    }

    /** A filled form of the test connector with that API key. */
    static ConnectionDraft draft(String name, String customerId, String apiKey) {
        Map<String, String> values = new HashMap<>();
        values.put("customerId", customerId);
        values.put("region", "eu");
        values.put("days", "30");
        Map<String, String> secrets = new HashMap<>();
        secrets.put("apiKey", apiKey);
        return new ConnectionDraft(TestConnector.ID, name, values, secrets, Map.of());
    }
}
