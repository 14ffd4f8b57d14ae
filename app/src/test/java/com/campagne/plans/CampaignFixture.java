package com.campagne.plans;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.accounts.SignupService;
import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.security.CampagneUser;
import com.campagne.tenancy.TenantKind;
import com.campagne.tenancy.UserRepository;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;

/** Organisations, users and campaigns for the campaign tests, and acting as one of them. */
public final class CampaignFixture {

    static final String PASSWORD = "Vx9!mQ2#rL7$wK4";

    private CampaignFixture() {
    }

    /** Signs up an organisation with a confirmed owner and returns the owner. */
    public static CampagneUser owner(SignupService signup, AccountUserDetailsService accounts, TenantTransactions transactions,
                              UserRepository users, Clock clock, TenantKind kind, String name) {
        String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@campaigns.test";
        signup.signUp(new SignupService.SignupRequest(kind, name, "Camille Test", email, PASSWORD, Locale.FRENCH));
        transactions.inScope(new TenantContext.Scope(null, null, null),
                () -> users.findByEmail(email).orElseThrow().markEmailVerified(clock.instant()));
        return accounts.loadUserByUsername(email);
    }

    /** A valid draft for the client, to be completed or broken by the test. */
    static Campaign valid(CampaignService service, UUID clientId, String name) {
        Campaign c = service.draft(clientId);
        c.setName(name);
        c.setObjective(CampaignObjective.AWARENESS);
        c.setStartDate(LocalDate.of(2027, 3, 1));
        c.setEndDate(LocalDate.of(2027, 3, 31));
        c.setBudget(new BigDecimal("12500.50"));
        c.setAgeMin(25);
        c.setAgeMax(45);
        return c;
    }
}
