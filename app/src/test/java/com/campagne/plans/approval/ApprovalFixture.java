package com.campagne.plans.approval;

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

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;

/** Agencies, clients and proposed plans for the approval tests, and acting as one of their users. */
final class ApprovalFixture {

    static final String PASSWORD = "Vx9!mQ2#rL7$wK4";

    private ApprovalFixture() {
    }

    /** Signs up an agency with a confirmed owner and returns the owner. */
    static CampagneUser owner(SignupService signup, AccountUserDetailsService accounts, TenantTransactions transactions,
                              UserRepository users, Clock clock, String agencyName) {
        return owner(signup, accounts, transactions, users, clock, agencyName, Locale.FRENCH);
    }

    /** The same, for an agency working in {@code locale}. */
    static CampagneUser owner(SignupService signup, AccountUserDetailsService accounts, TenantTransactions transactions,
                              UserRepository users, Clock clock, String agencyName, Locale locale) {
        String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@approval.test";
        signup.signUp(new SignupService.SignupRequest(TenantKind.AGENCY, agencyName, "Camille Test", email, PASSWORD,
                locale));
        transactions.inScope(new TenantContext.Scope(null, null, null),
                () -> users.findByEmail(email).orElseThrow().markEmailVerified(clock.instant()));
        return accounts.loadUserByUsername(email);
    }

    /** A client viewer of the owner's tenant, granted {@code clientId} only. */
    static CampagneUser viewer(AccountUserDetailsService accounts, TenantTransactions transactions, UserRepository users,
                               MembershipRepository memberships, ClientGrantRepository grants, Clock clock,
                               UUID tenantId, UUID clientId) {
        String email = "viewer-" + UUID.randomUUID().toString().substring(0, 8) + "@approval.test";
        transactions.inScope(new TenantContext.Scope(null, null, null), () -> {
            User user = new User(email, "not a password hash", "Victor Client", "fr", clock.instant());
            user.markEmailVerified(clock.instant());
            user.setLastTenantId(tenantId);
            users.save(user);
        });
        transactions.inScope(TenantContext.Scope.tenant(tenantId), () -> {
            Membership m = memberships.save(new Membership(users.findByEmail(email).orElseThrow(),
                    Role.CLIENT_VIEWER, clock.instant()));
            grants.save(new ClientGrant(m.getId(), clientId));
        });
        return accounts.loadUserByUsername(email);
    }

    static UUID client(ClientService clients, CampagneUser owner, String name) {
        return as(owner, () -> clients.save(new Client(name))).getId();
    }

    /**
     * A campaign of the client (budget 12 000 €) whose v1 holds one flat-fee line of 2 500 € on social media;
     * proposed to the client when {@code propose}.
     */
    static MediaPlan plan(CampaignService campaigns, MediaPlanService plans, CampagneUser owner, UUID clientId,
                          String campaignName, boolean propose) {
        return as(owner, () -> {
            Campaign c = campaigns.draft(clientId);
            c.setName(campaignName);
            c.setObjective(CampaignObjective.AWARENESS);
            c.setStartDate(LocalDate.of(2027, 3, 1));
            c.setEndDate(LocalDate.of(2027, 3, 31));
            c.setBudget(new BigDecimal("12000"));
            Campaign saved = campaigns.save(c);
            MediaPlan plan = plans.latestOrCreate(saved.getId());
            PlanLineItem line = plans.newLine(plan.getId());
            line.setChannel(Channel.SOCIAL);
            line.setPlacement("Instagram Stories");
            line.setFormat("Vidéo 15 s");
            line.setBuyingModel(BuyingModel.FLAT_FEE);
            line.setRateCardPrice(new BigDecimal("2500"));
            plans.saveLine(line);
            return propose ? plans.propose(plan.getId()) : plan;
        });
    }

    /** The token at the end of the link of an approval mail. */
    static String tokenOf(String link) {
        return link.substring(link.indexOf("/approval/") + "/approval/".length());
    }
}
