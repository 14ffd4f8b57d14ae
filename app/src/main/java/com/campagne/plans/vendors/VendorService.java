package com.campagne.plans.vendors;

import com.campagne.audit.AuditAction;
import com.campagne.audit.AuditService;
import com.campagne.base.mail.MailService;
import com.campagne.plans.CampaignException;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantSettingsService;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The tenant's vendors (régies, supports, networks), their contacts and rate cards: one list every client's
 * plans pick from. Owners, admins and managers keep it; contributors read it; client viewers never see it
 * (the rates the agency negotiates are its own business). An archived vendor stays on the plan lines that
 * already name it but is no longer offered for new ones.
 */
@Service
public class VendorService {

    static final int NAME_MAX = 200;
    static final int WEBSITE_MAX = 500;
    static final int NOTES_MAX = 4000;
    static final int JOB_TITLE_MAX = 200;
    static final int PHONE_MAX = 50;
    static final int PLACEMENT_MAX = 300;
    static final int FORMAT_MAX = 100;
    static final int RATE_NOTES_MAX = 1000;
    static final int PRICE_DECIMALS = 4;
    static final BigDecimal PRICE_MAX = new BigDecimal("999999999999.9999");
    private static final Pattern WEBSITE = Pattern.compile("^https?://[^\\s/$.?#][^\\s]*$");
    private static final Pattern PHONE = Pattern.compile("^[+0-9 ().\\-/]{4,50}$");

    private final VendorRepository vendors;
    private final VendorContactRepository contacts;
    private final VendorRateRepository rates;
    private final TenantSettingsService tenantSettings;
    private final AuditService audit;
    private final Clock clock;

    VendorService(VendorRepository vendors, VendorContactRepository contacts, VendorRateRepository rates,
                  TenantSettingsService tenantSettings, AuditService audit, Clock clock) {
        this.vendors = vendors;
        this.contacts = contacts;
        this.rates = rates;
        this.tenantSettings = tenantSettings;
        this.audit = audit;
        this.clock = clock;
    }

    /** A vendor of the list with how many contacts and rate-card entries it has. */
    public record VendorRow(Vendor vendor, long contacts, long rates) {
    }

    /**
     * The vendors whose name contains {@code search} (any case), archived ones or the others, by name.
     * A tenant has tens or hundreds of vendors, not millions: counted in memory.
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public List<VendorRow> list(String search, boolean archived) {
        String needle = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        Map<UUID, Long> contactCounts = contacts.findAll().stream()
                .collect(Collectors.groupingBy(VendorContact::getVendorId, Collectors.counting()));
        Map<UUID, Long> rateCounts = rates.findAll().stream()
                .collect(Collectors.groupingBy(VendorRate::getVendorId, Collectors.counting()));
        return vendors.findAllByOrderByNameAsc().stream()
                .filter(v -> v.isArchived() == archived)
                .filter(v -> needle.isEmpty() || v.getName().toLowerCase(Locale.ROOT).contains(needle))
                .map(v -> new VendorRow(v, contactCounts.getOrDefault(v.getId(), 0L),
                        rateCounts.getOrDefault(v.getId(), 0L)))
                .toList();
    }

    /** Whether the tenant has any vendor at all, archived or not (decides the empty state). */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public boolean any() {
        return vendors.count() > 0;
    }

