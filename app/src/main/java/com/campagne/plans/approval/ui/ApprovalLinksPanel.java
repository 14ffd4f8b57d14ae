package com.campagne.plans.approval.ui;

import com.campagne.base.mail.MailService;
import com.campagne.base.ui.Formats;
import com.campagne.base.ui.Notifications;
import com.campagne.plans.CampaignException;
import com.campagne.plans.approval.ApprovalLinkService;
import com.campagne.plans.approval.ApprovalLinkService.LinkNotFoundException;
import com.campagne.plans.approval.ApprovalLinkService.LinkStatus;
import com.campagne.plans.approval.ApprovalLinkService.SentLink;
import com.campagne.tenancy.TenantSettingsService;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/**
 * For the plan editor: send a proposed version to a client contact by a signed approval link, and follow
 * the links sent (to whom, when, until when, the answer) with a way to revoke a pending one. Placed by
 * the editor with {@code new ApprovalLinksPanel(approvalLinkService, tenantSettingsService, planId)}; call
 * {@link #refresh()} after the version's status changes.
 */
public class ApprovalLinksPanel extends VerticalLayout {

    private final ApprovalLinkService service;
    private final UUID planId;
    private final ZoneId zone;
    private final Button send = new Button();
    private final Paragraph help = new Paragraph();
    private final Grid<SentLink> grid = new Grid<>();

    public ApprovalLinksPanel(ApprovalLinkService service, TenantSettingsService tenantSettings, UUID planId) {
        this.service = service;
        this.planId = planId;
        this.zone = tenantSettings.currentZone();
        setPadding(false);
        setId("approval-links-panel");
        H3 title = new H3(getTranslation("approval.panel.title"));
        title.getStyle().set("margin", "0");
        help.getStyle().set("color", "var(--lumo-secondary-text-color, #555)").set("margin", "0");
        send.setText(getTranslation("approval.send"));
        send.setIcon(VaadinIcon.ENVELOPE_O.create());
        send.setId("approval-send-link");
        send.addClickListener(e -> openDialog());

        grid.setId("approval-links");
        grid.addColumn(l -> l.contactName() == null ? l.contactEmail() : l.contactName() + " · " + l.contactEmail())
                .setHeader(getTranslation("approval.links.contact")).setFlexGrow(3);
        grid.addColumn(l -> Formats.dateTime(l.sentAt(), zone, getLocale()) + " · " + l.sentBy())
                .setHeader(getTranslation("approval.links.sentAt")).setFlexGrow(3);
        grid.addColumn(l -> Formats.date(l.expiresAt(), zone, getLocale()))
                .setHeader(getTranslation("approval.links.expires")).setFlexGrow(2);
        grid.addColumn(l -> getTranslation(ApprovalTexts.statusKey(l.status())))
                .setHeader(getTranslation("approval.links.status")).setFlexGrow(2);
        grid.addColumn(l -> l.comment() == null ? "" : l.comment())
                .setHeader(getTranslation("approval.links.comment")).setFlexGrow(3);
        grid.addComponentColumn(this::revokeButton).setFlexGrow(1);
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        add(title, help, send, grid);
        refresh();
    }

    /** Re-reads the links and whether a new one can be sent (only for a proposed version). */
    public void refresh() {
        boolean canSend = service.canSend(planId);
        send.setEnabled(canSend);
        help.setText(getTranslation(canSend ? "approval.panel.help" : "approval.panel.notProposed"));
        var links = service.list(planId);
        grid.setItems(links);
        grid.setVisible(!links.isEmpty());
    }

    private Span revokeButton(SentLink link) {
        Span cell = new Span();
        if (link.status() == LinkStatus.PENDING) {
            Button revoke = new Button(getTranslation("approval.links.revoke"), e -> {
                try {
                    service.revoke(link.id());
                    Notifications.success(getTranslation("approval.revoked", link.contactEmail()));
                } catch (LinkNotFoundException gone) {
                    Notifications.error(getTranslation("approval.error.linkGone"));
                }
                refresh();
            });
            revoke.addClassName("approval-revoke");
            revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            cell.add(revoke);
        }
        return cell;
    }

    private void openDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("approval.dialog.title"));
        dialog.setWidth("30rem");
        TextField name = new TextField(getTranslation("approval.dialog.contactName"));
        name.setId("approval-contact-name");
        name.setMaxLength(200);
        name.setWidthFull();
        EmailField email = new EmailField(getTranslation("approval.dialog.contactEmail"));
        email.setId("approval-contact-email");
        email.setWidthFull();
        IntegerField validity = new IntegerField(getTranslation("approval.dialog.validity"));
        validity.setId("approval-validity");
        validity.setValue(ApprovalLinkService.DEFAULT_VALIDITY_DAYS);
        validity.setMin(1);
        validity.setMax(ApprovalLinkService.MAX_VALIDITY_DAYS);
        validity.setStepButtonsVisible(true);
        validity.setHelperText(getTranslation("approval.dialog.validityHelp"));
        Paragraph explain = new Paragraph(getTranslation("approval.dialog.text"));
        explain.getStyle().set("margin-top", "0");
        VerticalLayout form = new VerticalLayout(explain, name, email, validity);
        form.setPadding(false);
        dialog.add(form);
        Map<String, HasValidation> fields = Map.of("contactName", name, "contactEmail", email, "validityDays", validity);
        Button confirm = new Button(getTranslation("approval.dialog.send"), e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            try {
                SentLink sent = service.send(planId, name.getValue(), email.getValue(), validity.getValue());
                dialog.close();
                Notifications.success(getTranslation("approval.sent", sent.contactEmail()));
                refresh();
            } catch (CampaignException ex) {
                ex.errors().forEach((field, key) -> {
                    HasValidation shown = field == null ? null : fields.get(field);
                    if (shown == null) {
                        Notifications.error(getTranslation(key));
                    } else {
                        shown.setErrorMessage(getTranslation(key));
                        shown.setInvalid(true);
                    }
                });
            } catch (MailService.MailDeliveryException ex) {
                Notifications.error(getTranslation("approval.error.mail"));
            }
        });
        confirm.setId("approval-send");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
        name.focus();
    }
}
