package com.campagne.analytics.alerts.ui;

import com.campagne.analytics.alerts.AlertPaths;
import com.campagne.analytics.alerts.AlertService;
import com.campagne.base.security.CurrentUser;
import com.campagne.tenancy.Role;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.server.VaadinService;

/**
 * The bell of the top bar: how many alerts ask for attention, linking to the alerts. Shown to the agency's
 * staff only (client viewers have no alerts). Built through Vaadin's Spring instantiator so the layout needs
 * no new constructor argument.
 */
public class AlertBell extends Anchor implements AfterNavigationObserver {

    private final AlertService alerts;
    private final Span badge = new Span();

    AlertBell(AlertService alerts) {
        this.alerts = alerts;
        setHref(AlertPaths.ALERTS);
        setId("alert-bell");
        getStyle().set("position", "relative").set("display", "inline-flex").set("align-items", "center")
                .set("padding", "0.25rem 0.5rem").set("color", "var(--lumo-body-text-color, #333)");
        badge.setId("alert-bell-count");
        badge.getStyle().set("position", "absolute").set("top", "-0.2rem").set("right", "-0.1rem")
                .set("min-width", "1.1rem").set("height", "1.1rem").set("padding", "0 0.25rem")
                .set("border-radius", "999px").set("background", "#c62828").set("color", "#fff")
                .set("font-size", "0.7rem").set("font-weight", "700").set("line-height", "1.1rem")
                .set("text-align", "center");
        add(VaadinIcon.BELL.create(), badge);
        update();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        ComponentUtil.setData(attachEvent.getUI(), AlertBell.class, this);
    }

    /**
     * Counts again on every move to another screen: the layout (and its bell) lives on between screens, and an
     * alert raised by a sync or the morning check meanwhile should show without a reload. Not on a timer: a
     * request every minute would keep an idle session alive past its time-out.
     */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        update();
    }

    /** Counts again. */
    void update() {
        long count = alerts.openCount();
        String label = getTranslation("alerts.bell.label", count);
        getElement().setAttribute("aria-label", label);
        getElement().setAttribute("title", label);
        badge.setText(count > 99 ? "99+" : Long.toString(count));
        badge.setVisible(count > 0);
    }

    /** Counts again the bell of a UI, if it shows one (after an alert is acknowledged or put off). */
    static void refresh(UI ui) {
        AlertBell bell = ComponentUtil.getData(ui, AlertBell.class);
        if (bell != null) {
            bell.update();
        }
    }

    /** The bell for the signed-in user, or an empty span for who has no alerts (client viewers, no tenant). */
    public static Component forCurrentUser() {
        var tenant = CurrentUser.tenant();
        if (tenant.isEmpty() || tenant.get().role() == Role.CLIENT_VIEWER) {
            return new Span();
        }
        return VaadinService.getCurrent().getInstantiator().getOrCreate(AlertBell.class);
    }
}