    /** The vendors a new plan line may name: the ones not archived, by name. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public List<Vendor> offered() {
        return vendors.findAllByOrderByNameAsc().stream().filter(v -> !v.isArchived()).toList();
    }

    /** The vendor if it exists in the current tenant; another tenant's looks absent. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public Optional<Vendor> find(UUID id) {
        return id == null ? Optional.empty() : vendors.findById(id);
    }

    /** Creates or updates; every invalid field is reported at once. */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME})
    public Vendor save(Vendor vendor) {
        boolean created = vendor.getVersion() == null;
        if (!created) {
            Vendor stored = vendors.findById(vendor.getId()).orElseThrow(VendorNotFoundException::new);
            // Archiving has its own step (and audit line); a form never does it.
            vendor.setArchived(stored.isArchived());
        }
        vendor.setName(strip(vendor.getName()));
        vendor.setWebsite(strip(vendor.getWebsite()));
        vendor.setNotes(strip(vendor.getNotes()));
        validate(vendor);
        Vendor saved = vendors.save(vendor);
        audit.record(created ? AuditAction.VENDOR_CREATED : AuditAction.VENDOR_UPDATED, saved.getName(), null);
        return saved;
    }

    /** A new, unsaved vendor. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME})
    public Vendor draft() {
        return new Vendor(null, VendorKind.SUPPORT, clock.instant());
    }

    private void validate(Vendor v) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (v.getName() == null) {
            errors.put("name", "vendors.error.name.required");
        } else if (v.getName().length() > NAME_MAX) {
            errors.put("name", "vendors.error.name.size");
        } else if (vendors.findByNameIgnoreCase(v.getName()).filter(other -> !other.getId().equals(v.getId()))
                .isPresent()) {
            errors.put("name", "vendors.error.name.taken");
        }
        if (v.getKind() == null) {
            errors.put("kind", "vendors.error.kind.required");
        }
        if (v.getWebsite() != null && (v.getWebsite().length() > WEBSITE_MAX || !WEBSITE.matcher(v.getWebsite()).matches())) {
            errors.put("website", "vendors.error.website.invalid");
        }
        if (v.getNotes() != null && v.getNotes().length() > NOTES_MAX) {
            errors.put("notes", "vendors.error.notes.size");
        }
        throwIfAny(errors);
    }

    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME})
    public Vendor archive(UUID id) {
        Vendor vendor = vendors.findById(id).orElseThrow(VendorNotFoundException::new);
        vendor.setArchived(true);
        audit.record(AuditAction.VENDOR_ARCHIVED, vendor.getName(), null);
        return vendors.save(vendor);
    }

    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME})
    public Vendor restore(UUID id) {
        Vendor vendor = vendors.findById(id).orElseThrow(VendorNotFoundException::new);
        vendor.setArchived(false);
        // No VENDOR_RESTORED action exists: recorded as an update that says what it was.
        audit.record(AuditAction.VENDOR_UPDATED, vendor.getName(), "restored");
        return vendors.save(vendor);
    }

    // --- contacts

    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public List<VendorContact> contacts(UUID vendorId) {
        vendors.findById(vendorId).orElseThrow(VendorNotFoundException::new);
        return contacts.findByVendorIdOrderByNameAsc(vendorId);
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public Optional<VendorContact> findContact(UUID id) {
        return id == null ? Optional.empty() : contacts.findById(id);
    }

    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME})
    public VendorContact saveContact(VendorContact contact) {
        Vendor vendor = vendors.findById(contact.getVendorId()).orElseThrow(VendorNotFoundException::new);
        if (contact.getVersion() != null) {
            contacts.findById(contact.getId()).filter(c -> c.getVendorId().equals(vendor.getId()))
                    .orElseThrow(VendorNotFoundException::new);
        }
        contact.setName(strip(contact.getName()));
        contact.setJobTitle(strip(contact.getJobTitle()));
        contact.setEmail(strip(contact.getEmail()));
        contact.setPhone(strip(contact.getPhone()));
        Map<String, String> errors = new LinkedHashMap<>();
        if (contact.getName() == null) {
            errors.put("name", "vendors.error.contact.name.required");
        } else if (contact.getName().length() > NAME_MAX) {
            errors.put("name", "vendors.error.contact.name.size");
        }
        if (contact.getJobTitle() != null && contact.getJobTitle().length() > JOB_TITLE_MAX) {
            errors.put("jobTitle", "vendors.error.contact.jobTitle.size");
        }
        if (contact.getEmail() != null && !MailService.accepts(contact.getEmail())) {
            errors.put("email", "vendors.error.contact.email.invalid");
        }
        if (contact.getPhone() != null && !PHONE.matcher(contact.getPhone()).matches()) {
            errors.put("phone", "vendors.error.contact.phone.invalid");
        }
        throwIfAny(errors);
        VendorContact saved = contacts.save(contact);
        audit.record(AuditAction.VENDOR_UPDATED, vendor.getName(), "contact " + saved.getName());
        return saved;
    }

    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME})
    public void deleteContact(UUID id) {
        VendorContact contact = contacts.findById(id).orElseThrow(VendorNotFoundException::new);
        contacts.delete(contact);
        vendors.findById(contact.getVendorId()).ifPresent(v ->
                audit.record(AuditAction.VENDOR_UPDATED, v.getName(), "contact removed " + contact.getName()));
    }

    // --- rate card

    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public List<VendorRate> rates(UUID vendorId) {
        vendors.findById(vendorId).orElseThrow(VendorNotFoundException::new);
        return rates.findByVendorIdOrderByChannelAscPlacementAsc(vendorId);
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public Optional<VendorRate> findRate(UUID id) {
        return id == null ? Optional.empty() : rates.findById(id);
    }

    /** A new, unsaved rate-card entry of the vendor, priced in the tenant's currency. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME})
    public VendorRate draftRate(UUID vendorId) {
        vendors.findById(vendorId).orElseThrow(VendorNotFoundException::new);
        VendorRate rate = new VendorRate(vendorId);
        rate.setCurrency(tenantSettings.current().getCurrency());
        return rate;
    }

    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME})
    public VendorRate saveRate(VendorRate rate) {
        Vendor vendor = vendors.findById(rate.getVendorId()).orElseThrow(VendorNotFoundException::new);
        if (rate.getVersion() != null) {
            rates.findById(rate.getId()).filter(r -> r.getVendorId().equals(vendor.getId()))
                    .orElseThrow(VendorNotFoundException::new);
        }
        if (rate.getCurrency() == null || rate.getCurrency().isBlank()) {
            rate.setCurrency(tenantSettings.current().getCurrency());
        }
        rate.setPlacement(strip(rate.getPlacement()));
        rate.setFormat(strip(rate.getFormat()));
        rate.setNotes(strip(rate.getNotes()));
        Map<String, String> errors = new LinkedHashMap<>();
        if (rate.getChannel() == null) {
            errors.put("channel", "vendors.error.rate.channel.required");
        }
        if (rate.getPlacement() != null && rate.getPlacement().length() > PLACEMENT_MAX) {
            errors.put("placement", "vendors.error.rate.placement.size");
        }
        if (rate.getFormat() != null && rate.getFormat().length() > FORMAT_MAX) {
            errors.put("format", "vendors.error.rate.format.size");
        }
        if (rate.getBuyingModel() == null) {
            errors.put("buyingModel", "vendors.error.rate.buyingModel.required");
        }
        if (rate.getPrice() == null) {
            errors.put("price", "vendors.error.rate.price.required");
        } else if (rate.getPrice().signum() < 0 || rate.getPrice().stripTrailingZeros().scale() > PRICE_DECIMALS
                || rate.getPrice().compareTo(PRICE_MAX) > 0) {
            errors.put("price", "vendors.error.rate.price.invalid");
        }
        if (!knownCurrency(rate.getCurrency())) {
            errors.put("currency", "vendors.error.rate.currency.invalid");
        }
        if (rate.getValidFrom() != null && rate.getValidTo() != null && rate.getValidTo().isBefore(rate.getValidFrom())) {
            errors.put("validTo", "vendors.error.rate.validTo.beforeFrom");
        }
        if (rate.getNotes() != null && rate.getNotes().length() > RATE_NOTES_MAX) {
            errors.put("notes", "vendors.error.rate.notes.size");
        }
        throwIfAny(errors);
        VendorRate saved = rates.save(rate);
        audit.record(AuditAction.VENDOR_UPDATED, vendor.getName(), "rate " + saved.getChannel() + " " + saved.getBuyingModel());
        return saved;
    }

    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME})
    public void deleteRate(UUID id) {
        VendorRate rate = rates.findById(id).orElseThrow(VendorNotFoundException::new);
        rates.delete(rate);
        vendors.findById(rate.getVendorId()).ifPresent(v ->
                audit.record(AuditAction.VENDOR_UPDATED, v.getName(), "rate removed"));
    }

    /** The names of the vendors by id, archived ones included (plan lines keep naming them). */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public Map<UUID, String> names() {
        return vendors.findAll().stream().collect(Collectors.toMap(Vendor::getId, Vendor::getName));
    }

    private static boolean knownCurrency(String code) {
        try {
            return code != null && Currency.getInstance(code.trim()).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void throwIfAny(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new CampaignException(errors);
        }
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Unknown here: absent or another tenant's, which must look the same. */
    public static class VendorNotFoundException extends RuntimeException {
        public VendorNotFoundException() {
            super("vendor not found");
        }
    }
}
