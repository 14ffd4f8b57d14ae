package com.campagne.plans;

import com.campagne.base.db.TenantOwnedEntity;
import com.campagne.plans.money.BuyingModel;
import com.campagne.plans.money.Discounts;
import com.campagne.plans.money.LineCost;
import com.campagne.plans.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One line of a media plan: channel, vendor, placement and format, how it is bought, the rate-card price and
 * the negotiated cascade of discounts, the planned volume, the flight and the link to the network campaign
 * that runs it. {@link #getCost()} is stored rounded, computed by {@link #lineCost} on every save.
 */
@Entity
@Table(name = "plan_line_items")
public class PlanLineItem extends TenantOwnedEntity {

    @Column(name = "plan_id", nullable = false, updatable = false)
    private UUID planId;
    @Column(name = "origin_id")
    private UUID originId;
    private int position;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Column(name = "vendor_id")
    private UUID vendorId;
    private String placement;
    private String format;
    @Enumerated(EnumType.STRING)
    @Column(name = "buying_model")
    private BuyingModel buyingModel;
    @Column(name = "rate_card_price")
    private BigDecimal rateCardPrice;
    private String discounts;
    private BigDecimal volume;
    private BigDecimal cost;
    @Column(name = "planned_impressions")
    private BigDecimal plannedImpressions;
    @Column(name = "planned_clicks")
    private BigDecimal plannedClicks;
    @Column(name = "planned_conversions")
    private BigDecimal plannedConversions;
    @Column(name = "start_date")
    private LocalDate startDate;
    @Column(name = "end_date")
    private LocalDate endDate;
    private String targeting;
    @Column(name = "synced_connection_id")
    private UUID syncedConnectionId;
    @Column(name = "synced_account_id")
    private String syncedAccountId;
    @Column(name = "synced_campaign_id")
    private String syncedCampaignId;

    protected PlanLineItem() {
    }

    public PlanLineItem(UUID planId) {
        this.planId = planId;
    }

    /** A copy for another version of the plan, remembering which line it came from. */
    PlanLineItem copyInto(UUID otherPlanId) {
        PlanLineItem copy = new PlanLineItem(otherPlanId);
        copy.originId = getId();
        copy.position = position;
        copy.channel = channel;
        copy.vendorId = vendorId;
        copy.placement = placement;
        copy.format = format;
        copy.buyingModel = buyingModel;
        copy.rateCardPrice = rateCardPrice;
        copy.discounts = discounts;
        copy.volume = volume;
        copy.cost = cost;
        copy.plannedImpressions = plannedImpressions;
        copy.plannedClicks = plannedClicks;
        copy.plannedConversions = plannedConversions;
        copy.startDate = startDate;
        copy.endDate = endDate;
        copy.targeting = targeting;
        copy.syncedConnectionId = syncedConnectionId;
        copy.syncedAccountId = syncedAccountId;
        copy.syncedCampaignId = syncedCampaignId;
        return copy;
    }

    public UUID getPlanId() { return planId; }
    public UUID getOriginId() { return originId; }
    public int getPosition() { return position; }
    void setPosition(int position) { this.position = position; }
    public Channel getChannel() { return channel; }
    public void setChannel(Channel channel) { this.channel = channel; }
    public UUID getVendorId() { return vendorId; }
    public void setVendorId(UUID vendorId) { this.vendorId = vendorId; }
    public String getPlacement() { return placement; }
    public void setPlacement(String placement) { this.placement = placement; }
    public String getFormat() { return format; }
    public void setFormat(String format) { this.format = format; }
    public BuyingModel getBuyingModel() { return buyingModel; }
    public void setBuyingModel(BuyingModel buyingModel) { this.buyingModel = buyingModel; }
    public BigDecimal getRateCardPrice() { return rateCardPrice; }
    public void setRateCardPrice(BigDecimal rateCardPrice) { this.rateCardPrice = rateCardPrice; }
    public BigDecimal getVolume() { return volume; }
    public void setVolume(BigDecimal volume) { this.volume = volume; }
    /** The stored line total (rounded); null until the line is saved. */
    public BigDecimal getCost() { return cost; }
    void setCost(BigDecimal cost) { this.cost = cost; }
    public BigDecimal getPlannedImpressions() { return plannedImpressions; }
    public void setPlannedImpressions(BigDecimal v) { this.plannedImpressions = v; }
    public BigDecimal getPlannedClicks() { return plannedClicks; }
    public void setPlannedClicks(BigDecimal v) { this.plannedClicks = v; }
    public BigDecimal getPlannedConversions() { return plannedConversions; }
    public void setPlannedConversions(BigDecimal v) { this.plannedConversions = v; }
    public LocalDate getStartDate() { return startDate; }
    public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
    public LocalDate getEndDate() { return endDate; }
    public void setEndDate(LocalDate endDate) { this.endDate = endDate; }
    public String getTargeting() { return targeting; }
    public void setTargeting(String targeting) { this.targeting = targeting; }
    public UUID getSyncedConnectionId() { return syncedConnectionId; }
    public String getSyncedAccountId() { return syncedAccountId; }
    public String getSyncedCampaignId() { return syncedCampaignId; }

    /** Links the line to a campaign discovered through a connection, or unlinks it with nulls. */
    public void linkSyncedCampaign(UUID connectionId, String accountId, String campaignId) {
        this.syncedConnectionId = connectionId;
        this.syncedAccountId = accountId;
        this.syncedCampaignId = campaignId;
    }

    /** The cascade of discounts in percent, in the order granted (empty when none). */
    public List<BigDecimal> getDiscounts() {
        if (discounts == null || discounts.isBlank()) {
            return List.of();
        }
        return Arrays.stream(discounts.split(";")).map(BigDecimal::new).toList();
    }

    public void setDiscounts(List<BigDecimal> percentages) {
        this.discounts = percentages == null || percentages.isEmpty() ? null
                : percentages.stream().map(p -> p.stripTrailingZeros().toPlainString()).collect(Collectors.joining(";"));
    }

    /** The money rules of this line, in the plan's currency; fails if a required field is missing. */
    public LineCost lineCost(Currency currency) {
        return new LineCost(buyingModel, Money.of(rateCardPrice, currency), new Discounts(getDiscounts()), volume);
    }
}
