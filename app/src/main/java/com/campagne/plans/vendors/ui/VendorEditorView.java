package com.campagne.plans.vendors.ui;

import com.campagne.base.security.CurrentUser;
import com.campagne.base.ui.MainLayout;
import com.campagne.base.ui.Notifications;
import com.campagne.base.ui.RouteIds;
import com.campagne.plans.AdFormats;
import com.campagne.plans.CampaignException;
import com.campagne.plans.Channel;
import com.campagne.plans.money.BuyingModel;
import com.campagne.plans.vendors.Vendor;
import com.campagne.plans.vendors.VendorContact;
import com.campagne.plans.vendors.VendorKind;
import com.campagne.plans.vendors.VendorRate;
import com.campagne.plans.vendors.VendorService;
import com.campagne.plans.vendors.VendorService.VendorNotFoundException;
import com.campagne.tenancy.Role;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code vendors/<id|new>}: a vendor's card, its contacts and its rate card. Owners, admins and managers
 * edit; contributors read.
 */
@Route(value = "vendors/:vendorId", layout = MainLayout.class)
@RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
class VendorEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final VendorService vendors;
    private final boolean canEdit;
    private final H2 title = new H2();
    private final HorizontalLayout heading = new HorizontalLayout();
    private final TextField name = new TextField();
    private final Select<VendorKind> kind = new Select<>();
    private final TextField website = new TextField();
    private final TextArea notes = new TextArea();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final HorizontalLayout actions = new HorizontalLayout();
    private final VerticalLayout details = new VerticalLayout();
    private final Grid<VendorContact> contactGrid = new Grid<>();
    private final Grid<VendorRate> rateGrid = new Grid<>();
    private Vendor vendor;

    VendorEditorView(VendorService vendors) {
        this.vendors = vendors;
        this.canEdit = CurrentUser.tenant().map(t -> t.role().canEditClients()).orElse(false);
        setMaxWidth("84rem");
        title.getStyle().set("margin", "0");
        heading.setAlignItems(FlexComponent.Alignment.CENTER);

        field(fields, name, "name", "vendors.field.name", "vendor-name");
        name.setRequiredIndicatorVisible(canEdit);
        name.setMaxLength(200);
        field(fields, kind, "kind", "vendors.field.kind", "vendor-kind");
        kind.setItems(VendorKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(VendorTexts.kindKey(k)));
        field(fields, website, "website", "vendors.field.website", "vendor-website");
        website.setMaxLength(500);
        website.setPlaceholder(getTranslation("vendors.field.website.placeholder"));
        field(fields, notes, "notes", "vendors.field.notes", "vendor-notes");
        notes.setMaxLength(4000);
        FormLayout form = new FormLayout(name, kind, website, notes);
        form.setColspan(notes, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));

        Button back = new Button(getTranslation("vendors.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(VendorTexts.listPath())));
        back.setId("vendor-back");
        back.addThemeVariants(ButtonVariant.TERTIARY);

        contactGrid.setId("contacts-grid");
        contactGrid.addColumn(VendorContact::getName).setHeader(getTranslation("vendors.contact.name")).setFlexGrow(2);
        contactGrid.addColumn(VendorContact::getJobTitle).setHeader(getTranslation("vendors.contact.jobTitle")).setFlexGrow(2);
        contactGrid.addColumn(VendorContact::getEmail).setHeader(getTranslation("vendors.contact.email")).setFlexGrow(3);
        contactGrid.addColumn(VendorContact::getPhone).setHeader(getTranslation("vendors.contact.phone")).setFlexGrow(2);
        contactGrid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        contactGrid.setAllRowsVisible(true);
        contactGrid.addItemClickListener(e -> {
            if (canEdit) {
                contactDialog(e.getItem());
            }
        });

        rateGrid.setId("rates-grid");
        rateGrid.addColumn(r -> getTranslation(VendorTexts.channelKey(r.getChannel())))
                .setHeader(getTranslation("vendors.rate.channel")).setFlexGrow(2);
        rateGrid.addColumn(VendorRate::getPlacement).setHeader(getTranslation("vendors.rate.placement")).setFlexGrow(3);
        rateGrid.addColumn(VendorRate::getFormat).setHeader(getTranslation("vendors.rate.format")).setFlexGrow(2);
        rateGrid.addColumn(r -> getTranslation(VendorTexts.buyingModelKey(r.getBuyingModel())))
                .setHeader(getTranslation("vendors.rate.buyingModel")).setFlexGrow(3);
        rateGrid.addColumn(r -> VendorTexts.price(r.getPrice(), r.getCurrency(), getLocale()))
                .setHeader(getTranslation("vendors.rate.price")).setTextAlign(ColumnTextAlign.END).setFlexGrow(2);
        rateGrid.addColumn(r -> VendorTexts.validity(r, getLocale(), this::getTranslation))
                .setHeader(getTranslation("vendors.rate.validity")).setFlexGrow(3);
        rateGrid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        rateGrid.setAllRowsVisible(true);
        rateGrid.addItemClickListener(e -> {
            if (canEdit) {
                rateDialog(e.getItem());
            }
        });

        details.setPadding(false);
        add(back, heading, form, actions, details);
    }

    /** Labels a field, gives it its test id and registers it for the errors the service reports by name. */
    private void field(Map<String, HasValidation> registry, Component field, String key, String labelKey, String id) {
        field.setId(id);
        ((HasLabel) field).setLabel(getTranslation(labelKey));
        HasValidation validation = (HasValidation) field;
        // Errors come from the service, all at once: the fields do not judge themselves.
        validation.setManualValidation(true);
        registry.put(key, validation);
        if (field instanceof DatePicker d) {
            d.setLocale(getLocale());
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("vendorId").orElse("");
        if ("new".equals(id)) {
            if (!canEdit) {
                event.rerouteToError(NotFoundException.class, getTranslation("vendors.notFound"));
                return;
            }
            vendor = vendors.draft();
        } else {
            Optional<Vendor> found = RouteIds.uuid(id).flatMap(vendors::find);
            if (found.isEmpty()) {
                event.rerouteToError(NotFoundException.class, getTranslation("vendors.notFound"));
                return;
            }
            vendor = found.get();
        }
        read();
    }

    private void read() {
        name.setValue(vendor.getName() == null ? "" : vendor.getName());
        kind.setValue(vendor.getKind());
        website.setValue(vendor.getWebsite() == null ? "" : vendor.getWebsite());
        notes.setValue(vendor.getNotes() == null ? "" : vendor.getNotes());
        fields.values().forEach(f -> ((HasValue<?, ?>) f).setReadOnly(!canEdit));
        showHeading();
        showActions();
        showDetails();
    }

    private void showHeading() {
        heading.removeAll();
        boolean created = vendor.getVersion() == null;
        title.setText(created ? getTranslation("vendors.new") : vendor.getName());
        heading.add(title);
        if (vendor.isArchived()) {
            Span badge = new Span(getTranslation("vendors.archivedBadge"));
            badge.setId("vendor-archived-badge");
            badge.getStyle().set("color", "#374151").set("background", "#e5e7eb").set("border-radius", "999px")
                    .set("padding", "0.15em 0.7em").set("font-size", "var(--lumo-font-size-s, 0.875rem)")
                    .set("font-weight", "600");
            heading.add(badge);
        }
    }

    private void showActions() {
        actions.removeAll();
        if (!canEdit) {
            Paragraph readOnly = new Paragraph(getTranslation("vendors.readOnly"));
            readOnly.setId("vendor-read-only");
            actions.add(readOnly);
            return;
        }
        Button save = new Button(getTranslation("action.save"), e -> save());
        save.setId("vendor-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        actions.add(save);
        if (vendor.getVersion() != null) {
            Button archive = vendor.isArchived()
                    ? new Button(getTranslation("vendors.restore"), VaadinIcon.ARROW_BACKWARD.create(), e -> archive(false))
                    : new Button(getTranslation("vendors.archive"), VaadinIcon.ARCHIVE.create(), e -> archive(true));
            archive.setId(vendor.isArchived() ? "vendor-restore" : "vendor-archive");
            archive.addThemeVariants(ButtonVariant.TERTIARY);
            actions.add(archive);
        }
    }

    private void save() {
        fields.values().forEach(f -> f.setInvalid(false));
        vendor.setName(name.getValue());
        vendor.setKind(kind.getValue());
        vendor.setWebsite(website.getValue());
        vendor.setNotes(notes.getValue());
        try {
            boolean created = vendor.getVersion() == null;
            vendor = vendors.save(vendor);
            Notifications.success(created ? getTranslation("vendors.created", vendor.getName())
                    : getTranslation("vendors.saved"));
            if (created) {
                getUI().ifPresent(ui -> ui.navigate(VendorTexts.editorPath(vendor.getId())));
            } else {
                read();
            }
        } catch (CampaignException e) {
            showErrors(e, fields, false);
        } catch (ObjectOptimisticLockingFailureException e) {
            Notifications.error(getTranslation("form.concurrentChange"));
        }
    }

    private void archive(boolean archived) {
        try {
            vendor = archived ? vendors.archive(vendor.getId()) : vendors.restore(vendor.getId());
            Notifications.success(getTranslation(archived ? "vendors.archivedNow" : "vendors.restoredNow",
                    vendor.getName()));
            read();
        } catch (VendorNotFoundException | ObjectOptimisticLockingFailureException e) {
            Notifications.error(getTranslation("form.concurrentChange"));
        }
    }

    /** Contacts and rates, once the vendor exists. */
    private void showDetails() {
        details.removeAll();
        if (vendor.getVersion() == null) {
            Paragraph first = new Paragraph(getTranslation("vendors.saveFirst"));
            first.setId("vendor-save-first");
            first.getStyle().set("color", "var(--lumo-secondary-text-color, #555)");
            details.add(first);
            return;
        }
        if (vendor.isArchived()) {
            Paragraph archived = new Paragraph(getTranslation("vendors.archivedHelp"));
            archived.setId("vendor-archived-help");
            details.add(archived);
        }
        details.add(section("vendors.contacts.title", "contacts-add", "vendors.contacts.add",
                () -> contactDialog(new VendorContact(vendor.getId()))));
        List<VendorContact> contactList = vendors.contacts(vendor.getId());
        if (contactList.isEmpty()) {
            details.add(emptyNote("contacts-empty", "vendors.contacts.empty"));
        } else {
            contactGrid.setItems(contactList);
            details.add(contactGrid);
        }
        details.add(section("vendors.rates.title", "rates-add", "vendors.rates.add",
                () -> rateDialog(vendors.draftRate(vendor.getId()))));
        List<VendorRate> rateList = vendors.rates(vendor.getId());
        if (rateList.isEmpty()) {
            details.add(emptyNote("rates-empty", "vendors.rates.empty"));
        } else {
            rateGrid.setItems(rateList);
            details.add(rateGrid);
        }
    }

    private HorizontalLayout section(String titleKey, String addId, String addKey, Runnable onAdd) {
        H3 heading = new H3(getTranslation(titleKey));
        heading.getStyle().set("margin", "0");
        HorizontalLayout bar = new HorizontalLayout(heading);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("margin-top", "1.5rem");
        if (canEdit) {
            Button add = new Button(getTranslation(addKey), VaadinIcon.PLUS.create(), e -> onAdd.run());
            add.setId(addId);
            add.addThemeVariants(ButtonVariant.TERTIARY);
            bar.add(add);
        }
        return bar;
    }

    private Paragraph emptyNote(String id, String key) {
        Paragraph note = new Paragraph(getTranslation(key));
        note.setId(id);
        note.getStyle().set("color", "var(--lumo-secondary-text-color, #555)");
        return note;
    }

    private void contactDialog(VendorContact contact) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(contact.getVersion() == null ? "vendors.contact.new" : "vendors.contact.edit"));
        dialog.setWidth("min(40rem, 95vw)");
        Map<String, HasValidation> dialogFields = new LinkedHashMap<>();
        TextField contactName = new TextField();
        field(dialogFields, contactName, "name", "vendors.contact.name", "contact-name");
        contactName.setRequiredIndicatorVisible(true);
        contactName.setMaxLength(200);
        TextField jobTitle = new TextField();
        field(dialogFields, jobTitle, "jobTitle", "vendors.contact.jobTitle", "contact-job-title");
        jobTitle.setMaxLength(200);
        EmailField email = new EmailField();
        field(dialogFields, email, "email", "vendors.contact.email", "contact-email");
        TextField phone = new TextField();
        field(dialogFields, phone, "phone", "vendors.contact.phone", "contact-phone");
        phone.setMaxLength(50);
        contactName.setValue(contact.getName() == null ? "" : contact.getName());
        jobTitle.setValue(contact.getJobTitle() == null ? "" : contact.getJobTitle());
        email.setValue(contact.getEmail() == null ? "" : contact.getEmail());
        phone.setValue(contact.getPhone() == null ? "" : contact.getPhone());
        FormLayout form = new FormLayout(contactName, jobTitle, email, phone);
        dialog.add(form);

        Button save = new Button(getTranslation("action.save"), e -> {
            dialogFields.values().forEach(f -> f.setInvalid(false));
            contact.setName(contactName.getValue());
            contact.setJobTitle(jobTitle.getValue());
            contact.setEmail(email.getValue());
            contact.setPhone(phone.getValue());
            try {
                vendors.saveContact(contact);
                Notifications.success(getTranslation("vendors.contact.saved"));
                dialog.close();
                showDetails();
            } catch (CampaignException ex) {
                showErrors(ex, dialogFields, true);
            } catch (VendorNotFoundException | ObjectOptimisticLockingFailureException ex) {
                Notifications.error(getTranslation("form.concurrentChange"));
            }
        });
        save.setId("contact-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        footer(dialog, save, "contact", contact.getVersion() == null ? null : () -> {
            vendors.deleteContact(contact.getId());
            Notifications.success(getTranslation("vendors.contact.deleted"));
        });
        dialog.open();
        contactName.focus();
    }

    private void rateDialog(VendorRate rate) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(rate.getVersion() == null ? "vendors.rate.new" : "vendors.rate.edit"));
        dialog.setWidth("min(48rem, 95vw)");
        Map<String, HasValidation> dialogFields = new LinkedHashMap<>();
        Select<Channel> channel = new Select<>();
        field(dialogFields, channel, "channel", "vendors.rate.channel", "rate-channel");
        channel.setItems(Channel.values());
        channel.setItemLabelGenerator(c -> getTranslation(VendorTexts.channelKey(c)));
        channel.setRequiredIndicatorVisible(true);
        TextField placement = new TextField();
        field(dialogFields, placement, "placement", "vendors.rate.placement", "rate-placement");
        placement.setMaxLength(300);
        placement.setPlaceholder(getTranslation("vendors.rate.placement.placeholder"));
        ComboBox<String> format = new ComboBox<>();
        field(dialogFields, format, "format", "vendors.rate.format", "rate-format");
        List<String> formats = new ArrayList<>(AdFormats.SUGGESTED);
        if (rate.getFormat() != null && !formats.contains(rate.getFormat())) {
            formats.add(rate.getFormat());
        }
        format.setItems(formats);
        format.setAllowCustomValue(true);
        format.setPlaceholder(getTranslation("vendors.rate.format.placeholder"));
        // A format typed by the planner is kept as is: the suggestions are only the usual ones.
        format.addCustomValueSetListener(e -> {
            formats.add(e.getDetail());
            format.setItems(formats);
            format.setValue(e.getDetail());
        });
        Select<BuyingModel> model = new Select<>();
        field(dialogFields, model, "buyingModel", "vendors.rate.buyingModel", "rate-buying-model");
        model.setItems(BuyingModel.values());
        model.setItemLabelGenerator(m -> getTranslation(VendorTexts.buyingModelKey(m)));
        model.setRequiredIndicatorVisible(true);
        BigDecimalField price = new BigDecimalField();
        field(dialogFields, price, "price", "vendors.rate.price", "rate-price");
        price.setRequiredIndicatorVisible(true);
        price.setSuffixComponent(new Span(Currency.getInstance(rate.getCurrency().trim()).getSymbol(getLocale())));
        DatePicker validFrom = new DatePicker();
        field(dialogFields, validFrom, "validFrom", "vendors.rate.validFrom", "rate-valid-from");
        DatePicker validTo = new DatePicker();
        field(dialogFields, validTo, "validTo", "vendors.rate.validTo", "rate-valid-to");
        TextArea rateNotes = new TextArea();
        field(dialogFields, rateNotes, "notes", "vendors.rate.notes", "rate-notes");
        rateNotes.setMaxLength(1000);
        channel.setValue(rate.getChannel());
        placement.setValue(rate.getPlacement() == null ? "" : rate.getPlacement());
        format.setValue(rate.getFormat());
        model.setValue(rate.getBuyingModel());
        price.setValue(rate.getPrice());
        validFrom.setValue(rate.getValidFrom());
        validTo.setValue(rate.getValidTo());
        rateNotes.setValue(rate.getNotes() == null ? "" : rate.getNotes());
        FormLayout form = new FormLayout(channel, model, placement, format, price, new Span(), validFrom, validTo,
                rateNotes);
        form.setColspan(rateNotes, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        dialog.add(form);

        Button save = new Button(getTranslation("action.save"), e -> {
            dialogFields.values().forEach(f -> f.setInvalid(false));
            rate.setChannel(channel.getValue());
            rate.setPlacement(placement.getValue());
            rate.setFormat(format.getValue());
            rate.setBuyingModel(model.getValue());
            rate.setPrice(price.getValue());
            rate.setValidFrom(validFrom.getValue());
            rate.setValidTo(validTo.getValue());
            rate.setNotes(rateNotes.getValue());
            try {
                vendors.saveRate(rate);
                Notifications.success(getTranslation("vendors.rate.saved"));
                dialog.close();
                showDetails();
            } catch (CampaignException ex) {
                showErrors(ex, dialogFields, true);
            } catch (VendorNotFoundException | ObjectOptimisticLockingFailureException ex) {
                Notifications.error(getTranslation("form.concurrentChange"));
            }
        });
        save.setId("rate-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        footer(dialog, save, "rate", rate.getVersion() == null ? null : () -> {
            vendors.deleteRate(rate.getId());
            Notifications.success(getTranslation("vendors.rate.deleted"));
        });
        dialog.open();
    }

    /** Cancel, save and (for a stored row) delete at the foot of a dialog. */
    private void footer(Dialog dialog, Button save, String idPrefix, Runnable delete) {
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        cancel.setId(idPrefix + "-cancel");
        if (delete != null) {
            Button remove = new Button(getTranslation("vendors.action.delete"), VaadinIcon.TRASH.create(), e -> {
                try {
                    delete.run();
                } catch (VendorNotFoundException ex) {
                    Notifications.error(getTranslation("form.concurrentChange"));
                }
                dialog.close();
                showDetails();
            });
            remove.setId(idPrefix + "-delete");
            remove.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
            remove.getStyle().set("margin-inline-end", "auto");
            dialog.getFooter().add(remove);
        }
        dialog.getFooter().add(cancel, save);
    }

    /**
     * Each error under its field. A dialog shows no toast on top when every error has a field: the toast
     * would sit right over the messages.
     */
    private void showErrors(CampaignException e, Map<String, HasValidation> registry, boolean inDialog) {
        boolean onAField = false;
        for (Map.Entry<String, String> error : e.errors().entrySet()) {
            HasValidation field = error.getKey() == null ? null : registry.get(error.getKey());
            if (field != null) {
                field.setErrorMessage(getTranslation(error.getValue()));
                field.setInvalid(true);
                onAField = true;
            }
        }
        if (!onAField || !inDialog) {
            Notifications.error(getTranslation(onAField ? "form.fixErrors" : e.messageKey()));
        }
    }

    @Override
    public String getPageTitle() {
        return vendor == null || vendor.getName() == null ? getTranslation("vendors.new") : vendor.getName();
    }
}
