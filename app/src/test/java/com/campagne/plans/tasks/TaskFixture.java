package com.campagne.plans.tasks;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.accounts.SignupService;
import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.security.CampagneUser;
import com.campagne.clients.Client;
import com.campagne.clients.ClientGrant;
import com.campagne.clients.ClientGrantRepository;
import com.campagne.clients.ClientService;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignObjective;
import com.campagne.plans.CampaignService;
import com.campagne.plans.Channel;
import com.campagne.plans.MediaPlan;
import com.campagne.plans.MediaPlanService;
import com.campagne.plans.PlanLineItem;
import com.campagne.plans.money.BuyingModel;
import com.campagne.tenancy.Membership;
import com.campagne.tenancy.MembershipRepository;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantKind;
import com.campagne.tenancy.User;
import com.campagne.tenancy.UserRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.context.ApplicationContext;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;

/**
 * Organisations, colleagues, clients, campaigns and plans for the task and calendar tests, built through
 * the services (the plan editor has its own tests), and acting as one of the users.
 */
public class TaskFixture {

    public static final String PASSWORD = "Velo-Rouge-Marmotte-42";

    private final SignupService signup;
    private final AccountUserDetailsService accounts;
    private final TenantTransactions transactions;
    private final UserRepository users;
    private final MembershipRepository memberships;
    private final ClientGrantRepository grants;
    private final PasswordEncoder passwords;
    private final ClientService clients;
    private final CampaignService campaigns;
    private final MediaPlanService plans;
    private final Clock clock;

    public TaskFixture(ApplicationContext context) {
        signup = context.getBean(SignupService.class);
        accounts = context.getBean(AccountUserDetailsService.class);
        transactions = context.getBean(TenantTransactions.class);
        users = context.getBean(UserRepository.class);
        memberships = context.getBean(MembershipRepository.class);
        grants = context.getBean(ClientGrantRepository.class);
        passwords = context.getBean(PasswordEncoder.class);
        clients = context.getBean(ClientService.class);
        campaigns = context.getBean(CampaignService.class);
        plans = context.getBean(MediaPlanService.class);
        clock = context.getBean(Clock.class);
    }

    public static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@exemple.test";
    }

    /** Signs up an agency with a confirmed owner and returns the owner. */
    public CampagneUser owner(String organization, String name) {
        String email = email("owner");
        signup.signUp(new SignupService.SignupRequest(TenantKind.AGENCY, organization, name, email, PASSWORD,
                Locale.FRENCH));
        transactions.inScope(new TenantContext.Scope(null, null, null),
                () -> users.findByEmail(email).orElseThrow().markEmailVerified(clock.instant()));
        return accounts.loadUserByUsername(email);
    }

    /** A confirmed member of the owner's organisation, who can log in with {@link #PASSWORD}. */
    public CampagneUser member(CampagneUser owner, Role role, String name, String email, Locale locale,
                               UUID... grantedClients) {
        UUID tenant = owner.tenant().tenantId();
        transactions.inScope(new TenantContext.Scope(null, null, null), () -> {
            User user = new User(email, passwords.encode(PASSWORD), name, locale.toLanguageTag(), clock.instant());
            user.markEmailVerified(clock.instant());
            user.setLastTenantId(tenant);
            users.save(user);
        });
        transactions.inScope(TenantContext.Scope.tenant(tenant), () -> {
            Membership m = memberships.save(new Membership(users.findByEmail(email).orElseThrow(), role,
                    clock.instant()));
            for (UUID client : grantedClients) {
                grants.save(new ClientGrant(m.getId(), client));
            }
        });
        return accounts.loadUserByUsername(email);
    }

    public Client client(CampagneUser owner, String name) {
        return as(owner, () -> clients.save(new Client(name)));
    }

    /** A saved draft campaign of the client over the period. */
    public Campaign campaign(CampagneUser owner, UUID clientId, String name, LocalDate start, LocalDate end) {
        return as(owner, () -> {
            Campaign c = campaigns.draft(clientId);
            c.setName(name);
            c.setObjective(CampaignObjective.AWARENESS);
            c.setStartDate(start);
            c.setEndDate(end);
            c.setBudget(new BigDecimal("50000"));
            return campaigns.save(c);
        });
    }

    /** The campaign's first plan version. */
    public MediaPlan plan(CampagneUser owner, UUID campaignId) {
        return as(owner, () -> plans.latestOrCreate(campaignId));
    }

    /** A flat-fee line of the plan costing {@code price}. */
    public PlanLineItem line(CampagneUser owner, UUID planId, Channel channel, String placement, LocalDate start,
                             LocalDate end, String price) {
        return as(owner, () -> {
            PlanLineItem line = plans.newLine(planId);
            line.setChannel(channel);
            line.setPlacement(placement);
            line.setBuyingModel(BuyingModel.FLAT_FEE);
            line.setRateCardPrice(new BigDecimal(price));
            line.setStartDate(start);
            line.setEndDate(end);
            return plans.saveLine(line);
        });
    }
}
