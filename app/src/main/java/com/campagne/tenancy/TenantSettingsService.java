package com.campagne.tenancy;

import com.campagne.audit.AuditAction;
import com.campagne.audit.AuditService;
import com.campagne.base.security.CurrentUser;
import com.campagne.base.ui.LogoUpload;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

/** Name, logo, language, currency and time zone of the current tenant. */
@Service
public class TenantSettingsService {

    private final TenantRepository tenants;
    private final AuditService audit;

    TenantSettingsService(TenantRepository tenants, AuditService audit) {
        this.tenants = tenants;
        this.audit = audit;
    }

    /** The current tenant (never another one: the id comes from the session). */
    @Transactional(readOnly = true)
    @jakarta.annotation.security.PermitAll
    public Tenant current() {
        return tenants.findById(CurrentUser.requireTenantId()).orElseThrow();
    }

    /** The time zone dates are shown in for the current tenant. */
    @Transactional(readOnly = true)
    @jakarta.annotation.security.PermitAll
    public ZoneId currentZone() {
        return ZoneId.of(current().getTimeZone());
    }

    /** Sets the colour of the client documents (#RRGGBB), or back to the default with null or blank. */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME})
    public void updateBrandColor(String color) {
        String clean = color == null || color.isBlank() ? null : color.strip().toUpperCase(Locale.ROOT);
        if (clean != null && !Tenant.BRAND_COLOR.matcher(clean).matches()) {
            throw new IllegalArgumentException("settings.brandColor.invalid");
        }
        Tenant tenant = tenants.findById(CurrentUser.requireTenantId()).orElseThrow();
        tenant.setBrandColor(clean);
        audit.record(AuditAction.SETTINGS_CHANGED, tenant.getName(), clean == null ? "-" : clean);
    }

    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME})
    public void update(String name, String locale, String currency, String timeZone, byte[] logo, String logoType) {
        if (name == null || name.isBlank() || name.trim().length() > 200) {
            throw new IllegalArgumentException("settings.name.invalid");
        }
        if (locale == null || currency == null || timeZone == null) {
            throw new IllegalArgumentException("settings.invalid");
        }
        try {
            Currency.getInstance(currency);
            ZoneId.of(timeZone);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("settings.invalid", e);
        }
        if (logo != null && (logo.length > LogoUpload.MAX_BYTES || !LogoUpload.TYPES.contains(logoType))) {
            throw new IllegalArgumentException("settings.logo.invalid");
        }
        Tenant tenant = tenants.findById(CurrentUser.requireTenantId()).orElseThrow();
        tenant.setName(name.trim());
        tenant.setLocale(locale);
        tenant.setCurrency(currency);
        tenant.setTimeZone(timeZone);
        if (logo != null) {
            tenant.setLogo(logo, logoType);
        }
        audit.record(AuditAction.SETTINGS_CHANGED, tenant.getName(),
                String.join(", ", locale, currency, timeZone));
    }
}
