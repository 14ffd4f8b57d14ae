package com.campagne.plans.vendors;

import com.campagne.base.db.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;

/** A vendor (régie, support, network) from the tenant-wide list every plan picks from. */
@Entity
@Table(name = "vendors")
public class Vendor extends TenantOwnedEntity {

    private String name;
    @Enumerated(EnumType.STRING)
    private VendorKind kind = VendorKind.OTHER;
    private String website;
    private String notes;
    private boolean archived;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Vendor() {
    }

    public Vendor(String name, VendorKind kind, Instant createdAt) {
        this.name = name;
        this.kind = kind;
        this.createdAt = createdAt;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public VendorKind getKind() { return kind; }
    public void setKind(VendorKind kind) { this.kind = kind; }
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = website; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public boolean isArchived() { return archived; }
    public void setArchived(boolean archived) { this.archived = archived; }
    public Instant getCreatedAt() { return createdAt; }
}
