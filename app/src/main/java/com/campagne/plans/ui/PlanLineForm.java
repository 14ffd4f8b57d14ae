package com.campagne.plans.ui;

import com.campagne.base.ui.Notifications;
import com.campagne.plans.AdFormats;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignException;
import com.campagne.plans.Channel;
import com.campagne.plans.MediaPlanService;
import com.campagne.plans.PlanLineItem;
import com.campagne.plans.SyncedCampaignLookup.SyncedCampaign;
import com.campagne.plans.money.BuyingModel;
import com.campagne.plans.money.Discounts;
import com.campagne.plans.money.Money;
import com.campagne.plans.money.PlannedKpis;
import com.campagne.plans.vendors.Vendor;
import com.campagne.plans.vendors.VendorRate;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The dialog ({@code #line-form}) that adds or edits one line of a draft plan: what is bought, from whom,
 * how, at which price and discounts, the planned volume and KPIs, the flight, and the network campaign
 * that runs it. Numbers are typed the user's way; the effective discount, net price and cost show live.
 */
class PlanLineForm extends Dialog {

    private final MediaPlanService service;
    private final Campaign campaign;
    private final Currency currency;
    private final Locale locale;
    private final PlanLineItem line;
    private final Consumer<PlanLineItem> onSaved;
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    private final Select<Channel> channel = new Select<>();
    private final ComboBox<Vendor> vendor = new ComboBox<>();
    private final Select<VendorRate> rate = new Select<>();
    private final Button applyRate = new Button();
    private final TextField placement = new TextField();
    private final ComboBox<String> format = new ComboBox<>();
    private final Select<BuyingModel> buyingModel = new Select<>();
    private final TextField rateCardPrice = new TextField();
    private final TextField discounts = new TextField();
    private final Span preview = new Span();
    private final TextField volume = new TextField();
    private final TextField plannedImpressions = new TextField();
    private final TextField plannedClicks = new TextField();
    private final TextField plannedConversions = new TextField();
    private final DatePicker startDate = new DatePicker();
    private final DatePicker endDate = new DatePicker();
    private final TextArea targeting = new TextArea();
    private final ComboBox<SyncedCampaign> synced = new ComboBox<>();

    PlanLineForm(MediaPlanService service, Campaign campaign, PlanLineItem line, List<SyncedCampaign> syncedCampaigns,
                 Locale locale, Consumer<PlanLineItem> onSaved) {
        this.service = service;
        this.campaign = campaign;
        this.currency = Currency.getInstance(campaign.getCurrency().trim());
        this.locale = locale;
        this.line = line;
        this.onSaved = onSaved;
        this.impliedAtOpen = line.getVersion() == null ? null : impliedKpis(line, currency);
        setId("line-form");
        setHeaderTitle(getTranslation(line.getVersion() == null ? "plans.line.new" : "plans.line.edit"));
        setWidth("min(62rem, 96vw)");
        setCloseOnOutsideClick(false);

        field(channel, "channel", "plans.line.channel", "line-channel");
        channel.setItems(Channel.values());
        channel.setItemLabelGenerator(c -> getTranslation(PlanTexts.channelKey(c)));
        channel.setRequiredIndicatorVisible(true);

        field(vendor, "vendor", "plans.line.vendor", "line-vendor");
        vendor.setItems(service.vendorChoices());
        vendor.setItemLabelGenerator(Vendor::getName);
        vendor.setClearButtonVisible(true);
        vendor.setHelperText(getTranslation("plans.line.vendor.help"));
        vendor.addValueChangeListener(e -> showRateCard(e.getValue()));

        rate.setId("line-rate");
        rate.setLabel(getTranslation("plans.line.rate"));
        rate.setItemLabelGenerator(this::rateLabel);
        rate.setWidthFull();
        applyRate.setText(getTranslation("plans.line.rate.apply"));
        applyRate.setId("line-apply-rate");
        applyRate.addClickListener(e -> applyRate(rate.getValue()));

        field(placement, "placement", "plans.line.placement", "line-placement");
        placement.setMaxLength(300);
        placement.setPlaceholder(getTranslation("plans.line.placement.placeholder"));
        field(format, "format", "plans.line.format", "line-format");
        format.setItems(AdFormats.SUGGESTED);
        format.setAllowCustomValue(true);
        format.addCustomValueSetListener(e -> {
            String typed = e.getDetail().strip();
            List<String> items = new ArrayList<>(AdFormats.SUGGESTED);
            if (!items.contains(typed)) {
                items.addFirst(typed);
            }
            format.setItems(items);
            format.setValue(typed);
        });
        field(buyingModel, "buyingModel", "plans.line.buyingModel", "line-buying-model");
        buyingModel.setItems(BuyingModel.values());
        buyingModel.setItemLabelGenerator(m -> getTranslation(PlanTexts.buyingModelKey(m)));
        buyingModel.setRequiredIndicatorVisible(true);
        buyingModel.addValueChangeListener(e -> showVolume());

        field(rateCardPrice, "rateCardPrice", "plans.line.price", "line-price");
        rateCardPrice.setSuffixComponent(new Span(currency.getSymbol(locale)));
        rateCardPrice.setRequiredIndicatorVisible(true);
        rateCardPrice.addThemeVariants(TextFieldVariant.ALIGN_RIGHT);
        field(discounts, "discounts", "plans.line.discounts", "line-discounts");
        discounts.setPlaceholder(getTranslation("plans.line.discounts.placeholder"));
        discounts.setHelperText(getTranslation("plans.line.discounts.help"));
        field(volume, "volume", "plans.line.volume", "line-volume");
        volume.addThemeVariants(TextFieldVariant.ALIGN_RIGHT);
        field(plannedImpressions, "plannedImpressions", "plans.line.plannedImpressions", "line-impressions");
        field(plannedClicks, "plannedClicks", "plans.line.plannedClicks", "line-clicks");
        field(plannedConversions, "plannedConversions", "plans.line.plannedConversions", "line-conversions");
        for (TextField kpi : List.of(plannedImpressions, plannedClicks, plannedConversions)) {
            kpi.setHelperText(getTranslation("plans.line.kpi.help"));
            kpi.addThemeVariants(TextFieldVariant.ALIGN_RIGHT);
        }
        for (TextField live : List.of(rateCardPrice, discounts, volume)) {
            live.setValueChangeMode(ValueChangeMode.LAZY);
            live.addValueChangeListener(e -> showPreview());
        }
        buyingModel.addValueChangeListener(e -> showPreview());
        field(startDate, "startDate", "plans.line.startDate", "line-start");
        field(endDate, "endDate", "plans.line.endDate", "line-end");
        startDate.setRequiredIndicatorVisible(true);
        endDate.setRequiredIndicatorVisible(true);
        field(targeting, "targeting", "plans.line.targeting", "line-targeting");
        targeting.setMaxLength(2000);
        targeting.setPlaceholder(getTranslation("plans.line.targeting.placeholder"));
        synced.setId("line-synced");
        synced.setLabel(getTranslation("plans.line.synced"));
        synced.setItems(syncedCampaigns);
        synced.setItemLabelGenerator(s -> getTranslation("plans.line.synced.item", s.name(), s.network(), s.accountId()));
        synced.setClearButtonVisible(true);
        synced.setManualValidation(true);
        fields.put("syncedCampaign", synced);
        synced.setHelperText(getTranslation(syncedCampaigns.isEmpty() ? "plans.line.synced.none" : "plans.line.synced.help"));
        preview.setId("line-preview");
        preview.getStyle().set("font-weight", "600").set("color", "var(--lumo-primary-text-color, #1a5fb4)");

        HorizontalLayout rateRow = new HorizontalLayout(rate, applyRate);
        rateRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        rateRow.setWidthFull();
        rateRow.setVisible(false);
        this.rateRow = rateRow;

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 3));
        form.add(channel, vendor, buyingModel);
        form.add(rateRow, 3);
        form.add(placement, format);
        form.add(rateCardPrice, discounts, volume);
        form.add(preview, 3);
        form.add(plannedImpressions, plannedClicks, plannedConversions, startDate, endDate, synced);
        form.add(targeting, 3);
        form.setColspan(placement, 2);
        add(form);

        Button save = new Button(getTranslation("action.save"), e -> save());
        save.setId("line-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.setId("line-cancel");
        getFooter().add(cancel, save);
        read();
    }

    private final HorizontalLayout rateRow;
    private final PlannedKpis impliedAtOpen;

    private static PlannedKpis impliedKpis(PlanLineItem line, Currency currency) {
        try {
            return line.lineCost(currency).plannedKpis();
        } catch (RuntimeException incomplete) {
            return null;
        }
    }

    private void field(Component component, String key, String labelKey, String id) {
        component.setId(id);
        ((com.vaadin.flow.component.HasLabel) component).setLabel(getTranslation(labelKey));
        fields.put(key, (HasValidation) component);
        // The service judges the line, all fields at once: the fields do not judge themselves.
        switch (component) {
            case TextField t -> t.setManualValidation(true);
            case TextArea t -> t.setManualValidation(true);
            case DatePicker d -> {
                d.setManualValidation(true);
                d.setLocale(locale);
            }
            case Select<?> s -> s.setManualValidation(true);
            case ComboBox<?> c -> c.setManualValidation(true);
            default -> { }
        }
    }

    private void read() {
        channel.setValue(line.getChannel());
        UUID vendorId = line.getVendorId();
        vendor.setValue(vendorId == null ? null : service.vendorChoices().stream()
                .filter(v -> v.getId().equals(vendorId)).findFirst().orElse(null));
        placement.setValue(line.getPlacement() == null ? "" : line.getPlacement());
        if (line.getFormat() != null && !AdFormats.SUGGESTED.contains(line.getFormat())) {
            List<String> items = new ArrayList<>(AdFormats.SUGGESTED);
            items.addFirst(line.getFormat());
            format.setItems(items);
        }
        format.setValue(line.getFormat());
        buyingModel.setValue(line.getBuyingModel());
        rateCardPrice.setValue(line.getRateCardPrice() == null ? "" : PlanTexts.number(line.getRateCardPrice(), locale));
        discounts.setValue(PlanTexts.discountsField(line.getDiscounts(), locale));
        volume.setValue(line.getVolume() == null ? "" : PlanTexts.number(line.getVolume(), locale));
        plannedImpressions.setValue(line.getPlannedImpressions() == null ? "" : PlanTexts.number(line.getPlannedImpressions(), locale));
        plannedClicks.setValue(line.getPlannedClicks() == null ? "" : PlanTexts.number(line.getPlannedClicks(), locale));
        plannedConversions.setValue(line.getPlannedConversions() == null ? "" : PlanTexts.number(line.getPlannedConversions(), locale));
        startDate.setValue(line.getStartDate());
        endDate.setValue(line.getEndDate());
        targeting.setValue(line.getTargeting() == null ? "" : line.getTargeting());
        synced.getListDataView().getItems().filter(s -> s.sameAs(line)).findFirst().ifPresent(synced::setValue);
        showVolume();
        showPreview();
    }

    private void showRateCard(Vendor chosen) {
        List<VendorRate> card = chosen == null ? List.of() : service.rateCard(chosen.getId());
        rate.setItems(card);
        if (!card.isEmpty()) {
            rate.setValue(card.getFirst());
        }
        rateRow.setVisible(!card.isEmpty());
    }

    private String rateLabel(VendorRate r) {
        List<String> parts = new ArrayList<>();
        if (r.getChannel() != null) {
            parts.add(getTranslation(PlanTexts.channelKey(r.getChannel())));
        }
        if (r.getPlacement() != null) {
            parts.add(r.getPlacement());
        }
        if (r.getFormat() != null) {
            parts.add(r.getFormat());
        }
        if (r.getBuyingModel() != null) {
            parts.add(getTranslation(PlanTexts.buyingModelShortKey(r.getBuyingModel())));
        }
        if (r.getPrice() != null) {
            parts.add(PlanTexts.unitPrice(r.getPrice(), r.getCurrency() == null ? currency.getCurrencyCode() : r.getCurrency(), locale));
        }
        return String.join(" · ", parts);
    }

    private void applyRate(VendorRate r) {
        if (r == null) {
            return;
        }
        if (r.getChannel() != null) {
            channel.setValue(r.getChannel());
        }
        if (r.getPlacement() != null) {
            placement.setValue(r.getPlacement());
        }
        if (r.getFormat() != null) {
            if (!AdFormats.SUGGESTED.contains(r.getFormat())) {
                List<String> items = new ArrayList<>(AdFormats.SUGGESTED);
                items.addFirst(r.getFormat());
                format.setItems(items);
            }
            format.setValue(r.getFormat());
        }
        if (r.getBuyingModel() != null) {
            buyingModel.setValue(r.getBuyingModel());
        }
        if (r.getPrice() != null) {
            rateCardPrice.setValue(PlanTexts.number(r.getPrice(), locale));
        }
        showPreview();
    }

    /** The volume field says what it counts, and disappears for a flat fee. */
    private void showVolume() {
        BuyingModel model = buyingModel.getValue();
        volume.setVisible(model == null || model.usesVolume());
        volume.setLabel(getTranslation(model == null ? "plans.line.volume" : PlanTexts.volumeKey(model)));
        volume.setRequiredIndicatorVisible(model != null && model.usesVolume());
    }

    /** Effective discount, net unit price and cost, as far as the fields allow. */
    private void showPreview() {
        try {
            BigDecimal price = PlanTexts.parse(rateCardPrice.getValue(), locale);
            Discounts cascade = new Discounts(PlanTexts.parseDiscounts(discounts.getValue(), locale));
            if (price == null) {
                preview.setText(getTranslation("plans.line.preview.empty"));
                return;
            }
            String net = PlanTexts.unitPrice(cascade.apply(price), currency.getCurrencyCode(), locale);
            String effective = PlanTexts.number(cascade.effectivePercent(), locale);
            BuyingModel model = buyingModel.getValue();
            BigDecimal units = PlanTexts.parse(volume.getValue(), locale);
            if (model != null && (units != null || !model.usesVolume())) {
                Money cost = new com.campagne.plans.money.LineCost(model, Money.of(price, currency), cascade,
                        model.usesVolume() ? units : null).cost();
                preview.setText(getTranslation("plans.line.preview.cost", effective, net, PlanTexts.money(cost, locale)));
            } else {
                preview.setText(getTranslation("plans.line.preview.net", effective, net));
            }
        } catch (RuntimeException notYetANumber) {
            // Half-typed input: the preview waits; the field's error shows on save.
            preview.setText(getTranslation("plans.line.preview.empty"));
        }
    }

    private void save() {
        fields.values().forEach(f -> f.setInvalid(false));
        Map<String, String> parseErrors = new LinkedHashMap<>();
        line.setChannel(channel.getValue());
        line.setVendorId(vendor.getValue() == null ? null : vendor.getValue().getId());
        line.setPlacement(blankToNull(placement.getValue()));
        line.setFormat(blankToNull(format.getValue()));
        line.setBuyingModel(buyingModel.getValue());
        line.setRateCardPrice(number(rateCardPrice, "rateCardPrice", parseErrors));
        try {
            line.setDiscounts(PlanTexts.parseDiscounts(discounts.getValue(), locale));
        } catch (NumberFormatException e) {
            parseErrors.put("discounts", "plans.error.discounts.notNumber");
        }
        BuyingModel model = buyingModel.getValue();
        line.setVolume(model != null && !model.usesVolume() ? null : number(volume, "volume", parseErrors));
        line.setPlannedImpressions(unlessImplied(number(plannedImpressions, "plannedImpressions", parseErrors),
                impliedAtOpen == null ? null : impliedAtOpen.impressions()));
        line.setPlannedClicks(unlessImplied(number(plannedClicks, "plannedClicks", parseErrors),
                impliedAtOpen == null ? null : impliedAtOpen.clicks()));
        line.setPlannedConversions(unlessImplied(number(plannedConversions, "plannedConversions", parseErrors),
                impliedAtOpen == null ? null : impliedAtOpen.conversions()));
        line.setStartDate(startDate.getValue());
        line.setEndDate(endDate.getValue());
        line.setTargeting(blankToNull(targeting.getValue()));
        SyncedCampaign link = synced.getValue();
        line.linkSyncedCampaign(link == null ? null : link.connectionId(), link == null ? null : link.accountId(),
                link == null ? null : link.campaignId());
        if (!parseErrors.isEmpty()) {
            // Every problem at once: what could not be read, and what the rules say of the rest.
            Map<String, String> all = new LinkedHashMap<>(service.problems(line, campaign));
            all.putAll(parseErrors);
            showErrors(new CampaignException(all));
            return;
        }
        try {
            PlanLineItem saved = service.saveLine(line);
            close();
            onSaved.accept(saved);
        } catch (CampaignException e) {
            showErrors(e);
        } catch (ObjectOptimisticLockingFailureException e) {
            Notifications.error(getTranslation("form.concurrentChange"));
        }
    }

    /**
     * A KPI still equal to what the old volume implied was filled in by the app, not chosen: left empty, it
     * follows the new volume instead of staying stale.
     */
    private static BigDecimal unlessImplied(BigDecimal typed, BigDecimal implied) {
        return typed != null && implied != null && typed.compareTo(implied.setScale(0, Money.ROUNDING)) == 0 ? null : typed;
    }

    private BigDecimal number(TextField field, String key, Map<String, String> errors) {
        try {
            return PlanTexts.parse(field.getValue(), locale);
        } catch (NumberFormatException e) {
            errors.put(key, "plans.error.notNumber");
            return null;
        }
    }

    private void showErrors(CampaignException e) {
        boolean onAField = false;
        for (Map.Entry<String, String> error : e.errors().entrySet()) {
            HasValidation field = error.getKey() == null ? null : fields.get(error.getKey());
            if (field != null) {
                field.setErrorMessage(getTranslation(error.getValue()));
                field.setInvalid(true);
                onAField = true;
            }
        }
        Notifications.error(getTranslation(onAField ? "form.fixErrors" : e.messageKey()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
