package com.campagne.reports.ui;

import com.campagne.base.ui.DownloadButton;
import com.campagne.base.ui.Notifications;
import com.campagne.clients.Client;
import com.campagne.plans.Campaign;
import com.campagne.reports.Report;
import com.campagne.reports.ReportKind;
import com.campagne.reports.ReportService;
import com.campagne.reports.ReportService.Request;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * "Nouveau rapport": a campaign (optional), a period (presets or dates), the manager's commentary, a preview
 * in a new tab, and generate — archived, and e-mailed at once to the addresses given if asked.
 */
class NewReportDialog extends Dialog {

    /** Period presets, relative to today in the organisation's time zone. */
    enum Preset { LAST_WEEK, LAST_MONTH, LAST_7_DAYS, LAST_30_DAYS, MONTH_TO_DATE, CAMPAIGN, CUSTOM }

    private final ReportService reports;
    private final Client client;
    private final LocalDate today;
    private final ComboBox<Campaign> campaign = new ComboBox<>();
    private final Select<Preset> preset = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final TextArea commentary = new TextArea();
    private final Checkbox sendNow = new Checkbox();
    private final TextArea recipients = new TextArea();

    NewReportDialog(ReportService reports, Client client, List<Campaign> campaigns, ZoneId zone,
                    Consumer<Report> onGenerated) {
        this.reports = reports;
        this.client = client;
        this.today = LocalDate.now(zone);
        setId("report-dialog");
        setWidth("min(44rem, 96vw)");
        setHeaderTitle(getTranslation("reports.new.title", client.getName()));

        campaign.setId("report-campaign");
        campaign.setLabel(getTranslation("reports.field.campaign"));
        campaign.setPlaceholder(getTranslation("reports.pdf.allCampaigns"));
        campaign.setItems(campaigns);
        campaign.setItemLabelGenerator(Campaign::getName);
        campaign.setClearButtonVisible(true);
        preset.setId("report-preset");
        preset.setLabel(getTranslation("reports.field.preset"));
        preset.setItems(Arrays.asList(Preset.values()));
        preset.setItemLabelGenerator(this::presetLabel);
        preset.setItemEnabledProvider(p -> p != Preset.CAMPAIGN || campaign.getValue() != null);
        from.setId("report-from");
        from.setLabel(getTranslation("reports.field.from"));
        to.setId("report-to");
        to.setLabel(getTranslation("reports.field.to"));
        preset.addValueChangeListener(e -> applyPreset());
        campaign.addValueChangeListener(e -> {
            preset.getListDataView().refreshAll();
            if (e.getValue() == null && preset.getValue() == Preset.CAMPAIGN) {
                preset.setValue(Preset.LAST_MONTH);
            }
        });
        preset.setValue(Preset.LAST_MONTH);
        from.addValueChangeListener(e -> { if (e.isFromClient()) preset.setValue(Preset.CUSTOM); });
        to.addValueChangeListener(e -> { if (e.isFromClient()) preset.setValue(Preset.CUSTOM); });

        commentary.setId("report-commentary");
        commentary.setLabel(getTranslation("reports.field.commentary"));
        commentary.setHelperText(getTranslation("reports.field.commentary.help"));
        commentary.setMaxLength(8000);
        commentary.setMinHeight("8rem");
        sendNow.setId("report-send-now");
        sendNow.setLabel(getTranslation("reports.field.sendNow"));
        recipients.setId("report-recipients");
        recipients.setLabel(getTranslation("reports.field.recipients"));
        recipients.setHelperText(getTranslation("reports.field.recipients.help"));
        recipients.setValue(client.getContactEmail() == null ? "" : client.getContactEmail());
        recipients.setVisible(false);
        sendNow.addValueChangeListener(e -> recipients.setVisible(e.getValue()));

        FormLayout form = new FormLayout(campaign, preset, from, to, commentary, sendNow, recipients);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        form.setColspan(commentary, 2);
        form.setColspan(sendNow, 2);
        form.setColspan(recipients, 2);
        add(form);

        // A wrong period answers 400 to the new tab; the form shows the error when the report is made.
        Anchor preview = DownloadButton.opening(getTranslation("reports.preview"), VaadinIcon.EYE,
                () -> reports.preview(request()), 400);
        preview.setId("report-preview");
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        Button generate = new Button(getTranslation("reports.generate"), VaadinIcon.FILE_TEXT_O.create(), e -> {
            Report report = generate();
            if (report != null) {
                close();
                onGenerated.accept(report);
            }
        });
        generate.setId("report-generate");
        generate.addThemeVariants(ButtonVariant.PRIMARY);
        generate.setDisableOnClick(true);
        generate.addClickListener(e -> generate.setEnabled(true));
        getFooter().add(preview, cancel, generate);
    }

