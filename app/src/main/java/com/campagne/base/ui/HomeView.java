package com.campagne.base.ui;

import com.campagne.base.security.CampagneUser;
import com.campagne.base.security.CurrentUser;
import com.campagne.clients.ui.ClientsView;
import com.campagne.platform.ui.PlatformView;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The landing address: on to the clients for tenant members, to the platform for the operator. */
@Route(value = "", layout = MainLayout.class)
@PermitAll
public class HomeView extends VerticalLayout implements BeforeEnterObserver {

    public HomeView() {
        Paragraph none = new Paragraph(getTranslation("home.noTenant"));
        none.setId("home-no-tenant");
        add(none);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CampagneUser user = CurrentUser.require();
        if (user.tenant() != null) {
            event.forwardTo(ClientsView.class);
        } else if (user.platformAdmin()) {
            event.forwardTo(PlatformView.class);
        }
    }
}
