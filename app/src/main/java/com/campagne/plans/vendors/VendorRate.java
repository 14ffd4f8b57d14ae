package com.campagne.plans.vendors;

import com.campagne.base.db.TenantOwnedEntity;
import com.campagne.plans.Channel;
import com.campagne.plans.money.BuyingModel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One entry of a vendor's rate card: the gross price of a placement and format under a buying model. */
@Entity
@Table(name = "vendor_rates")
public class VendorRate extends TenantOwnedEntity {

    @Column(name = "vendor_id", nullable = false, updatable = false)
    private UUID vendorId;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String placement;
    private String format;
    @Enumerated(EnumType.STRING)
    @Column(name = "buying_model")
    private BuyingModel buyingModel;
    private BigDecimal price;
    @Column(columnDefinition = "bpchar(3)")
    private String currency;
    @Column(name = "valid_from")
    private LocalDate validFrom;
    @Column(name = "valid_to")
    private LocalDate validTo;
    private String notes;

    protected VendorRate() {
    }

    public VendorRate(UUID vendorId) {
        this.vendorId = vendorId;
    }

    public UUID getVendorId() { return vendorId; }
    public Channel getChannel() { return channel; }
    public void setChannel(Channel channel) { this.channel = channel; }
    public String getPlacement() { return placement; }
    public void setPlacement(String placement) { this.placement = placement; }
    public String getFormat() { return format; }
    public void setFormat(String format) { this.format = format; }
    public BuyingModel getBuyingModel() { return buyingModel; }
    public void setBuyingModel(BuyingModel buyingModel) { this.buyingModel = buyingModel; }
    public BigDecimal getPrice() { return price; }
    public void setPrice(BigDecimal price) { this.price = price; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public LocalDate getValidFrom() { return validFrom; }
    public void setValidFrom(LocalDate validFrom) { this.validFrom = validFrom; }
    public LocalDate getValidTo() { return validTo; }
    public void setValidTo(LocalDate validTo) { this.validTo = validTo; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
}
