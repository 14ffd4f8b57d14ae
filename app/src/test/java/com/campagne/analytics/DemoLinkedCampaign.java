package com.campagne.analytics;

import com.campagne.base.security.CampagneUser;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.connectors.connections.Connection;
import com.campagne.connectors.connections.ConnectionService;
import com.campagne.connectors.runtime.ConnectorCatalog;
import com.campagne.plans.Campaign;
import com.campagne.plans.money.BuyingModel;
import com.campagne.plans.CampaignObjective;
import com.campagne.plans.CampaignService;
import com.campagne.plans.Channel;
import com.campagne.plans.MediaPlan;
import com.campagne.plans.MediaPlanService;
import com.campagne.plans.PlanLineItem;
import com.campagne.plans.SyncedCampaignLookup;
import com.campagne.plans.SyncedCampaignLookup.SyncedCampaign;
import com.campagne.support.DemoConnections;
import com.campagne.support.TenantSql;
import org.springframework.context.ApplicationContext;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static com.campagne.support.ActingAs.as;

/**
 * A client with the bundled demo connection synced through the engine, and a campaign running from 20 days
 * ago to 10 days ahead whose media plan has two lines: one linked to the demo campaign that spent the most
 * over the period (its volume chosen so the plan is close to what was spent), one not linked.
 */
public record DemoLinkedCampaign(UUID tenantId, UUID clientId, UUID campaignId, UUID linkedLineId, UUID connectionId,
                          String accountId, String networkCampaignId, String networkCampaignName,
                          LocalDate start, LocalDate end) {

    /** Net CPM of the lines: 10 € rate card less 20 % then 10 %. */
    static final BigDecimal NET_CPM = new BigDecimal("7.2");

    public static DemoLinkedCampaign create(ApplicationContext context, CampagneUser owner, String clientName,
                                     String campaignName) throws InterruptedException {
        ClientService clients = context.getBean(ClientService.class);
        ConnectionService connections = context.getBean(ConnectionService.class);
        ConnectorCatalog catalog = context.getBean(ConnectorCatalog.class);
        SyncedCampaignLookup synced = context.getBean(SyncedCampaignLookup.class);
        CampaignService campaigns = context.getBean(CampaignService.class);
        MediaPlanService plans = context.getBean(MediaPlanService.class);
        DataSource dataSource = context.getBean(DataSource.class);
        LocalDate today = LocalDate.now(context.getBean(Clock.class));
        UUID tenant = owner.tenant().tenantId();

        UUID client = as(owner, () -> clients.save(new Client(clientName))).getId();
        Connection connection = DemoConnections.synced(owner, client, connections, catalog);

        LocalDate start = today.minusDays(20);
        LocalDate end = today.plusDays(10);
        LocalDate yesterday = today.minusDays(1);
        Map<String, Object> top = TenantSql.one(dataSource, tenant, "select account_id, campaign_id, sum(cost) as spent"
                        + " from metric_facts where connection_id = ? and day between ? and ? and campaign_id is not null"
                        + " and currency = 'EUR' group by 1, 2 order by 3 desc nulls last limit 1",
                connection.getId(), start, yesterday);
        String accountId = (String) top.get("account_id");
        String networkCampaign = (String) top.get("campaign_id");
        BigDecimal spent = (BigDecimal) top.get("spent");
        SyncedCampaign target = as(owner, () -> synced.forClient(client, Locale.FRENCH)).stream()
                .filter(s -> s.accountId().equals(accountId) && s.campaignId().equals(networkCampaign))
                .findFirst().orElseThrow();

        UUID campaignId = as(owner, () -> {
            Campaign campaign = campaigns.draft(client);
            campaign.setName(campaignName);
            campaign.setObjective(CampaignObjective.LEADS);
            campaign.setStartDate(start);
            campaign.setEndDate(end);
            campaign.setBudget(spent.multiply(new BigDecimal("1.6")).setScale(0, RoundingMode.HALF_UP));
            return campaigns.save(campaign);
        }).getId();
        MediaPlan plan = as(owner, () -> plans.latestOrCreate(campaignId));
        // The linked line's cost to date (20 of its 31 days) a little under what was spent: about 105 % pacing.
        BigDecimal cost = spent.multiply(BigDecimal.valueOf(31)).divide(new BigDecimal("21"), 2, RoundingMode.HALF_UP);
        BigDecimal volume = cost.multiply(BigDecimal.valueOf(1000)).divide(NET_CPM, -3, RoundingMode.HALF_UP);
        PlanLineItem linked = as(owner, () -> line(plans, plan.getId(), Channel.SEARCH, "Mots-clés marque", volume));
        linked.linkSyncedCampaign(target.connectionId(), target.accountId(), target.campaignId());
        UUID linkedId = as(owner, () -> plans.saveLine(linked)).getId();
        PlanLineItem other = as(owner, () -> line(plans, plan.getId(), Channel.DISPLAY, "Rubrique Sport",
                new BigDecimal("50000")));
        as(owner, () -> plans.saveLine(other));
        return new DemoLinkedCampaign(tenant, client, campaignId, linkedId, connection.getId(), accountId,
                networkCampaign, target.name(), start, end);
    }

    private static PlanLineItem line(MediaPlanService plans, UUID planId, Channel channel, String placement,
                                     BigDecimal volume) {
        PlanLineItem line = plans.newLine(planId);
        line.setChannel(channel);
        line.setPlacement(placement);
        line.setFormat("Annonce");
        line.setBuyingModel(BuyingModel.CPM);
        line.setRateCardPrice(new BigDecimal("10"));
        line.setDiscounts(List.of(new BigDecimal("20"), new BigDecimal("10")));
        line.setVolume(volume);
        return line;
    }

    /** An independent sum over the raw facts of the linked network campaign, from the start to {@code to}. */
    public Map<String, Object> rawSums(DataSource dataSource, LocalDate to) {
        return TenantSql.one(dataSource, tenantId, "select coalesce(sum(cost) filter (where currency = 'EUR'), 0) as cost,"
                        + " coalesce(sum(clicks), 0) as clicks, coalesce(sum(impressions), 0) as impressions,"
                        + " coalesce(sum(conversions), 0) as conversions from metric_facts where connection_id = ?"
                        + " and account_id = ? and campaign_id = ? and day between ? and ?",
                connectionId, accountId, networkCampaignId, start, to);
    }
}
