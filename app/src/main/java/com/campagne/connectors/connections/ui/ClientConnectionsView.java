package com.campagne.connectors.connections.ui;

import com.campagne.base.ui.RouteIds;
import com.campagne.base.ui.EmptyState;
import com.campagne.base.ui.Formats;
import com.campagne.base.ui.MainLayout;
import com.campagne.base.ui.Notifications;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.connectors.api.ConnectorException;
import com.campagne.connectors.api.schema.AccountRecord;
import com.campagne.connectors.connections.Connection;
import com.campagne.connectors.connections.ConnectionAccount;
import com.campagne.connectors.connections.ConnectionDraft;
import com.campagne.connectors.connections.ConnectionService;
import com.campagne.connectors.connections.ConnectionService.ConnectionOverview;
import com.campagne.connectors.connections.Schedule;
import com.campagne.connectors.runtime.ConnectorCatalog;
import com.campagne.connectors.runtime.ConnectorHandle;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantSettingsService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
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

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** {@code clients/<id>/connections}: a client's connections to its tools, and the way to add one. */
@Route(value = "clients/:clientId/connections", layout = MainLayout.class)
@RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
class ClientConnectionsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final String DEMO_CONNECTOR = "demo";

    private final ClientService clients;
    private final ConnectionService connections;
    private final ConnectorCatalog catalog;
    private final ZoneId zone;
    private final H2 title = new H2();
    private final Grid<ConnectionOverview> grid = new Grid<>();
    private final VerticalLayout body = new VerticalLayout();
    private Client client;

    ClientConnectionsView(ClientService clients, ConnectionService connections, ConnectorCatalog catalog,
                          TenantSettingsService settings) {
        this.clients = clients;
        this.connections = connections;
        this.catalog = catalog;
        this.zone = settings.currentZone();
        setSizeFull();
        title.getStyle().set("margin", "0");
        body.setPadding(false);
        body.setSizeFull();

        grid.setId("connections-grid");
        grid.addComponentColumn(o -> {
            Span name = new Span(o.connector().map(h -> h.spec().name().in(getLocale()))
                    .orElseGet(() -> getTranslation("connections.unavailable")));
            if (o.connector().isEmpty()) {
                name.getStyle().set("color", "var(--lumo-error-text-color)");
            }
            HorizontalLayout cell = new HorizontalLayout(ConnectorIcons.of(o.connector().orElse(null), "20px"), name);
            cell.setAlignItems(FlexComponent.Alignment.CENTER);
            return cell;
        }).setHeader(getTranslation("connections.column.connector")).setFlexGrow(2);
        grid.addColumn(o -> o.connection().getName()).setHeader(getTranslation("connections.column.name")).setFlexGrow(2);
        grid.addColumn(o -> accounts(o.accounts())).setHeader(getTranslation("connections.column.accounts"))
                .setFlexGrow(2);
        grid.addColumn(o -> getTranslation(ConnectionTexts.schedule(o.connection().getSchedule())))
                .setHeader(getTranslation("connections.column.schedule")).setFlexGrow(1);
        grid.addColumn(o -> getTranslation(ConnectionTexts.status(o.connection().getStatus())))
                .setHeader(getTranslation("connections.column.status")).setFlexGrow(1);
        grid.addColumn(o -> o.lastSync().map(s -> s.failed()
                        ? getTranslation("connections.lastSync.failed", Formats.dateTime(s.endedAt(), zone, getLocale()))
                        : Formats.dateTime(s.endedAt(), zone, getLocale()))
                .orElseGet(() -> getTranslation("connections.lastSync.never")))
                .setHeader(getTranslation("connections.column.lastSync")).setFlexGrow(1);
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ConnectionView.path(client.getId(),
                e.getItem().connection().getId()))));
        grid.setAllRowsVisible(true);

        add(title, body);
    }

    private String accounts(List<ConnectionAccount> accounts) {
        return accounts.isEmpty() ? getTranslation("connections.accounts.none")
                : accounts.stream().map(ConnectionAccount::label).collect(Collectors.joining(", "));
    }

    static String path(UUID clientId) {
        return "clients/" + clientId + "/connections";
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
        title.setText(getTranslation("connections.title", client.getName()));
        show(connections.list(client.getId()));
    }

    private void show(List<ConnectionOverview> list) {
        body.removeAll();
        Button add = new Button(getTranslation("connections.add"), VaadinIcon.PLUS.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(NewConnectionView.path(client.getId()))));
        add.setId("connections-add");
        add.addThemeVariants(ButtonVariant.PRIMARY);
        Button back = new Button(getTranslation("connections.client.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("clients/" + client.getId())));
        back.setId("connections-client");
        back.addThemeVariants(ButtonVariant.TERTIARY);
        if (list.isEmpty()) {
            HorizontalLayout choices = new HorizontalLayout(add);
            choices.setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
            choices.getStyle().set("flex-wrap", "wrap");
            demoButton().ifPresent(choices::add);
            EmptyState empty = new EmptyState(VaadinIcon.CONNECT, getTranslation("connections.empty.title"),
                    getTranslation("connections.empty.text"), choices);
            empty.setId("connections-empty");
            body.add(back, empty);
        } else {
            grid.setItems(list);
            HorizontalLayout toolbar = new HorizontalLayout(back, add);
            toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
            body.add(toolbar, grid);
        }
    }

    /** "Try with demo data", when the demo plugin is there: full figures a minute after sign-up. */
    private Optional<Button> demoButton() {
        if (catalog.find(DEMO_CONNECTOR).isEmpty() || !connections.canSync()) {
            return Optional.empty();
        }
        Button demo = new Button(getTranslation("connections.demo"), VaadinIcon.MAGIC.create(), e -> startDemo());
        demo.setId("connections-demo");
        return Optional.of(demo);
    }

    /** Creates a demo connection with the connector's defaults and all its accounts, and syncs it. */
    private void startDemo() {
        Optional<ConnectorHandle> handle = catalog.find(DEMO_CONNECTOR);
        if (handle.isEmpty()) {
            Notifications.error(getTranslation("connections.demo.unavailable"));
            return;
        }
        Map<String, String> defaults = new HashMap<>();
        handle.get().spec().settings().stream().filter(f -> f.defaultValue() != null)
                .forEach(f -> defaults.put(f.key(), f.defaultValue()));
        ConnectionDraft draft = new ConnectionDraft(DEMO_CONNECTOR, getTranslation("connections.demo.name"), defaults,
                Map.of(), Map.of());
        try {
            List<AccountRecord> accounts = connections.discover(null, draft, getLocale());
            Connection created = connections.create(client.getId(), draft, accounts, Schedule.MANUAL);
            connections.syncNow(created.getId());
            getUI().ifPresent(ui -> ui.navigate(ConnectionView.path(client.getId(), created.getId())));
        } catch (ConnectorException e) {
            Notifications.error(e.userMessage().in(getLocale()));
        }
    }

    @Override
    public String getPageTitle() {
        return client == null ? getTranslation("connections.section") : getTranslation("connections.title", client.getName());
    }
}
