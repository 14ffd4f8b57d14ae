package com.campagne.analytics.alerts.ui;

import com.campagne.analytics.alerts.AlertEvent;
import com.campagne.analytics.alerts.AlertKind;
import com.campagne.analytics.alerts.AlertPaths;
import com.campagne.analytics.alerts.AlertService;
import com.campagne.analytics.alerts.AlertService.AlertView;
import com.campagne.base.security.CurrentUser;
import com.campagne.base.ui.EmptyState;
import com.campagne.base.ui.Formats;
import com.campagne.base.ui.MainLayout;
import com.campagne.base.ui.Notifications;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantSettingsService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code alerts}: the alerts asking for attention, newest first, each with what it is about, its message in the
 * reader's language and when it fired; "Acquitter" takes it off the bell, "Reporter" puts it off for a day or a
 * week. A second tab lists the handled ones (acknowledged, put off or cleared).
 */
@Route(value = AlertPaths.ALERTS, layout = MainLayout.class)
@RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
class AlertsView extends VerticalLayout implements HasDynamicTitle {

    private final AlertService alerts;
    private final ZoneId zone;
    private final Tab open = new Tab();
    private final Tab handled = new Tab();
    private final Tabs tabs = new Tabs(open, handled);
    private final Div list = new Div();

    AlertsView(AlertService alerts, TenantSettingsService settings) {
        this.alerts = alerts;
        this.zone = settings.currentZone();
        setMaxWidth("64rem");
        H2 title = new H2(getTranslation("alerts.title"));
        title.getStyle().set("margin", "0");
        HorizontalLayout header = new HorizontalLayout(title);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        if (!CurrentUser.hasRole(Role.CONTRIBUTOR)) {
            Button rules = new Button(getTranslation("alerts.rules.link"), VaadinIcon.COG.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(AlertPaths.RULES)));
            rules.setId("alert-rules-link");
            rules.addThemeVariants(ButtonVariant.TERTIARY);
            header.add(rules);
        }
        open.setLabel(getTranslation("alerts.tab.open"));
        open.setId("alerts-open");
        handled.setLabel(getTranslation("alerts.tab.handled"));
        handled.setId("alerts-handled");
        tabs.addSelectedChangeListener(e -> refresh());
        list.setId("alerts");
        list.setWidthFull();
        add(header, tabs, list);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        boolean showHandled = tabs.getSelectedTab() == handled;
        List<AlertView> found = alerts.list(showHandled);
        if (found.isEmpty()) {
            EmptyState empty = new EmptyState(VaadinIcon.BELL_O,
                    getTranslation(showHandled ? "alerts.emptyHandled.title" : "alerts.empty.title"),
                    getTranslation(showHandled ? "alerts.emptyHandled.text" : "alerts.empty.text"), null);
            empty.setId("alerts-empty");
            list.add(empty);
            return;
        }
        Instant now = Instant.now();
        found.forEach(a -> list.add(card(a, now)));
    }

    private Div card(AlertView view, Instant now) {
        AlertEvent event = view.event();
        boolean critical = event.getSeverity() == AlertKind.Severity.CRITICAL;
        Div card = new Div();
        card.addClassName("alert-card");
        card.getElement().setAttribute("data-alert-id", event.getId().toString());
        card.getStyle().set("display", "flex").set("align-items", "center").set("gap", "1rem")
                .set("padding", "0.75rem 1rem").set("margin", "0.5rem 0").set("border-radius", "10px")
                .set("border", "1px solid " + (critical ? "#f3b4b4" : "#f1d48a"))
                .set("background", critical ? "#fff5f5" : "#fffaf0");
        Icon icon = (critical ? VaadinIcon.EXCLAMATION_CIRCLE : VaadinIcon.WARNING).create();
        icon.setColor(critical ? "#c62828" : "#b26a00");
        icon.getStyle().set("flex", "none");

        Span kind = new Span(getTranslation(event.getKind().labelKey()));
        kind.addClassName("alert-kind");
        kind.getStyle().set("font-weight", "600");
        Span message = new Span(event.message(getLocale()));
        message.addClassName("alert-message");
        String about = view.campaignName() != null && view.clientName() != null
                ? getTranslation("alerts.about.campaign", view.clientName(), view.campaignName())
                : view.clientName() != null ? view.clientName() : "";
        Span where = new Span(about);
        where.addClassName("alert-about");
        Span when = new Span(getTranslation("alerts.firedAt", Formats.dateTime(event.getFiredAt(), zone, getLocale())));
        when.addClassName("alert-when");
        HorizontalLayout meta = new HorizontalLayout(where, when);
        meta.getStyle().set("color", "var(--lumo-secondary-text-color, #555)").set("font-size", "0.9rem")
                .set("flex-wrap", "wrap").set("gap", "0.25rem 1rem");
        if (about.isEmpty()) {
            meta.remove(where);
        }
        String state = state(event, now);
        if (state != null) {
            Span badge = new Span(state);
            badge.addClassName("alert-state");
            badge.getElement().getThemeList().add("badge contrast");
            meta.add(badge);
        }
        VerticalLayout text = new VerticalLayout(kind, message, meta);
        text.setPadding(false);
        text.setSpacing(false);
        text.getStyle().set("flex", "1").set("min-width", "0");
        card.add(icon, text);

        if (event.isOpen(now)) {
            Button acknowledge = new Button(getTranslation("alerts.acknowledge"), VaadinIcon.CHECK.create(),
                    e -> {
                        alerts.acknowledge(event.getId());
                        Notifications.success(getTranslation("alerts.acknowledged"));
                        refreshPage();
                    });
            acknowledge.addClassName("alert-acknowledge");
            acknowledge.addThemeVariants(ButtonVariant.PRIMARY);
            MenuBar snooze = new MenuBar();
            snooze.addClassName("alert-snooze");
            snooze.addThemeVariants(MenuBarVariant.TERTIARY);
            MenuItem root = snooze.addItem(getTranslation("alerts.snooze"));
            for (int days : AlertService.SNOOZE_DAYS) {
                MenuItem item = root.getSubMenu().addItem(getTranslation(days == 1 ? "alerts.snooze.day" : "alerts.snooze.week"),
                        e -> {
                            alerts.snooze(event.getId(), days);
                            Notifications.success(getTranslation("alerts.snoozed"));
                            refreshPage();
                        });
                item.setId("alert-snooze-" + days + "-" + event.getId());
            }
            HorizontalLayout actions = new HorizontalLayout(acknowledge, snooze);
            actions.setAlignItems(FlexComponent.Alignment.CENTER);
            card.add(actions);
        }
        return card;
    }

    private String state(AlertEvent event, Instant now) {
        if (event.getResolvedAt() != null) {
            return getTranslation("alerts.state.resolved", Formats.dateTime(event.getResolvedAt(), zone, getLocale()));
        }
        if (event.getAcknowledgedAt() != null) {
            return getTranslation("alerts.state.acknowledged",
                    Formats.dateTime(event.getAcknowledgedAt(), zone, getLocale()));
        }
        if (event.getSnoozedUntil() != null && event.getSnoozedUntil().isAfter(now)) {
            return getTranslation("alerts.state.snoozed", Formats.dateTime(event.getSnoozedUntil(), zone, getLocale()));
        }
        return null;
    }

    /** The list and the bell's count follow. */
    private void refreshPage() {
        refresh();
        getUI().ifPresent(AlertBell::refresh);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("alerts.title");
    }
}
