package com.campagne.plans.ui;

import com.campagne.base.ui.Notifications;
import com.campagne.plans.CampaignException;
import com.campagne.plans.FeeKind;
import com.campagne.plans.MediaPlan;
import com.campagne.plans.MediaPlanService;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/** {@code #plan-settings-dialog}: a draft version's name, the agency fee (none, commission or flat) and notes. */
class PlanSettingsDialog extends Dialog {

    private final TextField label = new TextField();
    private final Select<FeeKind> feeKind = new Select<>();
    private final TextField feeValue = new TextField();
    private final TextArea notes = new TextArea();

    PlanSettingsDialog(MediaPlanService service, MediaPlan plan, String currencySymbol, Locale locale, Runnable onSaved) {
        setId("plan-settings-dialog");
        setHeaderTitle(getTranslation("plans.settings.title", plan.displayName()));
        setWidth("min(36rem, 96vw)");
        label.setId("settings-label");
        label.setLabel(getTranslation("plans.settings.label"));
        label.setPlaceholder(getTranslation("plans.settings.label.placeholder"));
        label.setMaxLength(200);
        label.setValue(plan.getLabel() == null ? "" : plan.getLabel());
        feeKind.setId("settings-fee-kind");
        feeKind.setLabel(getTranslation("plans.settings.feeKind"));
        feeKind.setItems(FeeKind.values());
        feeKind.setItemLabelGenerator(k -> getTranslation(PlanTexts.feeKindKey(k)));
        feeKind.setValue(plan.getFeeKind());
        feeValue.setId("settings-fee-value");
        feeValue.setManualValidation(true);
        feeValue.setValue(plan.getFeeValue() == null ? "" : PlanTexts.number(plan.getFeeValue(), locale));
        feeKind.addValueChangeListener(e -> showFee(e.getValue(), currencySymbol));
        showFee(plan.getFeeKind(), currencySymbol);
        notes.setId("settings-notes");
        notes.setLabel(getTranslation("plans.settings.notes"));
        notes.setMaxLength(4000);
        notes.setValue(plan.getNotes() == null ? "" : plan.getNotes());
        label.setManualValidation(true);
        notes.setManualValidation(true);
        FormLayout form = new FormLayout(label, feeKind, feeValue, notes);
        form.setColspan(label, 2);
        form.setColspan(notes, 2);
        add(form);

        Button save = new Button(getTranslation("action.save"), e -> {
            Map<String, HasValidation> fields = Map.of("label", label, "fee", feeValue, "notes", notes);
            fields.values().forEach(f -> f.setInvalid(false));
            BigDecimal value;
            try {
                value = PlanTexts.parse(feeValue.getValue(), locale);
            } catch (NumberFormatException ex) {
                feeValue.setErrorMessage(getTranslation("plans.error.notNumber"));
                feeValue.setInvalid(true);
                return;
            }
            try {
                service.saveSettings(plan.getId(), label.getValue(), feeKind.getValue(), value, notes.getValue());
                close();
                Notifications.success(getTranslation("plans.settings.saved"));
                onSaved.run();
            } catch (CampaignException ex) {
                ex.errors().forEach((field, key) -> {
                    HasValidation f = field == null ? null : fields.get(field);
                    if (f != null) {
                        f.setErrorMessage(getTranslation(key));
                        f.setInvalid(true);
                    } else {
                        Notifications.error(getTranslation(key));
                    }
                });
            } catch (ObjectOptimisticLockingFailureException ex) {
                Notifications.error(getTranslation("form.concurrentChange"));
            }
        });
        save.setId("settings-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, save);
    }

    private void showFee(FeeKind kind, String currencySymbol) {
        feeValue.setVisible(kind != null && kind != FeeKind.NONE);
        feeValue.setLabel(getTranslation(kind == FeeKind.FLAT ? "plans.settings.feeFlat" : "plans.settings.feePercent"));
        feeValue.setSuffixComponent(new com.vaadin.flow.component.html.Span(kind == FeeKind.FLAT ? currencySymbol : "%"));
    }
}
