package com.campagne.clients.ui;

import com.campagne.base.security.CurrentUser;
import com.campagne.base.ui.EmptyState;
import com.campagne.base.ui.Formats;
import com.campagne.base.ui.MainLayout;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantSettingsService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneId;

/** The annonceurs of the tenant: search, open, create; archived ones on demand. */
@Route(value = "clients", layout = MainLayout.class)
@RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME, Role.CLIENT_VIEWER_NAME})
public class ClientsView extends VerticalLayout implements HasDynamicTitle {

    private final ClientService clients;
    private final Grid<Client> grid = new Grid<>(Client.class, false);
    private final TextField search = new TextField();
    private final Checkbox showArchived = new Checkbox();
    private final EmptyState empty;
    private final boolean canEdit;

    public ClientsView(ClientService clients, TenantSettingsService settings) {
        this.clients = clients;
        this.canEdit = CurrentUser.tenant().map(t -> t.role().canEditClients()).orElse(false);
        setSizeFull();

        H2 title = new H2(getTranslation("clients.title"));
        title.getStyle().set("margin", "0");
        search.setPlaceholder(getTranslation("clients.search"));
        search.setId("clients-search");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        showArchived.setLabel(getTranslation("clients.showArchived"));
        showArchived.setId("clients-archived");
        showArchived.addValueChangeListener(e -> refresh());
        Button add = new Button(getTranslation("clients.add"), VaadinIcon.PLUS.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(ClientEditorView.class, "new")));
        add.setId("clients-add");
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.setVisible(canEdit);
        HorizontalLayout toolbar = new HorizontalLayout(title, search, showArchived, add);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setFlexGrow(1, search);
        toolbar.getStyle().set("flex-wrap", "wrap");

        ZoneId zone = settings.currentZone();
        grid.setId("clients-grid");
        grid.addColumn(Client::getName).setHeader(getTranslation("client.name")).setSortable(false).setFlexGrow(2);
        grid.addColumn(Client::getSector).setHeader(getTranslation("client.sector")).setFlexGrow(1);
        grid.addColumn(Client::getWebsite).setHeader(getTranslation("client.website")).setFlexGrow(2);
        grid.addColumn(Client::getContactEmail).setHeader(getTranslation("client.contactEmail")).setFlexGrow(2);
        grid.addColumn(c -> Formats.date(c.getUpdatedAt(), zone, getLocale()))
                .setHeader(getTranslation("client.updatedAt")).setFlexGrow(1);
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setItems(query -> clients.search(search.getValue(), showArchived.getValue(),
                        VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) clients.count(search.getValue(), showArchived.getValue()));
        grid.addItemClickListener(e -> getUI().ifPresent(ui ->
                ui.navigate(ClientEditorView.class, e.getItem().getId().toString())));

        Button firstClient = new Button(getTranslation("clients.add"), VaadinIcon.PLUS.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(ClientEditorView.class, "new")));
        firstClient.addThemeVariants(ButtonVariant.PRIMARY);
        firstClient.setVisible(canEdit);
        empty = new EmptyState(VaadinIcon.BRIEFCASE, getTranslation("clients.empty.title"),
                getTranslation(canEdit ? "clients.empty.text" : "clients.empty.viewer"), firstClient);
        empty.setId("clients-empty");
        boolean anyAtAll = clients.anyVisible();
        empty.setVisible(!anyAtAll);
        grid.setVisible(anyAtAll);
        add(toolbar, empty, grid);
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("clients.title");
    }
}
