package com.campagne.plans.vendors;

import com.campagne.base.db.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.UUID;

/** Someone to call at a vendor: the sales contact who negotiates the rates. */
@Entity
@Table(name = "vendor_contacts")
public class VendorContact extends TenantOwnedEntity {

    @Column(name = "vendor_id", nullable = false, updatable = false)
    private UUID vendorId;
    private String name;
    @Column(name = "job_title")
    private String jobTitle;
    private String email;
    private String phone;

    protected VendorContact() {
    }

    public VendorContact(UUID vendorId) {
        this.vendorId = vendorId;
    }

    public UUID getVendorId() { return vendorId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getJobTitle() { return jobTitle; }
    public void setJobTitle(String jobTitle) { this.jobTitle = jobTitle; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
}
