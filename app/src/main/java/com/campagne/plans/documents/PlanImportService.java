package com.campagne.plans.documents;

import com.campagne.audit.AuditAction;
import com.campagne.audit.AuditService;
import com.campagne.base.i18n.I18n;
import com.campagne.plans.MediaPlanService;
import com.campagne.plans.MediaPlanService.PlanView;
import com.campagne.plans.PlanLineItem;
import com.campagne.tenancy.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Imports plan lines from a workbook into a draft version, all or nothing: every problem of the file is
 * reported (row and column) and nothing is written, or all its lines replace (or follow) the version's lines
 * in one transaction. Lines go through {@link MediaPlanService#saveLine}, so costs and implied KPIs follow
 * the same rules as the form.
 */
@Service
public class PlanImportService {

    public enum Mode { REPLACE, APPEND }

    private final MediaPlanService plans;
    private final AuditService audit;
    private final I18n i18n;
    private final PlanXlsxImport reader;

    PlanImportService(MediaPlanService plans, AuditService audit, I18n i18n) {
        this.plans = plans;
        this.audit = audit;
        this.i18n = i18n;
        this.reader = new PlanXlsxImport(i18n);
    }

    /**
     * @return how many lines were imported
     * @throws PlanImportException with every problem when the file is refused (nothing written)
     * @throws MediaPlanService.PlanNotFoundException for an unknown version (or another organisation's)
     * @throws com.campagne.plans.CampaignException when the version is no longer a draft
     */
    @Transactional
    @RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
    public int importLines(UUID planId, InputStream file, Mode mode) {
        plans.newLine(planId); // refuses a version that is not a draft, like every other edit
        PlanView view = plans.view(planId);
        Map<String, UUID> vendorIds = new HashMap<>();
        view.vendorNames().forEach((id, name) -> vendorIds.putIfAbsent(PlanXlsxImport.normal(name), id));
        PlanXlsxImport.Result result = reader.read(file, planId, vendorIds,
                line -> plans.problems(line, view.campaign()));
        if (!result.errors().isEmpty()) {
            throw new PlanImportException(result.errors().stream().map(e -> new ImportProblem(e.row(),
                    e.column() == null ? null : e.column().key(), e.messageKey())).toList());
        }
        if (mode == Mode.REPLACE) {
            view.lines().forEach(line -> plans.deleteLine(line.getId()));
        }
        List<PlanLineItem> lines = result.lines();
        lines.forEach(plans::saveLine);
        audit.record(AuditAction.PLAN_IMPORTED, view.campaign().getName(),
                view.plan().displayName() + " — " + lines.size() + " (" + mode.name().toLowerCase(Locale.ROOT) + ")");
        return lines.size();
    }

    /** "Ligne 7, colonne « Prix tarif » : Le prix est un montant positif…" in the user's language. */
    @PermitAll
    public String describe(ImportProblem problem, Locale locale) {
        String message = i18n.getTranslation(problem.messageKey(), locale);
        if (problem.row() == 0 || problem.columnKey() == null) {
            return message;
        }
        return i18n.getTranslation("documents.import.rowError", locale, String.valueOf(problem.row()),
                i18n.getTranslation(problem.columnKey(), locale), message);
    }
}
