package com.campagne.plans;

import com.campagne.base.db.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A client's campaign: objective, period, budget, audience, owner and where it stands in the workflow. */
@Entity
@Table(name = "campaigns")
public class Campaign extends TenantOwnedEntity {

    @Column(name = "client_id", nullable = false, updatable = false)
    private UUID clientId;
    private String name;
    @Enumerated(EnumType.STRING)
    private CampaignObjective objective;
    @Column(name = "start_date")
    private LocalDate startDate;
    @Column(name = "end_date")
    private LocalDate endDate;
    private BigDecimal budget;
    @Column(columnDefinition = "bpchar(3)")
    private String currency;
    private String audience;
    private String personas;
    private String geography;
    @Column(name = "age_min")
    private Integer ageMin;
    @Column(name = "age_max")
    private Integer ageMax;
    private String interests;
    @Column(name = "owner_id")
    private UUID ownerId;
    @Enumerated(EnumType.STRING)
    private CampaignStatus status = CampaignStatus.DRAFT;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Campaign() {
    }

    public Campaign(UUID clientId) {
        this.clientId = clientId;
    }

    public UUID getClientId() { return clientId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public CampaignObjective getObjective() { return objective; }
    public void setObjective(CampaignObjective objective) { this.objective = objective; }
    public LocalDate getStartDate() { return startDate; }
    public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
    public LocalDate getEndDate() { return endDate; }
    public void setEndDate(LocalDate endDate) { this.endDate = endDate; }
    public BigDecimal getBudget() { return budget; }
    public void setBudget(BigDecimal budget) { this.budget = budget; }
    public String getCurrency() { return currency; }
    void setCurrency(String currency) { this.currency = currency; }
    public String getAudience() { return audience; }
    public void setAudience(String audience) { this.audience = audience; }
    public String getPersonas() { return personas; }
    public void setPersonas(String personas) { this.personas = personas; }
    public String getGeography() { return geography; }
    public void setGeography(String geography) { this.geography = geography; }
    public Integer getAgeMin() { return ageMin; }
    public void setAgeMin(Integer ageMin) { this.ageMin = ageMin; }
    public Integer getAgeMax() { return ageMax; }
    public void setAgeMax(Integer ageMax) { this.ageMax = ageMax; }
    public String getInterests() { return interests; }
    public void setInterests(String interests) { this.interests = interests; }
    public UUID getOwnerId() { return ownerId; }
    public void setOwnerId(UUID ownerId) { this.ownerId = ownerId; }
    public CampaignStatus getStatus() { return status; }
    void setStatus(CampaignStatus status) { this.status = status; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }

    void touch(Instant now) {
        if (createdAt == null) {
            createdAt = now;
        }
        updatedAt = now;
    }
}
