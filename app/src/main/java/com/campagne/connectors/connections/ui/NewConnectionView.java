package com.campagne.connectors.connections.ui;

import com.campagne.base.ui.RouteIds;
import com.campagne.base.ui.MainLayout;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.connectors.api.Category;
import com.campagne.connectors.connections.ConnectionService;
import com.campagne.connectors.runtime.ConnectorCatalog;
import com.campagne.connectors.runtime.ConnectorHandle;
import com.campagne.tenancy.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
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

import com.campagne.connectors.oauth.OAuth2Flows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code clients/<id>/connections/new}: pick a connector from the catalogue (cards grouped by
 * category), then fill the form generated from its settings.
 */
@Route(value = "clients/:clientId/connections/new", layout = MainLayout.class)
@RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
class NewConnectionView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ClientService clients;
    private final ConnectionService connections;
    private final ConnectorCatalog catalog;
    private final OAuth2Flows flows;
    private final H2 title = new H2();
    private final VerticalLayout body = new VerticalLayout();
    private Client client;

    NewConnectionView(ClientService clients, ConnectionService connections, ConnectorCatalog catalog,
                      OAuth2Flows flows) {
        this.clients = clients;
        this.flows = flows;
        this.connections = connections;
        this.catalog = catalog;
        title.getStyle().set("margin", "0");
        body.setPadding(false);
        add(title, body);
    }

    static String path(UUID clientId) {
        return ClientConnectionsView.path(clientId) + "/new";
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
        // Back from an OAuth 2 provider: the connector's form again, as it was typed, with the account.
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        Optional<ConnectorHandle> connector = query.getOrDefault("connector", List.of()).stream().findFirst()
                .flatMap(catalog::find);
        if (connector.isPresent()) {
            ConnectionEditor editor = showForm(connector.get());
            query.getOrDefault("oauth", List.of()).stream().findFirst().flatMap(NewConnectionView::uuid)
                    .flatMap(id -> flows.take(ConnectionEditor.httpSession(), id))
                    .filter(o -> o.clientId().equals(client.getId()) && o.connectorId().equals(connector.get().id()))
                    .ifPresent(editor::restore);
            return;
        }
        showPicker();
    }

    private void showPicker() {
        title.setText(getTranslation("connections.picker.title"));
        body.removeAll();
        body.add(new Paragraph(getTranslation("connections.picker.text", client.getName())));
        List<ConnectorHandle> all = catalog.all();
        if (all.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("connections.picker.empty"));
            none.setId("connector-picker-empty");
            body.add(none);
        }
        Div picker = new Div();
        picker.setId("connector-picker");
        picker.setWidthFull();
        for (Category category : Category.values()) {
            List<ConnectorHandle> ofCategory = all.stream().filter(h -> h.spec().category() == category).toList();
            if (ofCategory.isEmpty()) {
                continue;
            }
            H3 heading = new H3(getTranslation(ConnectionTexts.category(category)));
            Div cards = new Div();
            cards.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fill, minmax(16rem, 1fr))")
                    .set("gap", "var(--lumo-space-m)");
            ofCategory.forEach(h -> cards.add(card(h)));
            picker.add(heading, cards);
        }
        Button back = new Button(getTranslation("connections.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(ClientConnectionsView.path(client.getId()))));
        back.setId("connection-back");
        back.addThemeVariants(ButtonVariant.TERTIARY);
        body.add(picker, back);
    }

    private Div card(ConnectorHandle handle) {
        Span name = new Span(handle.spec().name().in(getLocale()));
        name.getStyle().set("font-weight", "600");
        HorizontalLayout head = new HorizontalLayout(ConnectorIcons.of(handle, "28px"), name);
        head.setAlignItems(FlexComponent.Alignment.CENTER);
        Paragraph description = new Paragraph(handle.spec().description().in(getLocale()));
        description.getStyle().set("margin", "var(--lumo-space-s) 0 0").set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)");
        Div card = new Div(head, description);
        card.setId("connector-" + handle.id());
        card.addClassName("connector-card");
        card.getElement().setAttribute("role", "button");
        card.getElement().setAttribute("tabindex", "0");
        card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)").set("cursor", "pointer").set("background", "var(--lumo-base-color)");
        card.addClickListener(e -> showForm(handle));
        card.getElement().addEventListener("keydown", e -> showForm(handle)).setFilter("event.key === 'Enter'");
        return card;
    }

    static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private ConnectionEditor showForm(ConnectorHandle handle) {
        title.setText(getTranslation("connections.new.title", handle.spec().name().in(getLocale())));
        body.removeAll();
        Button other = new Button(getTranslation("connections.form.otherConnector"), VaadinIcon.ARROW_LEFT.create(),
                e -> showPicker());
        other.setId("connection-other-connector");
        other.addThemeVariants(ButtonVariant.TERTIARY);
        Paragraph description = new Paragraph(handle.spec().description().in(getLocale()));
        description.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin-top", "0");
        ConnectionEditor editor = new ConnectionEditor(connections, flows, handle, client.getId(), null,
                () -> getUI().ifPresent(ui -> ui.navigate(ClientConnectionsView.path(client.getId()))));
        body.add(other, description, editor);
        return editor;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("connections.add");
    }
}
