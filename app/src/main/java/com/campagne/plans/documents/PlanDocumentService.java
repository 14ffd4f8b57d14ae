package com.campagne.plans.documents;

import com.campagne.base.documents.FileDownload;
import com.campagne.base.i18n.I18n;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.plans.MediaPlanService;
import com.campagne.plans.MediaPlanService.PlanView;
import com.campagne.plans.vendors.Vendor;
import com.campagne.plans.vendors.VendorRepository;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.Tenant;
import com.campagne.tenancy.TenantSettingsService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;

/**
 * The documents of a media plan version: the Excel workbook (live formulas), the client PDF and the blank
 * import template. Visibility is the plan's ({@link MediaPlanService#view}): another organisation's version,
 * or a draft for a client viewer, is not found.
 */
@Service
public class PlanDocumentService {

    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PDF_TYPE = "application/pdf";


    private final MediaPlanService plans;
    private final ClientService clients;
    private final TenantSettingsService settings;
    private final VendorRepository vendors;
    private final I18n i18n;

    PlanDocumentService(MediaPlanService plans, ClientService clients, TenantSettingsService settings,
                        VendorRepository vendors, I18n i18n) {
        this.plans = plans;
        this.clients = clients;
        this.settings = settings;
        this.vendors = vendors;
        this.i18n = i18n;
    }

    @Transactional(readOnly = true)
    @PermitAll
    public FileDownload xlsx(UUID planId, Locale locale) {
        PlanDocument doc = document(planId, locale);
        return new FileDownload(doc.fileStem() + ".xlsx", XLSX_TYPE, PlanXlsxExport.export(doc));
    }

    @Transactional(readOnly = true)
    @PermitAll
    public FileDownload pdf(UUID planId, Locale locale) {
        PlanDocument doc = document(planId, locale);
        return new FileDownload(doc.fileStem() + ".pdf", PDF_TYPE, PlanPdfExport.export(doc));
    }

    /** The blank workbook to fill in and import, listing the organisation's vendors. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public FileDownload template(Locale locale) {
        Tenant tenant = settings.current();
        DocumentTexts texts = new DocumentTexts(i18n, I18n.supported(locale));
        var names = vendors.findAll().stream().map(Vendor::getName).sorted(Comparator.comparing(String::toLowerCase)).toList();
        byte[] bytes = PlanXlsxExport.template(texts, tenant.brandColorOrDefault(),
                Currency.getInstance(tenant.getCurrency().strip()), names);
        return new FileDownload(texts.get("documents.template.fileName") + ".xlsx", XLSX_TYPE, bytes);
    }

    PlanDocument document(UUID planId, Locale locale) {
        PlanView view = plans.view(planId);
        Tenant tenant = settings.current();
        String client = clients.find(view.campaign().getClientId()).map(Client::getName).orElse("");
        return new PlanDocument(view, tenant.getName(), tenant.getLogo(), tenant.getLogoType(),
                tenant.brandColorOrDefault(), client, new DocumentTexts(i18n, I18n.supported(locale)),
                ZoneId.of(tenant.getTimeZone()));
    }
}
