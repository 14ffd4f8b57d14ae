package com.campagne.audit.ui;

import com.campagne.audit.AuditEvent;
import com.campagne.audit.AuditService;
import com.campagne.base.ui.Formats;
import com.campagne.base.ui.MainLayout;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantSettingsService;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneId;

/** Who did what and when in this tenant: sign-ins, failures, invitations, role changes, settings. */
@Route(value = "settings/audit", layout = MainLayout.class)
@RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME})
public class AuditLogView extends VerticalLayout implements HasDynamicTitle {

    public AuditLogView(AuditService audit, TenantSettingsService settings) {
        setSizeFull();
        ZoneId zone = settings.currentZone();
        Grid<AuditEvent> grid = new Grid<>(AuditEvent.class, false);
        grid.setId("audit-grid");
        grid.addColumn(e -> Formats.dateTime(e.getOccurredAt(), zone, getLocale()))
                .setHeader(getTranslation("audit.when")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("audit.action." + e.getAction().name()))
                .setHeader(getTranslation("audit.what")).setAutoWidth(true);
        grid.addColumn(AuditEvent::getActorEmail).setHeader(getTranslation("audit.who")).setFlexGrow(2);
        grid.addColumn(AuditEvent::getTarget).setHeader(getTranslation("audit.target")).setFlexGrow(2);
        grid.addColumn(AuditEvent::getDetails).setHeader(getTranslation("audit.details")).setFlexGrow(1);
        grid.setItems(query -> audit.latest(query.getOffset(), query.getLimit()).stream(), query -> (int) audit.count());
        add(new H2(getTranslation("audit.title")), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title");
    }
}
