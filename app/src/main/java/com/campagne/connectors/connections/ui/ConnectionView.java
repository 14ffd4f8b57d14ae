package com.campagne.connectors.connections.ui;

import com.campagne.base.ui.RouteIds;
import com.campagne.base.ui.MainLayout;
import com.campagne.base.ui.Notifications;
import com.campagne.connectors.connections.ConnectionService;
import com.campagne.connectors.connections.ConnectionStatus;
import com.campagne.connectors.oauth.OAuth2Flows;
import com.campagne.connectors.connections.ConnectionService.ConnectionOverview;
import com.campagne.connectors.runtime.ConnectorHandle;
import com.campagne.connectors.sync.SyncHistory;
import com.campagne.connectors.sync.SyncService;
import com.campagne.connectors.sync.ui.SyncPanel;
import com.campagne.tenancy.TenantSettingsService;
import com.campagne.tenancy.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
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
import org.springframework.beans.factory.ObjectProvider;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code clients/<id>/connections/<connection>}: one connection, its settings (secrets never shown
 * again), accounts and schedule; sync now and delete.
 */
@Route(value = "clients/:clientId/connections/:connectionId([0-9a-fA-F-]{36})", layout = MainLayout.class)
@RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
class ConnectionView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ConnectionService connections;
    private final ObjectProvider<SyncService> syncService;
    private final SyncHistory syncHistory;
    private final TenantSettingsService tenantSettings;
    private final OAuth2Flows flows;
    private final H2 title = new H2();
    private final VerticalLayout body = new VerticalLayout();
    private ConnectionOverview overview;

    ConnectionView(ConnectionService connections, ObjectProvider<SyncService> syncService, SyncHistory syncHistory,
                   TenantSettingsService tenantSettings, OAuth2Flows flows) {
        this.connections = connections;
        this.flows = flows;
        this.syncService = syncService;
        this.syncHistory = syncHistory;
        this.tenantSettings = tenantSettings;
        title.getStyle().set("margin", "0");
        body.setPadding(false);
        add(title, body);
    }

    static String path(UUID clientId, UUID connectionId) {
        return ClientConnectionsView.path(clientId) + "/" + connectionId;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<UUID> clientId = RouteIds.param(event, "clientId");
        Optional<ConnectionOverview> found = RouteIds.param(event, "connectionId").flatMap(connections::find)
                .filter(o -> clientId.isPresent() && o.connection().getClientId().equals(clientId.get()));
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class, getTranslation("connections.notFound"));
            return;
        }
        overview = found.get();
        ConnectionEditor editor = show();
        // Back from an OAuth 2 provider: the tokens are stored already; show the outcome and the form as typed.
        if (editor != null) {
            event.getLocation().getQueryParameters().getParameters().getOrDefault("oauth", List.of())
                    .stream().findFirst().flatMap(NewConnectionView::uuid)
                    .flatMap(id -> flows.take(ConnectionEditor.httpSession(), id))
                    .filter(o -> overview.connection().getId().equals(o.connectionId()))
                    .ifPresent(editor::restore);
        }
    }

    private ConnectionEditor show() {
        UUID clientId = overview.connection().getClientId();
        title.setText(overview.connection().getName());
        body.removeAll();

        Button back = new Button(getTranslation("connections.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> toList());
        back.setId("connection-back");
        back.addThemeVariants(ButtonVariant.TERTIARY);
        HorizontalLayout actions = new HorizontalLayout(back);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);

        Optional<ConnectorHandle> handle = overview.connector();
        boolean paused = overview.connection().getStatus() == ConnectionStatus.PAUSED;
        Button pause = new Button(getTranslation(paused ? "connections.resume" : "connections.pause"),
                (paused ? VaadinIcon.PLAY : VaadinIcon.PAUSE).create(), e -> togglePause());
        pause.setId("connection-pause");
        pause.addThemeVariants(ButtonVariant.TERTIARY);
        actions.add(pause);
        Button delete = new Button(getTranslation("connections.delete"), VaadinIcon.TRASH.create(), e -> confirmDelete());
        delete.setId("connection-delete");
        delete.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        actions.add(delete);
        body.add(actions);

        if (handle.isEmpty()) {
            Div unavailable = new Div();
            unavailable.setId("connection-unavailable");
            Span headline = new Span(getTranslation("connections.unavailable"));
            headline.getStyle().set("font-weight", "600").set("display", "block");
            unavailable.add(headline, new Paragraph(getTranslation("connections.unavailable.text")));
            unavailable.getStyle().set("border", "1px solid var(--lumo-error-color-50pct)")
                    .set("background", "var(--lumo-error-color-10pct)").set("border-radius", "var(--lumo-border-radius-l)")
                    .set("padding", "var(--lumo-space-m)").set("max-width", "48rem");
            body.add(unavailable);
            SyncService history = syncService.getIfAvailable();
            if (history != null && connections.canSync()) {
                // No sync without the connector, but what was imported stays in sight.
                body.add(new SyncPanel(overview.connection().getId(), history, syncHistory, tenantSettings, false));
            }
            return null;
        }
        SyncService sync = syncService.getIfAvailable();
        if (sync != null && connections.canSync()) {
            // Sync now, live progress and history, above the settings: what a user comes here for. A
            // paused connection keeps its history, without "sync now".
            body.add(new SyncPanel(overview.connection().getId(), sync, syncHistory, tenantSettings,
                    overview.connection().getStatus() == ConnectionStatus.ACTIVE));
        }
        ConnectionEditor editor = new ConnectionEditor(connections, flows, handle.get(), clientId, overview,
                this::toList);
        body.add(editor);
        return editor;
    }

    private void toList() {
        getUI().ifPresent(ui -> ui.navigate(ClientConnectionsView.path(overview.connection().getClientId())));
    }

    private void togglePause() {
        boolean paused = overview.connection().getStatus() == ConnectionStatus.PAUSED;
        connections.setStatus(overview.connection().getId(), paused ? ConnectionStatus.ACTIVE : ConnectionStatus.PAUSED);
        Notifications.success(getTranslation(paused ? "connections.resumed" : "connections.paused",
                overview.connection().getName()));
        connections.find(overview.connection().getId()).ifPresent(o -> {
            overview = o;
            show();
        });
    }

    private void confirmDelete() {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("connection-delete-dialog");
        dialog.setHeader(getTranslation("connections.delete.title", overview.connection().getName()));
        dialog.setText(getTranslation("connections.delete.text"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation("connections.delete.confirm"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> {
            connections.delete(overview.connection().getId());
            Notifications.success(getTranslation("connections.deleted", overview.connection().getName()));
            toList();
        });
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return overview == null ? getTranslation("connections.section") : overview.connection().getName();
    }
}
