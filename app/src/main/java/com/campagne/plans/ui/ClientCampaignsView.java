package com.campagne.plans.ui;

import com.campagne.base.ui.RouteIds;
import com.campagne.base.security.CurrentUser;
import com.campagne.base.ui.EmptyState;
import com.campagne.base.ui.MainLayout;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignService;
import com.campagne.tenancy.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.Optional;

/** {@code clients/<id>/campaigns}: a client's campaigns, where each stands, and the way to start one. */
@Route(value = "clients/:clientId/campaigns", layout = MainLayout.class)
@RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME, Role.CLIENT_VIEWER_NAME})
class ClientCampaignsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ClientService clients;
    private final CampaignService campaigns;
    private final boolean staff;
    private final H2 title = new H2();
    private final Grid<Campaign> grid = new Grid<>();
    private final VerticalLayout body = new VerticalLayout();
    private Client client;

    ClientCampaignsView(ClientService clients, CampaignService campaigns) {
        this.clients = clients;
        this.campaigns = campaigns;
        this.staff = CurrentUser.tenant().map(t -> t.role() != Role.CLIENT_VIEWER).orElse(false);
        setSizeFull();
        title.getStyle().set("margin", "0");
        body.setPadding(false);
        body.setSizeFull();

        grid.setId("campaigns-grid");
        grid.addColumn(Campaign::getName).setHeader(getTranslation("campaigns.column.name")).setFlexGrow(3);
        grid.addColumn(c -> getTranslation(CampaignTexts.objectiveKey(c.getObjective())))
                .setHeader(getTranslation("campaigns.column.objective")).setFlexGrow(2);
        grid.addColumn(c -> getTranslation("campaigns.period", CampaignTexts.date(c.getStartDate(), getLocale()),
                        CampaignTexts.date(c.getEndDate(), getLocale())))
                .setHeader(getTranslation("campaigns.column.period")).setFlexGrow(3);
        grid.addColumn(c -> CampaignTexts.budget(c, getLocale())).setHeader(getTranslation("campaigns.column.budget"))
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END).setFlexGrow(2);
        grid.addComponentColumn(c -> CampaignTexts.badge(c.getStatus(), this::getTranslation))
                .setHeader(getTranslation("campaigns.column.status")).setFlexGrow(1);
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(
                CampaignTexts.editorPath(client.getId(), e.getItem().getId()))));
        grid.setAllRowsVisible(true);

        add(title, body);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Client> found = RouteIds.param(event, "clientId")
                .flatMap(clients::find);
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class, getTranslation("client.notFound"));
            return;
        }
        client = found.get();
        title.setText(getTranslation("campaigns.title", client.getName()));
        show(campaigns.list(client.getId()));
    }

    private void show(List<Campaign> list) {
        body.removeAll();
        Button add = new Button(getTranslation("campaigns.add"), VaadinIcon.PLUS.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(CampaignTexts.editorPath(client.getId(), "new"))));
        add.setId("campaigns-add");
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.setVisible(staff);
        Button back = new Button(getTranslation("campaigns.client.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("clients/" + client.getId())));
        back.setId("campaigns-client");
        back.addThemeVariants(ButtonVariant.TERTIARY);
        if (list.isEmpty()) {
            EmptyState empty = new EmptyState(VaadinIcon.BULLSEYE, getTranslation("campaigns.empty.title"),
                    getTranslation(staff ? "campaigns.empty.text" : "campaigns.empty.text.viewer"), staff ? add : null);
            empty.setId("campaigns-empty");
            body.add(back, empty);
        } else {
            grid.setItems(list);
            HorizontalLayout toolbar = new HorizontalLayout(back, add);
            toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
            body.add(toolbar, grid);
        }
    }

    @Override
    public String getPageTitle() {
        return client == null ? getTranslation("campaigns.section") : getTranslation("campaigns.title", client.getName());
    }
}
