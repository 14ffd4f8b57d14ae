package com.campagne.tenancy.ui;

import com.campagne.accounts.AccountException;
import com.campagne.base.mail.MailService;
import com.campagne.base.security.CurrentUser;
import com.campagne.base.ui.Formats;
import com.campagne.base.ui.MainLayout;
import com.campagne.base.ui.Notifications;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.tenancy.Invitation;
import com.campagne.tenancy.InvitationService;
import com.campagne.tenancy.MemberService;
import com.campagne.tenancy.Membership;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantSettingsService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The team: members with their roles, pending invitations, and inviting someone new. */
@Route(value = "settings/members", layout = MainLayout.class)
@RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME})
public class MembersView extends VerticalLayout implements HasDynamicTitle {

    private final MemberService members;
    private final InvitationService invitations;
    private final ClientService clients;
    private final Grid<Membership> memberGrid = new Grid<>(Membership.class, false);
    private final Grid<Invitation> invitationGrid = new Grid<>(Invitation.class, false);
    private final H3 pendingTitle = new H3();

    public MembersView(MemberService members, InvitationService invitations, ClientService clients,
                       TenantSettingsService settings) {
        this.members = members;
        this.invitations = invitations;
        this.clients = clients;
        setSizeFull();

        Button invite = new Button(getTranslation("members.invite"), VaadinIcon.ENVELOPE.create(), e -> openInvite());
        invite.setId("members-invite");
        invite.addThemeVariants(ButtonVariant.PRIMARY);
        H2 title = new H2(getTranslation("members.title"));
        title.getStyle().set("margin", "0");
        HorizontalLayout header = new HorizontalLayout(title, invite);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);

        memberGrid.setId("members-grid");
        memberGrid.addColumn(m -> m.getUser().getDisplayName()).setHeader(getTranslation("members.name"));
        memberGrid.addColumn(m -> m.getUser().getEmail()).setHeader(getTranslation("signup.email")).setFlexGrow(2);
        memberGrid.addColumn(m -> getTranslation("role." + m.getRole().name())).setHeader(getTranslation("members.role"));
        memberGrid.addComponentColumn(this::memberActions).setHeader("").setAutoWidth(true);
        memberGrid.setAllRowsVisible(true);

        ZoneId zone = settings.currentZone();
        invitationGrid.setId("invitations-grid");
        invitationGrid.addColumn(Invitation::getEmail).setHeader(getTranslation("signup.email")).setFlexGrow(2);
        invitationGrid.addColumn(i -> getTranslation("role." + i.getRole().name())).setHeader(getTranslation("members.role"));
        invitationGrid.addColumn(i -> Formats.date(i.getExpiresAt(), zone, getLocale()))
                .setHeader(getTranslation("members.expires"));
        invitationGrid.addComponentColumn(i -> {
            Button revoke = new Button(getTranslation("members.revoke"), e -> {
                invitations.revoke(i.getId());
                refresh();
            });
            revoke.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            return revoke;
        }).setAutoWidth(true);
        invitationGrid.setAllRowsVisible(true);
        pendingTitle.setText(getTranslation("members.pending"));

