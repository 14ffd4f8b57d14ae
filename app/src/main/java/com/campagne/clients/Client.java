package com.campagne.clients;

import com.campagne.base.db.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** An annonceur: a brand the tenant works for. */
@Entity
@Table(name = "clients")
public class Client extends TenantOwnedEntity {

    @NotBlank(message = "{client.name.required}")
    @Size(max = 200, message = "{client.name.size}")
    private String name;

    @Size(max = 500, message = "{client.website.size}")
    @Pattern(regexp = "^$|^https?://[^\\s/$.?#][^\\s]*$", message = "{client.website.invalid}")
    private String website;

    @Size(max = 120, message = "{client.sector.size}")
    private String sector;

    @Email(message = "{client.contactEmail.invalid}")
    @Size(max = 254, message = "{client.contactEmail.invalid}")
    @Column(name = "contact_email")
    private String contactEmail;

    private byte[] logo;
    @Column(name = "logo_type")
    private String logoType;

    @Size(max = 5000, message = "{client.notes.size}")
    private String notes;

    @Column(name = "archived_at")
    private Instant archivedAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Client() {
    }

    public Client(String name) {
        this.name = name;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = website; }
    public String getSector() { return sector; }
    public void setSector(String sector) { this.sector = sector; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public byte[] getLogo() { return logo; }
    public String getLogoType() { return logoType; }
    public void setLogo(byte[] logo, String type) { this.logo = logo; this.logoType = type; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public Instant getArchivedAt() { return archivedAt; }
    public boolean isArchived() { return archivedAt != null; }
    void setArchivedAt(Instant archivedAt) { this.archivedAt = archivedAt; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }

    void touch(Instant now) {
        if (createdAt == null) {
            createdAt = now;
        }
        updatedAt = now;
    }
}
