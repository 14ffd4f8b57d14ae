package com.campagne.plans.approval.ui;

import com.campagne.base.security.CurrentUser;
import com.campagne.base.ui.EmptyState;
import com.campagne.base.ui.Formats;
import com.campagne.base.ui.MainLayout;
import com.campagne.plans.approval.ApprovalLinkService;
import com.campagne.plans.approval.ApprovalLinkService.PendingApproval;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantSettingsService;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneId;
import java.util.List;

/**
 * {@code approvals}: the media plans proposed and waiting for the client's decision. A client viewer's place
 * to decide (each row opens the plan, where they approve or send it back); for staff, what the clients have
 * not answered yet.
 */
@Route(value = "approvals", layout = MainLayout.class)
@RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME, Role.CLIENT_VIEWER_NAME})
public class PendingApprovalsView extends VerticalLayout implements HasDynamicTitle {

    PendingApprovalsView(ApprovalLinkService approvals, TenantSettingsService tenantSettings) {
        boolean staff = CurrentUser.tenant().map(t -> t.role() != Role.CLIENT_VIEWER).orElse(false);
        ZoneId zone = tenantSettings.currentZone();
        H2 title = new H2(getTranslation("approvals.title"));
        title.getStyle().set("margin", "0");
        Paragraph intro = new Paragraph(getTranslation(staff ? "approvals.intro.staff" : "approvals.intro.client"));
        intro.getStyle().set("color", "var(--lumo-secondary-text-color, #555)").set("margin-top", "0");
        add(title, intro);

        List<PendingApproval> pending = approvals.pending();
        if (pending.isEmpty()) {
            EmptyState empty = new EmptyState(VaadinIcon.CHECK_CIRCLE_O, getTranslation("approvals.empty.title"),
                    getTranslation(staff ? "approvals.empty.staff" : "approvals.empty.client"), null);
            empty.setId("approvals-empty");
            add(empty);
            return;
        }
        Grid<PendingApproval> grid = new Grid<>();
        grid.setId("approvals");
        grid.addColumn(PendingApproval::clientName).setHeader(getTranslation("approvals.client")).setFlexGrow(2);
        grid.addColumn(PendingApproval::campaignName).setHeader(getTranslation("approvals.campaign")).setFlexGrow(3);
        grid.addColumn(PendingApproval::version).setHeader(getTranslation("approvals.version")).setFlexGrow(2);
        grid.addColumn(p -> p.grandTotal().format(getLocale())).setHeader(getTranslation("approvals.total"))
                .setTextAlign(ColumnTextAlign.END).setFlexGrow(2);
        grid.addColumn(p -> Formats.date(p.proposedAt(), zone, getLocale()))
                .setHeader(getTranslation("approvals.proposedAt")).setFlexGrow(2);
        grid.addComponentColumn(p -> {
            Anchor open = new Anchor(planPath(p), getTranslation(staff ? "approvals.open.staff" : "approvals.open.client"));
            open.addClassName("approvals-open");
            return open;
        }).setFlexGrow(2);
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setItems(pending);
        add(grid);
    }

    /** The plan editor's route (a sibling feature), at the version waiting for a decision. */
    static String planPath(PendingApproval p) {
        return "clients/" + p.clientId() + "/campaigns/" + p.campaignId() + "/plan?version=" + p.versionNumber();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("approvals.title") + " · " + getTranslation("app.name");
    }
}
