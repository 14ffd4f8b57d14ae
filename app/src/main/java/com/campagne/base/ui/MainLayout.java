package com.campagne.base.ui;

import com.campagne.accounts.AccountService;
import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.accounts.ui.AccountView;
import com.campagne.analytics.dashboard.ui.AgencyDashboardView;
import com.campagne.audit.AuditAction;
import com.campagne.audit.AuditService;
import com.campagne.audit.ui.AuditLogView;
import com.campagne.base.security.CampagneUser;
import com.campagne.base.security.CurrentUser;
import com.campagne.base.security.SessionAuthentication;
import com.campagne.clients.ui.ClientsView;
import com.campagne.connectors.plugins.ui.PluginsView;
import com.campagne.platform.ui.PlatformView;
import com.campagne.plans.approval.ui.PendingApprovalsView;
import com.campagne.plans.calendar.CalendarService;
import com.campagne.plans.tasks.TaskPaths;
import com.campagne.plans.vendors.ui.VendorsView;
import com.campagne.tenancy.MembershipRepository.TenantMembershipView;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.ui.MembersView;
import com.campagne.tenancy.ui.TenantSettingsView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

import java.util.List;

/**
 * The shell: navigation by job on the side (only what has landed is listed), and in the top bar
 * the tenant switcher, the language and the user menu. Open to every signed-in user: Vaadin checks
 * a layout's access as well as its views', and denies a layout with no annotation; each view
 * narrows access further.
 */
@PermitAll
public class MainLayout extends AppLayout {

    private final AuditService audit;

    public MainLayout(AuthenticationContext authentication, AccountUserDetailsService accounts,
                      AccountService accountService, AuditService audit) {
        this.audit = audit;
        CampagneUser user = CurrentUser.require();
        setPrimarySection(Section.DRAWER);

        Span brand = new Span(getTranslation("app.name"));
        brand.addClassName("campagne-brand");
        brand.getStyle().set("font-weight", "700").set("font-size", "1.25rem").set("padding", "var(--vaadin-padding-m, 1rem)")
                .set("color", "var(--lumo-primary-text-color, #1a5fb4)");
        addToDrawer(brand, navigation(user));

        HorizontalLayout bar = new HorizontalLayout();
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.getStyle().set("padding-right", "1rem");
        Div spacer = new Div();
        bar.add(new DrawerToggle(), tenantSwitcher(user, accounts), spacer);
        bar.setFlexGrow(1, spacer);
        bar.add(com.campagne.analytics.alerts.ui.AlertBell.forCurrentUser());
        bar.add(new LanguageSwitch(locale -> accountService.changeLanguage(locale)), userMenu(user, authentication));
        addToNavbar(bar);
    }

    private SideNav navigation(CampagneUser user) {
        SideNav nav = new SideNav();
        if (user.tenant() != null) {
            nav.addItem(new SideNavItem(getTranslation("dashboard.nav"), AgencyDashboardView.class,
                    VaadinIcon.DASHBOARD.create()));
            nav.addItem(new SideNavItem(getTranslation("nav.clients"), ClientsView.class, VaadinIcon.BRIEFCASE.create()));
            nav.addItem(new SideNavItem(getTranslation("nav.approvals"), PendingApprovalsView.class,
                    VaadinIcon.CHECK_SQUARE_O.create()));
            if (user.tenant().role() != Role.CLIENT_VIEWER) {
                nav.addItem(new SideNavItem(getTranslation("calendar.nav"), CalendarService.PATH, VaadinIcon.CALENDAR.create()),
                        new SideNavItem(getTranslation("tasks.nav"), TaskPaths.MINE, VaadinIcon.TASKS.create()),
                        new SideNavItem(getTranslation("nav.vendors"), VendorsView.class, VaadinIcon.SHOP.create()));
            }
            if (user.tenant().role().canManageMembers()) {
                SideNavItem settings = new SideNavItem(getTranslation("nav.settings"));
                settings.setPrefixComponent(VaadinIcon.COG.create());
                settings.addItem(new SideNavItem(getTranslation("nav.members"), MembersView.class));
                settings.addItem(new SideNavItem(getTranslation("nav.organization"), TenantSettingsView.class));
                settings.addItem(new SideNavItem(getTranslation("nav.audit"), AuditLogView.class));
                settings.setExpanded(true);
                nav.addItem(settings);
            }
        }
        if (user.platformAdmin()) {
            nav.addItem(new SideNavItem(getTranslation("nav.platform"), PlatformView.class, VaadinIcon.SERVER.create()));
            nav.addItem(new SideNavItem(getTranslation("plugins.nav"), PluginsView.class, VaadinIcon.PLUG.create()));
        }
        return nav;
    }

    private com.vaadin.flow.component.Component tenantSwitcher(CampagneUser user, AccountUserDetailsService accounts) {
        List<TenantMembershipView> tenants = accounts.tenantsOf(user.userId());
        if (tenants.size() <= 1) {
            Span name = new Span(user.tenant() == null ? "" : user.tenant().tenantName());
            name.setId("tenant-name");
            name.getStyle().set("font-weight", "600");
            return name;
        }
        Select<TenantMembershipView> select = new Select<>();
        select.setId("tenant-switcher");
        select.getElement().setAttribute("aria-label", getTranslation("tenant.switch"));
        select.setItems(tenants);
        select.setWidth("20rem");
        select.setItemLabelGenerator(t -> t.getTenantName() + " · " + getTranslation("role." + t.getRole()));
        tenants.stream().filter(t -> user.tenant() != null && t.getTenantId().equals(user.tenant().tenantId()))
                .findFirst().ifPresent(select::setValue);
        select.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                accounts.switchTo(CurrentUser.require(), e.getValue().getTenantId()).ifPresent(switched -> {
                    SessionAuthentication.replace(switched);
                    UI.getCurrent().getPage().setLocation("/");
                });
            }
        });
        return select;
    }

    private MenuBar userMenu(CampagneUser user, AuthenticationContext authentication) {
        MenuBar menu = new MenuBar();
        menu.setId("user-menu");
        menu.addThemeVariants(MenuBarVariant.TERTIARY);
        HorizontalLayout who = new HorizontalLayout(VaadinIcon.USER.create(), new Span(user.displayName()),
                VaadinIcon.CHEVRON_DOWN_SMALL.create());
        who.setSpacing(false);
        who.getStyle().set("gap", "0.4rem");
        who.setAlignItems(FlexComponent.Alignment.CENTER);
        var root = menu.addItem(who);
        root.getSubMenu().addItem(getTranslation("nav.account"), e -> UI.getCurrent().navigate(AccountView.class));
        var logout = root.getSubMenu().addItem(getTranslation("nav.logout"), e -> {
            if (user.tenant() != null) {
                audit.record(AuditAction.SIGN_OUT, user.email(), null);
            }
            authentication.logout();
        });
        logout.setId("logout");
        return menu;
    }
}