    private void applyPreset() {
        Preset p = preset.getValue();
        if (p == null || p == Preset.CUSTOM) {
            return;
        }
        LocalDate yesterday = today.minusDays(1);
        switch (p) {
            case LAST_WEEK -> {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
                set(monday, monday.plusDays(6));
            }
            case LAST_MONTH -> {
                LocalDate first = today.withDayOfMonth(1).minusMonths(1);
                set(first, first.with(TemporalAdjusters.lastDayOfMonth()));
            }
            case LAST_7_DAYS -> set(yesterday.minusDays(6), yesterday);
            case LAST_30_DAYS -> set(yesterday.minusDays(29), yesterday);
            case MONTH_TO_DATE -> set(today.withDayOfMonth(1), today.getDayOfMonth() == 1 ? today : yesterday);
            case CAMPAIGN -> {
                if (campaign.getValue() != null) {
                    set(campaign.getValue().getStartDate(), campaign.getValue().getEndDate());
                }
            }
            default -> {
            }
        }
    }

    private void set(LocalDate start, LocalDate end) {
        from.setValue(start);
        to.setValue(end);
    }

    private Request request() {
        ReportKind kind = preset.getValue() == Preset.CAMPAIGN && campaign.getValue() != null
                && campaign.getValue().getEndDate() != null && campaign.getValue().getEndDate().isBefore(today)
                ? ReportKind.END_OF_CAMPAIGN : ReportKind.ON_DEMAND;
        return new Request(client.getId(), campaign.getValue() == null ? null : campaign.getValue().getId(), kind,
                from.getValue(), to.getValue(), commentary.getValue(), getLocale());
    }

    private Report generate() {
        from.setInvalid(false);
        to.setInvalid(false);
        recipients.setInvalid(false);
        if (from.getValue() == null || to.getValue() == null || to.getValue().isBefore(from.getValue())) {
            to.setErrorMessage(getTranslation("reports.error.period"));
            to.setInvalid(true);
            return null;
        }
        List<String> addresses = List.of();
        if (sendNow.getValue()) {
            addresses = Arrays.stream(recipients.getValue().split("[\\s,;]+")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            if (addresses.isEmpty()) {
                recipients.setErrorMessage(getTranslation("reports.error.recipients.required"));
                recipients.setInvalid(true);
                return null;
            }
            var bad = addresses.stream().filter(a -> !com.campagne.base.mail.MailService.accepts(a)).findFirst();
            if (bad.isPresent()) {
                recipients.setErrorMessage(getTranslation("reports.error.recipients.address", bad.get()));
                recipients.setInvalid(true);
                return null;
            }
        }
        try {
            return reports.generate(request(), addresses);
        } catch (com.campagne.base.mail.MailService.MailDeliveryException e) {
            Notifications.error(getTranslation("reports.error.mail"));
            return null;
        }
    }

    private String presetLabel(Preset p) {
        return label("reports.preset.", p.name());
    }

    /** The label of one value of a family of keys (reports.kind.WEEKLY…). */
    private String label(String family, String value) {
        return getTranslation(family + value);
    }
}
