package com.campagne.reports.ui;

import com.campagne.base.ui.Notifications;
import com.campagne.plans.Campaign;
import com.campagne.reports.ReportKind;
import com.campagne.reports.ReportSchedule;
import com.campagne.reports.ReportScheduleService;
import com.campagne.reports.ReportScheduleService.ScheduleException;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import java.util.List;
import java.util.Map;

/** Adds or edits a report schedule: kind, campaign, recipients, language, commentary, enabled. */
class ScheduleDialog extends Dialog {

    private final Select<ReportKind> kind = new Select<>();
    private final ComboBox<Campaign> campaign = new ComboBox<>();
    private final TextArea recipients = new TextArea();
    private final Select<String> language = new Select<>();
    private final TextArea commentary = new TextArea();
    private final Checkbox enabled = new Checkbox();

    ScheduleDialog(ReportScheduleService service, ReportSchedule schedule, List<Campaign> campaigns, Runnable onChange) {
        setId("schedule-dialog");
        setWidth("min(40rem, 96vw)");
        setHeaderTitle(getTranslation(schedule.getVersion() == null ? "reports.schedule.new" : "reports.schedule.edit"));
        kind.setId("schedule-kind");
        kind.setLabel(getTranslation("reports.field.kind"));
        kind.setItems(ReportKind.WEEKLY, ReportKind.MONTHLY, ReportKind.END_OF_CAMPAIGN);
        kind.setItemLabelGenerator(this::kindLabel);
        kind.setValue(schedule.getKind());
        campaign.setId("schedule-campaign");
        campaign.setLabel(getTranslation("reports.field.campaign"));
        campaign.setPlaceholder(getTranslation("reports.pdf.allCampaigns"));
        campaign.setItems(campaigns);
        campaign.setItemLabelGenerator(Campaign::getName);
        campaign.setClearButtonVisible(true);
        campaigns.stream().filter(c -> c.getId().equals(schedule.getCampaignId())).findFirst().ifPresent(campaign::setValue);
        recipients.setId("schedule-recipients");
        recipients.setLabel(getTranslation("reports.field.recipients"));
        recipients.setHelperText(getTranslation("reports.field.recipients.help"));
        recipients.setValue(schedule.getRecipients() == null ? "" : schedule.getRecipients());
        language.setId("schedule-language");
        language.setLabel(getTranslation("reports.field.language"));
        language.setItems("fr", "en");
        language.setItemLabelGenerator(this::languageLabel);
        language.setValue(schedule.getLanguage());
        commentary.setId("schedule-commentary");
        commentary.setLabel(getTranslation("reports.field.commentary"));
        commentary.setHelperText(getTranslation("reports.field.commentary.schedule.help"));
        commentary.setValue(schedule.getCommentary() == null ? "" : schedule.getCommentary());
        commentary.setMaxLength(8000);
        enabled.setId("schedule-enabled");
        enabled.setLabel(getTranslation("reports.field.enabled"));
        enabled.setValue(schedule.isEnabled());

        FormLayout form = new FormLayout(kind, campaign, recipients, language, commentary, enabled);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28rem", 2));
        form.setColspan(recipients, 2);
        form.setColspan(commentary, 2);
        form.setColspan(enabled, 2);
        add(form);

        Map<String, HasValidation> fields = Map.of("kind", kind, "campaign", campaign, "recipients", recipients,
                "language", language, "commentary", commentary);
        Button save = new Button(getTranslation("action.save"), e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            schedule.setKind(kind.getValue());
            schedule.setCampaignId(campaign.getValue() == null ? null : campaign.getValue().getId());
            schedule.setRecipients(recipients.getValue());
            schedule.setLanguage(language.getValue());
            schedule.setCommentary(commentary.getValue() == null || commentary.getValue().isBlank() ? null
                    : commentary.getValue());
            schedule.setEnabled(enabled.getValue());
            try {
                service.save(schedule);
                Notifications.success(getTranslation("reports.schedule.saved"));
                close();
                onChange.run();
            } catch (ScheduleException ex) {
                ex.errors().forEach((field, key) -> {
                    HasValidation f = fields.get(field);
                    if (f != null) {
                        f.setErrorMessage(getTranslation(key));
                        f.setInvalid(true);
                    }
                });
            } catch (ObjectOptimisticLockingFailureException ex) {
                Notifications.error(getTranslation("form.concurrentChange"));
            }
        });
        save.setId("schedule-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, save);
        if (schedule.getVersion() != null) {
            Button delete = new Button(getTranslation("reports.schedule.delete"), e -> {
                service.delete(schedule.getId());
                Notifications.success(getTranslation("reports.schedule.deleted"));
                close();
                onChange.run();
            });
            delete.setId("schedule-delete");
            delete.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
            getFooter().addComponentAtIndex(0, delete);
        }
    }

    private String kindLabel(ReportKind k) {
        return label("reports.kind.", k.name());
    }

    private String languageLabel(String language) {
        return label("reports.language.", language);
    }

    /** The label of one value of a family of keys (reports.kind.WEEKLY…). */
    private String label(String family, String value) {
        return getTranslation(family + value);
    }
}
