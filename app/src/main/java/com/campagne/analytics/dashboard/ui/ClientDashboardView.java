package com.campagne.analytics.dashboard.ui;

import com.campagne.analytics.dashboard.DashboardService;
import com.campagne.base.ui.MainLayout;
import com.campagne.base.ui.RouteIds;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantSettingsService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@code clients/<id>/dashboard}: one client's figures; "not found" for a client the user may not see. */
@Route(value = "clients/:clientId/dashboard", layout = MainLayout.class)
@RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME, Role.CLIENT_VIEWER_NAME})
class ClientDashboardView extends DashboardView {

    private final ClientService clients;
    private Client client;

    ClientDashboardView(DashboardService dashboards, TenantSettingsService tenants, ClientService clients) {
        super(dashboards, tenants);
        this.clients = clients;
        setId("dashboard-client");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Client> found = RouteIds.param(event, "clientId").flatMap(clients::find);
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class, getTranslation("client.notFound"));
            return;
        }
        client = found.get();
        title.setText(getTranslation("dashboard.client.title", client.getName()));
        actions.removeAll();
        Button back = new Button(getTranslation("dashboard.client.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("clients/" + client.getId())));
        back.setId("dashboard-back");
        back.addThemeVariants(ButtonVariant.TERTIARY);
        actions.add(back);
        start(event);
    }

    @Override
    protected Set<UUID> scopeClients() {
        return Set.of(client.getId());
    }

    @Override
    protected String connectionsPath() {
        return "clients/" + client.getId() + "/connections";
    }
}
