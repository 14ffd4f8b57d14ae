package com.campagne.connectors.oauth;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.accounts.SignupService;
import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.security.CampagneUser;
import com.campagne.tenancy.TenantKind;
import com.campagne.tenancy.UserRepository;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Organisations for the OAuth 2 tests, and reading an authorization address. */
final class OAuthFixture {

    private OAuthFixture() {
    }

    static CampagneUser owner(SignupService signup, AccountUserDetailsService accounts, TenantTransactions transactions,
                              UserRepository users, Clock clock, TenantKind kind, String name) {
        String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@oauth.test";
        signup.signUp(new SignupService.SignupRequest(kind, name, "Camille Test", email, "Vx9!mQ2#rL7$wK4",
                Locale.FRENCH));
        transactions.inScope(new TenantContext.Scope(null, null, null),
                () -> users.findByEmail(email).orElseThrow().markEmailVerified(clock.instant()));
        return accounts.loadUserByUsername(email);
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
