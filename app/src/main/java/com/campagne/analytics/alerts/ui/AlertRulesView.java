package com.campagne.analytics.alerts.ui;

import com.campagne.analytics.alerts.AlertKind;
import com.campagne.analytics.alerts.AlertPaths;
import com.campagne.analytics.alerts.AlertRule;
import com.campagne.analytics.alerts.AlertService;
import com.campagne.analytics.alerts.AlertService.AlertRuleException;
import com.campagne.base.ui.BadInput;
import com.campagne.base.ui.MainLayout;
import com.campagne.base.ui.Notifications;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.plans.Campaign;
import com.campagne.tenancy.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code alerts/rules}: "Règles d’alerte", one line per rule (what it watches, where, its threshold, on or off,
 * by e-mail or not), the tenant's defaults created on the first visit; and a form to add a rule for one client
 * or one campaign, which then takes precedence over the tenant-wide one for it.
 */
@Route(value = AlertPaths.RULES, layout = MainLayout.class)
@RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME})
class AlertRulesView extends VerticalLayout implements HasDynamicTitle {

    private final AlertService alerts;
    private final Map<UUID, String> clientNames;
    private final List<Client> clientList;
    private final Div list = new Div();

    AlertRulesView(AlertService alerts, ClientService clients) {
        this.alerts = alerts;
        this.clientList = clients.visibleActive();
        this.clientNames = clientList.stream().collect(Collectors.toMap(Client::getId, Client::getName));
        setMaxWidth("72rem");
        H2 title = new H2(getTranslation("alerts.rules.title"));
        title.getStyle().set("margin", "0");
        Button back = new Button(getTranslation("alerts.rules.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(AlertPaths.ALERTS)));
        back.addThemeVariants(ButtonVariant.TERTIARY);
        Paragraph intro = new Paragraph(getTranslation("alerts.rules.intro"));
        intro.getStyle().set("color", "var(--lumo-secondary-text-color, #555)").set("margin", "0");
        list.setId("alert-rules");
        list.setWidthFull();
        add(back, title, intro, list, addForm());
        refresh();
    }

    private void refresh() {
        list.removeAll();
        alerts.rules().forEach(rule -> list.add(row(rule)));
    }

    private HorizontalLayout row(AlertRule rule) {
        Span kind = new Span(getTranslation(rule.getKind().labelKey()));
        kind.getStyle().set("font-weight", "600");
        Span scope = new Span(scopeLabel(rule));
        scope.getStyle().set("color", "var(--lumo-secondary-text-color, #555)").set("font-size", "0.9rem");
        VerticalLayout what = new VerticalLayout(kind, scope);
        what.setPadding(false);
        what.setSpacing(false);
        what.getStyle().set("flex", "1").set("min-width", "14rem");

        BigDecimalField threshold = thresholdField(rule.getKind());
        // 120, not the stored 120.0000.
        threshold.setValue(rule.getThreshold() == null ? null
                : new BigDecimal(rule.getThreshold().stripTrailingZeros().toPlainString()));
        Checkbox enabled = new Checkbox(getTranslation("alerts.rules.enabled"), rule.isEnabled());
        enabled.addClassName("alert-rule-enabled");
        Checkbox email = new Checkbox(getTranslation("alerts.rules.email"), rule.isNotifyByEmail());
        email.addClassName("alert-rule-email");
        Button save = new Button(getTranslation("alerts.rules.save"), e -> {
            BigDecimal value = threshold.getValue();
            if (BadInput.in(threshold, value)) {
                threshold.setInvalid(true);
                threshold.setErrorMessage(getTranslation("alerts.rules.error.number"));
                return;
            }
            try {
                alerts.update(rule.getId(), value, enabled.getValue(), email.getValue());
                Notifications.success(getTranslation("alerts.rules.saved"));
                refresh();
            } catch (AlertRuleException ex) {
                threshold.setInvalid(true);
                threshold.setErrorMessage(getTranslation(ex.messageKey()));
            }
        });
        save.addClassName("alert-rule-save");
        HorizontalLayout row = new HorizontalLayout(what);
        if (rule.getKind().thresholdUnit() != AlertKind.Unit.NONE) {
            row.add(threshold);
        } else {
            Span none = new Span(getTranslation("alerts.rules.noThreshold"));
            none.setWidth("12rem");
            none.getStyle().set("color", "var(--lumo-secondary-text-color, #555)");
            row.add(none);
        }
        row.add(enabled, email, save);
        row.addClassName("alert-rule");
        row.getElement().setAttribute("data-kind", rule.getKind().name());
        row.setWidthFull();
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.getStyle().set("padding", "0.5rem 0.75rem").set("border-bottom", "1px solid var(--lumo-contrast-10pct, #eee)")
                .set("flex-wrap", "wrap");
        return row;
    }

    private BigDecimalField thresholdField(AlertKind kind) {
        BigDecimalField field = new BigDecimalField();
        field.addClassName("alert-rule-threshold");
        field.setWidth("12rem");
        field.setAriaLabel(getTranslation("alerts.rules.threshold"));
        field.setSuffixComponent(new Span(kind.thresholdUnit().labelKey() == null ? "" : getTranslation(kind.thresholdUnit().labelKey())));
        if (kind == AlertKind.CPA_ABOVE_TARGET) {
            field.setPlaceholder(getTranslation("alerts.rules.cpaObjective"));
        }
        return field;
    }

    private String scopeLabel(AlertRule rule) {
        if (rule.getCampaignId() != null) {
            String campaign = alerts.campaignsOf(rule.getClientId()).stream()
                    .filter(c -> c.getId().equals(rule.getCampaignId())).map(Campaign::getName).findFirst().orElse("");
            return getTranslation("alerts.about.campaign", clientNames.getOrDefault(rule.getClientId(), ""), campaign);
        }
        if (rule.getClientId() != null) {
            return clientNames.getOrDefault(rule.getClientId(), "");
        }
        return getTranslation("alerts.rules.everywhere");
    }

    private VerticalLayout addForm() {
        H3 heading = new H3(getTranslation("alerts.rules.add.title"));
        Select<AlertKind> kind = new Select<>();
        kind.setId("alert-rule-kind");
        kind.setLabel(getTranslation("alerts.rules.kind"));
        kind.setItems(Arrays.asList(AlertKind.values()));
        kind.setItemLabelGenerator(k -> getTranslation(k.labelKey()));
        kind.setWidth("18rem");
        ComboBox<Client> client = new ComboBox<>(getTranslation("alerts.rules.client"));
        client.setId("alert-rule-client");
        client.setItems(clientList);
        client.setItemLabelGenerator(Client::getName);
        client.setPlaceholder(getTranslation("alerts.rules.everywhere"));
        client.setClearButtonVisible(true);
        ComboBox<Campaign> campaign = new ComboBox<>(getTranslation("alerts.rules.campaign"));
        campaign.setId("alert-rule-campaign");
        campaign.setItemLabelGenerator(Campaign::getName);
        campaign.setPlaceholder(getTranslation("alerts.rules.allCampaigns"));
        campaign.setClearButtonVisible(true);
        campaign.setEnabled(false);
        BigDecimalField threshold = new BigDecimalField(getTranslation("alerts.rules.threshold"));
        threshold.setId("alert-rule-threshold");
        threshold.setWidth("12rem");
        Span unit = new Span();
        threshold.setSuffixComponent(unit);
        kind.addValueChangeListener(e -> {
            AlertKind k = e.getValue();
            kind.setInvalid(false);
            threshold.setEnabled(k != null && k.thresholdUnit() != AlertKind.Unit.NONE);
            threshold.setValue(k == null ? null : k.defaultThreshold());
            unit.setText(k == null || k.thresholdUnit() == AlertKind.Unit.NONE ? ""
                    : getTranslation(k.thresholdUnit().labelKey()));
            campaign.setEnabled(k != null && k.campaignLevel() && client.getValue() != null);
            if (!campaign.isEnabled()) {
                campaign.clear();
            }
        });
        client.addValueChangeListener(e -> {
            campaign.clear();
            boolean campaigns = e.getValue() != null && (kind.getValue() == null || kind.getValue().campaignLevel());
            campaign.setItems(e.getValue() == null ? List.of() : alerts.campaignsOf(e.getValue().getId()));
            campaign.setEnabled(campaigns);
        });
        Button add = new Button(getTranslation("alerts.rules.add"), VaadinIcon.PLUS.create(), e -> {
            if (kind.getValue() == null) {
                kind.setInvalid(true);
                kind.setErrorMessage(getTranslation("alerts.rules.error.kind"));
                return;
            }
            BigDecimal value = threshold.getValue();
            if (BadInput.in(threshold, value)) {
                threshold.setInvalid(true);
                threshold.setErrorMessage(getTranslation("alerts.rules.error.number"));
                return;
            }
            try {
                alerts.add(kind.getValue(), mapOrNull(client.getValue(), Client::getId),
                        mapOrNull(campaign.getValue(), Campaign::getId), value);
                Notifications.success(getTranslation("alerts.rules.added"));
                kind.clear();
                client.clear();
                threshold.clear();
                refresh();
            } catch (AlertRuleException ex) {
                if ("threshold".equals(ex.field())) {
                    threshold.setInvalid(true);
                    threshold.setErrorMessage(getTranslation(ex.messageKey()));
                } else {
                    campaign.setInvalid(true);
                    campaign.setErrorMessage(getTranslation(ex.messageKey()));
                }
            }
        });
        add.setId("alert-rule-add");
        add.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout fields = new HorizontalLayout(kind, client, campaign, threshold, add);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        fields.getStyle().set("flex-wrap", "wrap");
        VerticalLayout form = new VerticalLayout(heading, fields);
        form.setPadding(false);
        return form;
    }

    private static <T, R> R mapOrNull(T value, Function<T, R> map) {
        return value == null ? null : map.apply(value);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("alerts.rules.title");
    }
}
