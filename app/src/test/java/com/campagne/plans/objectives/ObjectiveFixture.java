package com.campagne.plans.objectives;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.accounts.SignupService;
import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.security.CampagneUser;
import com.campagne.clients.ClientGrant;
import com.campagne.clients.ClientGrantRepository;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignObjective;
import com.campagne.plans.CampaignService;
import com.campagne.tenancy.Membership;
import com.campagne.tenancy.MembershipRepository;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantKind;
import com.campagne.tenancy.User;
import com.campagne.tenancy.UserRepository;
import org.springframework.context.ApplicationContext;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;

/**
 * Organisations, members and campaigns for the vendor and objective tests, and acting as one of them.
 * Built from the shared test context's beans (not a bean itself: importing one would start a second context).
 */
public class ObjectiveFixture {

    static final String PASSWORD = "Vx9!mQ2#rL7$wK4";

    private final SignupService signup;
    private final AccountUserDetailsService accounts;
    private final TenantTransactions transactions;
    private final UserRepository users;
    private final MembershipRepository memberships;
    private final ClientGrantRepository grants;
    private final CampaignService campaigns;
    private final Clock clock;

    public ObjectiveFixture(ApplicationContext context) {
        signup = context.getBean(SignupService.class);
        accounts = context.getBean(AccountUserDetailsService.class);
        transactions = context.getBean(TenantTransactions.class);
        users = context.getBean(UserRepository.class);
        memberships = context.getBean(MembershipRepository.class);
        grants = context.getBean(ClientGrantRepository.class);
        campaigns = context.getBean(CampaignService.class);
        clock = context.getBean(Clock.class);
    }

    /** Signs up an agency with a confirmed owner and returns the owner. */
    public CampagneUser owner(String name) {
        String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@objectives.test";
        signup.signUp(new SignupService.SignupRequest(TenantKind.AGENCY, name, "Camille Test", email, PASSWORD,
                Locale.FRENCH));
        transactions.inScope(new TenantContext.Scope(null, null, null),
                () -> users.findByEmail(email).orElseThrow().markEmailVerified(clock.instant()));
        return accounts.loadUserByUsername(email);
    }

    /** A member of the owner's tenant with that role; a client viewer is granted {@code grantedClient}. */
    public CampagneUser member(CampagneUser owner, Role role, String displayName, UUID grantedClient) {
        String email = role.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "@objectives.test";
        UUID tenant = owner.tenant().tenantId();
        transactions.inScope(new TenantContext.Scope(null, null, null), () -> {
            User user = new User(email, "not a password hash", displayName, "fr", clock.instant());
            user.markEmailVerified(clock.instant());
            user.setLastTenantId(tenant);
            users.save(user);
        });
        transactions.inScope(TenantContext.Scope.tenant(tenant), () -> {
            Membership m = memberships.save(new Membership(users.findByEmail(email).orElseThrow(), role,
                    clock.instant()));
            if (grantedClient != null) {
                grants.save(new ClientGrant(m.getId(), grantedClient));
            }
        });
        return accounts.loadUserByUsername(email);
    }

    /** A saved campaign of the client, as the current user. */
    public Campaign campaign(UUID clientId, String name) {
        Campaign c = campaigns.draft(clientId);
        c.setName(name);
        c.setObjective(CampaignObjective.LEADS);
        c.setStartDate(LocalDate.of(2027, 3, 1));
        c.setEndDate(LocalDate.of(2027, 6, 30));
        return campaigns.save(c);
    }

}
