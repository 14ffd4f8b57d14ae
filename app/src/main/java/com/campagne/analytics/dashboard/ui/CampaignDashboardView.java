package com.campagne.analytics.dashboard.ui;

import com.campagne.analytics.PlanVsActualService;
import com.campagne.analytics.planvsactual.PlanVsActualPanel;

import com.campagne.analytics.CampaignScope;
import com.campagne.analytics.Dimension;
import com.campagne.analytics.MetricsFilter;
import com.campagne.analytics.dashboard.DashboardService;
import com.campagne.base.ui.EmptyState;
import com.campagne.base.ui.MainLayout;
import com.campagne.base.ui.RouteIds;
import com.campagne.clients.ClientService;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantSettingsService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code clients/<id>/campaigns/<id>/dashboard}: the figures of the network campaigns the campaign's plan lines
 * are linked to ({@link CampaignScope}); "not found" for a campaign the user may not see.
 */
@Route(value = "clients/:clientId/campaigns/:campaignId/dashboard", layout = MainLayout.class)
@RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME, Role.CLIENT_VIEWER_NAME})
class CampaignDashboardView extends DashboardView {

    private final ClientService clients;
    private final CampaignScope scopes;
    private CampaignScope.Scope scope;
    /** The campaign's spend against its media plan, under the figures. */
    private final Div planVsActual = new Div();
    private final PlanVsActualService planVsActualService;

    CampaignDashboardView(DashboardService dashboards, TenantSettingsService tenants, ClientService clients,
                          CampaignScope scopes, PlanVsActualService planVsActualService) {
        super(dashboards, tenants);
        this.planVsActualService = planVsActualService;
        this.clients = clients;
        this.scopes = scopes;
        setId("dashboard-campaign");
        // PLAN VS ACTUAL: the integrator puts the PlanVsActualPanel component in this Div.
        planVsActual.setId("dashboard-plan-vs-actual");
        planVsActual.setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<UUID> clientId = RouteIds.param(event, "clientId").filter(id -> clients.find(id).isPresent());
        Optional<CampaignScope.Scope> found = RouteIds.param(event, "campaignId").flatMap(scopes::of)
                .filter(s -> clientId.isPresent() && s.campaign().getClientId().equals(clientId.get()));
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class, getTranslation("campaigns.notFound"));
            return;
        }
        scope = found.get();
        title.setText(getTranslation("dashboard.campaign.title", scope.campaign().getName()));
        actions.removeAll();
        Button back = new Button(getTranslation("dashboard.campaign.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(editorPath())));
        back.setId("dashboard-back");
        back.addThemeVariants(ButtonVariant.TERTIARY);
        actions.add(back);
        planVsActual.removeAll();
        planVsActual.add(new PlanVsActualPanel(planVsActualService, scope.campaign().getId()));
        start(event);
    }

    private String editorPath() {
        return "clients/" + scope.campaign().getClientId() + "/campaigns/" + scope.campaign().getId();
    }

    @Override
    protected Set<UUID> scopeClients() {
        return Set.of(scope.campaign().getClientId());
    }

    @Override
    protected Set<MetricsFilter.CampaignRef> scopeCampaigns() {
        return scope.refs();
    }

    @Override
    protected Optional<LocalDate[]> campaignPeriod() {
        LocalDate start = scope.campaign().getStartDate();
        LocalDate end = scope.campaign().getEndDate();
        return start == null || end == null || end.isBefore(start) ? Optional.empty()
                : Optional.of(new LocalDate[] {start, end});
    }

    @Override
    protected List<Dimension> tables() {
        return List.of(Dimension.CHANNEL, Dimension.CAMPAIGN, Dimension.DEVICE, Dimension.COUNTRY);
    }

    @Override
    protected List<Component> extraSections() {
        return List.of(planVsActual);
    }

    @Override
    protected Component blocked() {
        if (!scope.refs().isEmpty()) {
            return null;
        }
        // Without a linked line the filter would be the whole client: say what to do instead.
        Button plan = new Button(getTranslation("dashboard.campaign.unlinked.open"), VaadinIcon.TABLE.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(editorPath() + "/plan")));
        plan.setId("dashboard-open-plan");
        EmptyState empty = new EmptyState(VaadinIcon.LINK, getTranslation("dashboard.campaign.unlinked.title"),
                getTranslation("dashboard.campaign.unlinked.text"), plan);
        empty.setId("dashboard-empty");
        return empty;
    }

    @Override
    protected String connectionsPath() {
        return "clients/" + scope.campaign().getClientId() + "/connections";
    }
}