        add(header, memberGrid, pendingTitle, invitationGrid);
        refresh();
    }

    private HorizontalLayout memberActions(Membership m) {
        HorizontalLayout actions = new HorizontalLayout();
        boolean self = m.getUser().getId().equals(CurrentUser.require().userId());
        if (self) {
            return actions;
        }
        Button role = new Button(getTranslation("members.changeRole"), e -> openRole(m));
        role.addThemeVariants(ButtonVariant.TERTIARY);
        Button remove = new Button(getTranslation("members.remove"), e -> {
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setHeader(getTranslation("members.remove.title"));
            confirm.setText(getTranslation("members.remove.text", m.getUser().getDisplayName()));
            Button yes = new Button(getTranslation("members.remove"), ev -> {
                confirm.close();
                run(() -> members.remove(m.getId()));
            });
            yes.setId("member-remove-confirm");
            yes.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
            confirm.setConfirmButton(yes);
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.open();
        });
        remove.setId("member-remove-" + m.getUser().getEmail());
        remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        actions.add(role, remove);
        return actions;
    }

    private void openRole(Membership m) {
        Dialog dialog = new Dialog(getTranslation("members.changeRole"));
        Select<Role> role = roleSelect();
        role.setValue(m.getRole());
        MultiSelectComboBox<Client> granted = clientPicker();
        List<Client> all = clients.active();
        granted.setItems(all);
        List<java.util.UUID> ids = members.grantedClients(m.getId());
        granted.setValue(all.stream().filter(c -> ids.contains(c.getId())).toList());
        granted.setVisible(m.getRole() == Role.CLIENT_VIEWER);
        role.addValueChangeListener(e -> granted.setVisible(e.getValue() == Role.CLIENT_VIEWER));
        Button save = new Button(getTranslation("action.save"), e -> run(() -> {
            members.changeRole(m.getId(), role.getValue(), granted.getValue().stream().map(Client::getId).toList());
            dialog.close();
        }));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.add(new VerticalLayout(role, granted));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void openInvite() {
        Dialog dialog = new Dialog(getTranslation("members.invite"));
        dialog.setId("invite-dialog");
        EmailField email = new EmailField(getTranslation("signup.email"));
        email.setId("invite-email");
        email.setWidthFull();
        Select<Role> role = roleSelect();
        role.setValue(Role.MANAGER);
        MultiSelectComboBox<Client> granted = clientPicker();
        granted.setItems(clients.active());
        granted.setVisible(false);
        role.addValueChangeListener(e -> granted.setVisible(e.getValue() == Role.CLIENT_VIEWER));
        Button send = new Button(getTranslation("members.invite.send"), e -> {
            email.setInvalid(false);
            granted.setInvalid(false);
            try {
                invitations.invite(email.getValue(), role.getValue(),
                        new ArrayList<>(granted.getValue().stream().map(Client::getId).toList()), getLocale());
                Notifications.success(getTranslation("members.invite.sent", email.getValue()));
                dialog.close();
                refresh();
            } catch (AccountException ex) {
                var field = "clients".equals(ex.field()) ? granted : email;
                field.setErrorMessage(getTranslation(ex.messageKey()));
                field.setInvalid(true);
            } catch (MailService.MailDeliveryException ex) {
                Notifications.error(getTranslation("mail.failed"));
            }
        });
        send.setId("invite-send");
        send.addThemeVariants(ButtonVariant.PRIMARY);
        VerticalLayout body = new VerticalLayout(email, role, granted);
        body.setPadding(false);
        dialog.add(body);
        dialog.setWidth("28rem");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), send);
        dialog.open();
    }

    private Select<Role> roleSelect() {
        Select<Role> role = new Select<>();
        role.setId("invite-role");
        role.setLabel(getTranslation("members.role"));
        boolean owner = CurrentUser.hasRole(Role.OWNER);
        role.setItems(owner ? List.of(Role.values())
                : List.of(Role.ADMIN, Role.MANAGER, Role.CONTRIBUTOR, Role.CLIENT_VIEWER));
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        role.setWidthFull();
        role.setHelperText(getTranslation("members.role.help"));
        return role;
    }

    private MultiSelectComboBox<Client> clientPicker() {
        MultiSelectComboBox<Client> granted = new MultiSelectComboBox<>(getTranslation("members.clients"));
        granted.setId("invite-clients");
        granted.setItemLabelGenerator(Client::getName);
        granted.setHelperText(getTranslation("members.clients.help"));
        granted.setWidthFull();
        return granted;
    }

    private void run(Runnable action) {
        try {
            action.run();
            Notifications.success(getTranslation("members.updated"));
        } catch (MemberService.MemberException e) {
            Notifications.error(getTranslation(e.getMessage()));
        }
        refresh();
    }

    private void refresh() {
        memberGrid.setItems(members.list());
        List<Invitation> pending = invitations.pending();
        invitationGrid.setItems(pending);
        invitationGrid.setVisible(!pending.isEmpty());
        pendingTitle.setVisible(!pending.isEmpty());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("members.title");
    }
}
