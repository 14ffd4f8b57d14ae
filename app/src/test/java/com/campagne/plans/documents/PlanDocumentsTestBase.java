package com.campagne.plans.documents;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.accounts.SignupService;
import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.base.security.CampagneUser;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignObjective;
import com.campagne.plans.CampaignService;
import com.campagne.plans.Channel;
import com.campagne.plans.FeeKind;
import com.campagne.plans.MediaPlan;
import com.campagne.plans.MediaPlanService;
import com.campagne.plans.PlanLineItem;
import com.campagne.plans.money.BuyingModel;
import com.campagne.plans.vendors.Vendor;
import com.campagne.plans.vendors.VendorKind;
import com.campagne.plans.vendors.VendorRepository;
import com.campagne.support.IntegrationTest;
import com.campagne.tenancy.TenantKind;
import com.campagne.tenancy.UserRepository;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;

/** Organisations, vendors and plans for the document tests, and acting as one of their users. */
abstract class PlanDocumentsTestBase extends IntegrationTest {

    static final LocalDate START = LocalDate.of(2027, 3, 1);
    static final LocalDate END = LocalDate.of(2027, 4, 30);

    @Autowired SignupService signup;
    @Autowired AccountUserDetailsService accounts;
    @Autowired TenantTransactions transactions;
    @Autowired UserRepository users;
    @Autowired Clock clock;
    @Autowired ClientService clients;
    @Autowired CampaignService campaigns;
    @Autowired MediaPlanService plans;
    @Autowired VendorRepository vendors;
    @Autowired PlanDocumentService documents;
    @Autowired PlanImportService imports;
    @Autowired javax.sql.DataSource dataSource;

    CampagneUser owner(String name) {
        String email = "docs-" + UUID.randomUUID().toString().substring(0, 8) + "@documents.test";
        signup.signUp(new SignupService.SignupRequest(TenantKind.AGENCY, name, "Camille Test", email,
                "Vx9!mQ2#rL7$wK4", Locale.FRENCH));
        transactions.inScope(new TenantContext.Scope(null, null, null),
                () -> users.findByEmail(email).orElseThrow().markEmailVerified(clock.instant()));
        return accounts.loadUserByUsername(email);
    }

    UUID vendor(CampagneUser user, String name) {
        return as(user, () -> vendors.save(new Vendor(name, VendorKind.SUPPORT, clock.instant())).getId());
    }

    /** A draft plan (v1) of a new campaign of a new client, spring 2027, with this budget. */
    MediaPlan draftPlan(CampagneUser user, String clientName, String campaignName, String budget) {
        return draftPlanFor(user, as(user, () -> clients.save(new Client(clientName)).getId()), campaignName, budget);
    }

    /** A draft plan (v1) of a new campaign of that client, spring 2027, with this budget. */
    MediaPlan draftPlanFor(CampagneUser user, UUID client, String campaignName, String budget) {
        return as(user, () -> {
            Campaign c = campaigns.draft(client);
            c.setName(campaignName);
            c.setObjective(CampaignObjective.AWARENESS);
            c.setStartDate(START);
            c.setEndDate(END);
            c.setBudget(budget == null ? null : new BigDecimal(budget));
            c.setAgeMin(25);
            c.setAgeMax(45);
            c.setGeography("Lyon et 20 km autour");
            Campaign saved = campaigns.save(c);
            return plans.latestOrCreate(saved.getId());
        });
    }

    /** The client of a plan's campaign. */
    UUID clientOf(CampagneUser user, MediaPlan plan) {
        return as(user, () -> campaigns.find(plan.getCampaignId()).orElseThrow().getClientId());
    }

    /**
     * A campaign as a connection of the client would have discovered it (a connection row and its
     * {@code synced_campaigns} row, written as the tenant), for lines to link to; returns the connection id.
     */
    UUID syncedCampaign(CampagneUser user, UUID client, String accountId, String campaignId) {
        UUID connection = UUID.randomUUID();
        try (java.sql.Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var scope = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                scope.setString(1, user.tenant().tenantId().toString());
                scope.execute();
            }
            try (var insert = c.prepareStatement("insert into connections (tenant_id, id, client_id, connector_id, name,"
                    + " created_at, updated_at, version) values (?, ?, ?, 'demo', 'Meta Ads', now(), now(), 0)")) {
                insert.setObject(1, user.tenant().tenantId());
                insert.setObject(2, connection);
                insert.setObject(3, client);
                insert.executeUpdate();
            }
            try (var insert = c.prepareStatement("insert into synced_campaigns (tenant_id, connection_id, account_id,"
                    + " campaign_id, client_id, name, updated_at) values (?, ?, ?, ?, ?, 'Salon du fromage', now())")) {
                insert.setObject(1, user.tenant().tenantId());
                insert.setObject(2, connection);
                insert.setString(3, accountId);
                insert.setString(4, campaignId);
                insert.setObject(5, client);
                insert.executeUpdate();
            }
            c.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return connection;
    }

    PlanLineItem line(CampagneUser user, UUID planId, Channel channel, UUID vendorId, BuyingModel model, String price,
                      String volume, String... discounts) {
        return as(user, () -> {
            PlanLineItem line = plans.newLine(planId);
            line.setChannel(channel);
            line.setVendorId(vendorId);
            line.setPlacement(channel.name().toLowerCase(Locale.ROOT) + " — emplacement « premium »");
            line.setFormat("Format " + model.name());
            line.setBuyingModel(model);
            line.setRateCardPrice(new BigDecimal(price));
            line.setVolume(volume == null ? null : new BigDecimal(volume));
            line.setDiscounts(Arrays.stream(discounts).map(BigDecimal::new).toList());
            return plans.saveLine(line);
        });
    }

    void fee(CampagneUser user, UUID planId, FeeKind kind, String value) {
        as(user, () -> plans.saveSettings(planId, null, kind, value == null ? null : new BigDecimal(value), null));
    }

    List<PlanLineItem> lines(CampagneUser user, UUID planId) {
        return as(user, () -> plans.view(planId).lines());
    }
}
