package com.campagne.analytics.dashboard.ui;

import com.campagne.analytics.Dimension;
import com.campagne.analytics.dashboard.DashboardService;
import com.campagne.base.ui.MainLayout;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantSettingsService;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** {@code dashboard}: every client the user may see, side by side (a client viewer sees their granted ones). */
@Route(value = "dashboard", layout = MainLayout.class)
@RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME, Role.CLIENT_VIEWER_NAME})
public class AgencyDashboardView extends DashboardView {

    AgencyDashboardView(DashboardService dashboards, TenantSettingsService tenants) {
        super(dashboards, tenants);
        setId("dashboard-agency");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        title.setText(getTranslation("dashboard.agency.title"));
        start(event);
    }

    @Override
    protected Set<UUID> scopeClients() {
        return Set.of();
    }

    @Override
    protected boolean offersClientFilter() {
        return true;
    }

    @Override
    protected List<Dimension> tables() {
        return List.of(Dimension.CLIENT, Dimension.CHANNEL, Dimension.CAMPAIGN, Dimension.CONNECTION,
                Dimension.DEVICE, Dimension.COUNTRY);
    }

    @Override
    protected String connectionsPath() {
        return null;
    }
}
