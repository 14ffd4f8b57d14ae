package com.campagne.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.regex.Pattern;
import java.util.UUID;

/** An agency or a business: the unit of isolation. Its own row is installation-wide, not tenant-owned. */
@Entity
@Table(name = "tenants")
public class Tenant {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    private TenantKind kind;

    private String name;
    private String slug;
    private String locale;
    private String currency;
    @Column(name = "time_zone")
    private String timeZone;
    private byte[] logo;
    @Column(name = "logo_type")
    private String logoType;
    /** #RRGGBB used on the client documents (PDF headings, table headers); null means the default blue. */
    @Column(name = "brand_color")
    private String brandColor;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private Long version;

    /** What {@code tenants.brand_color} accepts: "#" and six hex digits. */
    public static final Pattern BRAND_COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

    /** The sober blue of the documents when the organisation chose no colour. */
    public static final String DEFAULT_BRAND_COLOR = "#1F4E79";

    protected Tenant() {
    }

    public Tenant(UUID id, TenantKind kind, String name, String slug, String locale, String currency,
                  String timeZone, Instant createdAt) {
        this.id = id;
        this.kind = kind;
        this.name = name;
        this.slug = slug;
        this.locale = locale;
        this.currency = currency;
        this.timeZone = timeZone;
        this.createdAt = createdAt;
    }

    public UUID getId() { return id; }
    public TenantKind getKind() { return kind; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getSlug() { return slug; }
    public String getLocale() { return locale; }
    public void setLocale(String locale) { this.locale = locale; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public byte[] getLogo() { return logo; }
    public String getLogoType() { return logoType; }
    public void setLogo(byte[] logo, String type) { this.logo = logo; this.logoType = type; }
    public String getBrandColor() { return brandColor; }
    public void setBrandColor(String brandColor) { this.brandColor = brandColor; }
    public String brandColorOrDefault() { return brandColor == null ? DEFAULT_BRAND_COLOR : brandColor; }
    public Instant getCreatedAt() { return createdAt; }
    public Long getVersion() { return version; }
}
