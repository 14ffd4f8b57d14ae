package com.campagne.platform.ui;

import com.campagne.base.ui.Formats;
import com.campagne.base.ui.MainLayout;
import com.campagne.platform.PlatformService;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.Tenant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneOffset;

/** The operator's view of the installation: which tenants exist. */
@Route(value = "platform", layout = MainLayout.class)
@RolesAllowed(Role.PLATFORM_ADMIN_NAME)
public class PlatformView extends VerticalLayout implements HasDynamicTitle {

    public PlatformView(PlatformService platform) {
        setSizeFull();
        Grid<Tenant> grid = new Grid<>(Tenant.class, false);
        grid.setId("platform-tenants");
        grid.addColumn(Tenant::getName).setHeader(getTranslation("settings.name"));
        grid.addColumn(t -> getTranslation("tenant.kind." + t.getKind().name())).setHeader(getTranslation("signup.kind"));
        grid.addColumn(Tenant::getSlug).setHeader(getTranslation("platform.slug"));
        grid.addColumn(t -> Formats.date(t.getCreatedAt(), ZoneOffset.UTC, getLocale()))
                .setHeader(getTranslation("platform.created"));
        grid.setItems(platform.tenants());
        add(new H2(getTranslation("platform.title")), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("platform.title");
    }
}
