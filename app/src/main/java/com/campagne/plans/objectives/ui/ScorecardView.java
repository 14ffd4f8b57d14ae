package com.campagne.plans.objectives.ui;

import com.campagne.analytics.Kpi;
import com.campagne.analytics.KpiFormat;
import com.campagne.analytics.ObjectiveProgressService;
import com.campagne.analytics.ObjectiveProgressService.Progress;
import com.campagne.analytics.ObjectiveProgressService.Status;
import com.campagne.base.security.CurrentUser;
import com.campagne.base.ui.EmptyState;
import com.campagne.base.ui.MainLayout;
import com.campagne.base.ui.Notifications;
import com.campagne.base.ui.RouteIds;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignException;
import com.campagne.plans.CampaignService;
import com.campagne.plans.objectives.Objective;
import com.campagne.plans.objectives.ObjectiveService;
import com.campagne.plans.objectives.ObjectiveService.ObjectiveNotFoundException;
import com.campagne.plans.objectives.Perspective;
import com.campagne.tenancy.Membership;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantSettingsService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code clients/<id>/objectives}: the client's balanced scorecard, its SMART objectives in four
 * perspectives, for the whole client or one campaign. Staff add and change them; a client viewer reads.
 */
@Route(value = "clients/:clientId/objectives", layout = MainLayout.class)
@RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME, Role.CLIENT_VIEWER_NAME})
class ScorecardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ClientService clients;
    private final CampaignService campaigns;
    private final ObjectiveService objectives;
    private final ObjectiveProgressService progress;
    private final TenantSettingsService settings;
    private final boolean staff;
    private final H2 title = new H2();
    private final ComboBox<Campaign> campaignFilter = new ComboBox<>();
    private final VerticalLayout body = new VerticalLayout();
    private Client client;
    private String currency;
    private Map<UUID, Campaign> campaignsById = Map.of();
    private Map<UUID, String> ownerNames = Map.of();
    private List<Membership> owners = List.of();

    ScorecardView(ClientService clients, CampaignService campaigns, ObjectiveService objectives,
                  ObjectiveProgressService progress, TenantSettingsService settings) {
        this.clients = clients;
        this.campaigns = campaigns;
        this.objectives = objectives;
        this.progress = progress;
        this.settings = settings;
        this.staff = CurrentUser.tenant().map(t -> t.role() != Role.CLIENT_VIEWER).orElse(false);
        setMaxWidth("80rem");
        title.getStyle().set("margin", "0");
        body.setPadding(false);

        campaignFilter.setId("objectives-campaign-filter");
        campaignFilter.setLabel(getTranslation("objectives.filter.campaign"));
        campaignFilter.setPlaceholder(getTranslation("objectives.filter.all"));
        campaignFilter.setItemLabelGenerator(Campaign::getName);
        campaignFilter.setClearButtonVisible(true);
        campaignFilter.setMinWidth("18rem");
        campaignFilter.addValueChangeListener(e -> show());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Client> found = RouteIds.param(event, "clientId").flatMap(clients::find);
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class, getTranslation("client.notFound"));
            return;
        }
        client = found.get();
        currency = settings.current().getCurrency().trim();
        List<Campaign> clientCampaigns = campaigns.list(client.getId());
        campaignsById = clientCampaigns.stream().collect(Collectors.toMap(Campaign::getId, Function.identity()));
        campaignFilter.setItems(clientCampaigns);
        owners = objectives.possibleOwners();
        ownerNames = owners.stream().collect(Collectors.toMap(Membership::getId, ScorecardView::memberName));
        title.setText(getTranslation("objectives.title", client.getName()));

        Button back = new Button(getTranslation("objectives.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("clients/" + client.getId())));
        back.setId("objectives-client");
        back.addThemeVariants(ButtonVariant.TERTIARY);
        Paragraph intro = new Paragraph(getTranslation("objectives.intro"));
        intro.getStyle().set("color", "var(--lumo-secondary-text-color, #555)").set("margin", "0");
        removeAll();
        add(back, title, intro, body);
        show();
    }

    private static String memberName(Membership m) {
        return m.getUser().getDisplayName() == null || m.getUser().getDisplayName().isBlank()
                ? m.getUser().getEmail() : m.getUser().getDisplayName();
    }

    private void show() {
        body.removeAll();
        Button add = new Button(getTranslation("objectives.add"), VaadinIcon.PLUS.create(), e -> {
            Objective draft = objectives.draft(client.getId());
            if (campaignFilter.getValue() != null) {
                draft.setCampaignId(campaignFilter.getValue().getId());
            }
            dialog(draft);
        });
        add.setId("objectives-add");
        add.addThemeVariants(ButtonVariant.PRIMARY);
        add.setVisible(staff);
        Campaign filter = campaignFilter.getValue();
        List<Progress> list = progress.progress(client.getId(), filter == null ? null : filter.getId());
        if (list.isEmpty() && filter == null) {
            EmptyState empty = new EmptyState(VaadinIcon.BULLSEYE, getTranslation("objectives.empty.title"),
                    getTranslation(staff ? "objectives.empty.text" : "objectives.empty.text.viewer"),
                    staff ? add : null);
            empty.setId("objectives-empty");
            empty.getStyle().set("max-width", "44rem");
            body.add(empty);
            return;
        }
        HorizontalLayout toolbar = new HorizontalLayout(campaignFilter, add);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        Div board = new Div();
        board.setId("scorecard");
        board.setWidthFull();
        board.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fit, minmax(22rem, 1fr))")
                .set("gap", "1rem");
        for (Perspective perspective : Perspective.values()) {
            board.add(section(perspective, list.stream().filter(p -> p.objective().getPerspective() == perspective)
                    .toList()));
        }
        body.add(toolbar, board);
    }

    private Div section(Perspective perspective, List<Progress> list) {
        Div section = new Div();
        section.setId("perspective-" + perspective.name());
        section.addClassName("scorecard-perspective");
        section.getStyle().set("border", "1px solid var(--lumo-contrast-20pct, #ddd)").set("border-radius", "12px")
                .set("padding", "0.75rem 1rem").set("background", "var(--lumo-contrast-5pct, #fafafa)");
        H3 heading = new H3(getTranslation(ObjectiveTexts.perspectiveKey(perspective)));
        heading.getStyle().set("margin", "0");
        Paragraph help = new Paragraph(getTranslation(ObjectiveTexts.perspectiveHelpKey(perspective)));
        help.getStyle().set("color", "var(--lumo-secondary-text-color, #555)").set("margin", "0.25rem 0 0.75rem")
                .set("font-size", "var(--lumo-font-size-s, 0.875rem)");
        section.add(heading, help);
        if (list.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("objectives.perspective.empty"));
            none.addClassName("scorecard-none");
            none.getStyle().set("color", "var(--lumo-secondary-text-color, #555)").set("font-style", "italic");
            section.add(none);
        }
        list.stream().sorted(Comparator.comparing(p -> p.objective().getDeadline())).map(this::card)
                .forEach(section::add);
        return section;
    }

    private Div card(Progress measured) {
        Objective o = measured.objective();
        Div card = new Div();
        card.addClassName("objective-card");
        card.getElement().setAttribute("data-objective", o.getId().toString());
        card.getStyle().set("background", "var(--lumo-base-color, #fff)").set("border-radius", "8px")
                .set("box-shadow", "0 1px 3px rgba(0,0,0,0.12)").set("padding", "0.6rem 0.9rem")
                .set("margin-bottom", "0.6rem");
        H4 name = new H4(o.getTitle());
        name.addClassName("objective-title");
        name.getStyle().set("margin", "0").set("flex", "1 1 auto");
        HorizontalLayout head = new HorizontalLayout(name, statusBadge(measured.status()));
        head.setWidthFull();
        head.setAlignItems(FlexComponent.Alignment.START);
        head.getStyle().set("margin-bottom", "0.3rem");
        card.add(head);
        Kpi kpi = o.getMetric();
        line(card, "objective-kpi", getTranslation("objectives.card.kpi", getTranslation(kpi.labelKey())));
        line(card, "objective-target", getTranslation("objectives.card.target",
                ObjectiveTexts.value(kpi, o.getTargetValue(), currency, getLocale())));
        if (o.getBaseline() != null) {
            line(card, "objective-baseline", getTranslation("objectives.card.baseline",
                    ObjectiveTexts.value(kpi, o.getBaseline(), currency, getLocale())));
        }
        line(card, "objective-deadline", getTranslation("objectives.card.deadline",
                ObjectiveTexts.date(o.getDeadline(), getLocale())));
        String owner = o.getOwnerId() == null ? null : ownerNames.get(o.getOwnerId());
        if (owner != null) {
            line(card, "objective-owner", getTranslation("objectives.card.owner", owner));
        }
        Campaign campaign = o.getCampaignId() == null ? null : campaignsById.get(o.getCampaignId());
        line(card, "objective-campaign", campaign == null ? getTranslation("objectives.card.wholeClient")
                : getTranslation("objectives.card.campaign", campaign.getName()));
        measurement(card, measured);
        if (staff) {
            Button edit = new Button(getTranslation("objectives.action.edit"), VaadinIcon.EDIT.create(),
                    e -> objectives.find(o.getId()).ifPresentOrElse(this::dialog, this::concurrentChange));
            edit.addClassName("objective-edit");
            edit.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
            card.add(edit);
        }
        return card;
    }

    /** The measured value against the target and where it should be by now, or why there is none yet. */
    private void measurement(Div card, Progress measured) {
        Objective o = measured.objective();
        Kpi kpi = o.getMetric();
        Div box = new Div();
        box.addClassName("objective-progress");
        box.getStyle().set("margin-top", "0.4rem").set("padding-top", "0.4rem")
                .set("border-top", "1px solid var(--lumo-contrast-10pct, #eee)");
        card.add(box);
        if (measured.measured() == null) {
            Span none = line(box, "objective-no-data", getTranslation(o.getCampaignId() == null
                    ? "objectives.status.noData.client" : "objectives.status.noData.campaign"));
            none.getStyle().set("color", "var(--lumo-secondary-text-color, #555)").set("font-style", "italic");
            return;
        }
        Span value = line(box, "objective-measured", getTranslation("objectives.status.measured",
                KpiFormat.format(kpi, measured.measured(), measured.currency(), getLocale())));
        value.getStyle().set("font-weight", "700").set("font-size", "var(--lumo-font-size-m, 1rem)");
        // For a rate the expected value is the target itself: saying it twice would only add noise.
        if (measured.expectedByNow() != null && measured.expectedByNow().compareTo(o.getTargetValue()) != 0) {
            BigDecimal expected = kpi.unit() == Kpi.Unit.COUNT
                    ? measured.expectedByNow().setScale(0, RoundingMode.HALF_UP) : measured.expectedByNow();
            line(box, "objective-expected", getTranslation("objectives.status.expected",
                    KpiFormat.format(kpi, expected, measured.currency(), getLocale())));
        }
        if (measured.completion() != null) {
            ProgressBar bar = new ProgressBar(0, 1, measured.completion().doubleValue());
            bar.addClassName("objective-bar");
            String[] colours = statusColours(measured.status());
            bar.getStyle().set("--vaadin-progress-value-background", colours[0])
                    .set("--lumo-primary-color", colours[0]).set("margin", "0.3rem 0 0.1rem");
            bar.getElement().setAttribute("aria-label", getTranslation("objectives.status.progress",
                    KpiFormat.percent(measured.completion().movePointRight(2), getLocale())));
            box.add(bar);
        }
        if (measured.from() != null && measured.to() != null) {
            Span period = line(box, "objective-period", getTranslation("objectives.status.period",
                    ObjectiveTexts.date(measured.from(), getLocale()), ObjectiveTexts.date(measured.to(), getLocale())));
            period.getStyle().set("color", "var(--lumo-secondary-text-color, #555)")
                    .set("font-size", "var(--lumo-font-size-xs, 0.8125rem)");
        }
    }

    private Span statusBadge(Status status) {
        Span badge = new Span(getTranslation(switch (status) {
            case NO_DATA -> "objectives.status.NO_DATA";
            case ON_TRACK -> "objectives.status.ON_TRACK";
            case AT_RISK -> "objectives.status.AT_RISK";
            case REACHED -> "objectives.status.REACHED";
            case MISSED -> "objectives.status.MISSED";
        }));
        String[] colours = statusColours(status);
        badge.addClassName("objective-status");
        badge.getElement().setAttribute("data-status", status.name());
        badge.getStyle().set("color", colours[1]).set("background", colours[2]).set("border-radius", "999px")
                .set("padding", "0.1em 0.65em").set("font-size", "var(--lumo-font-size-xs, 0.8125rem)")
                .set("font-weight", "600").set("white-space", "nowrap");
        return badge;
    }

    /** Bar colour, badge text colour and badge background of a status (text contrast ≥ 4.5:1). */
    private static String[] statusColours(Status status) {
        return switch (status) {
            case ON_TRACK -> new String[]{"#1a5fb4", "#0b4a8f", "#dbe8fa"};
            case REACHED -> new String[]{"#26a269", "#0b5d2a", "#dcf5e4"};
            case AT_RISK -> new String[]{"#e66100", "#8a4b00", "#fff1d6"};
            case MISSED -> new String[]{"#c01c28", "#9b1c1c", "#fde2e2"};
            case NO_DATA -> new String[]{"#9a9996", "#4b5563", "#eef0f3"};
        };
    }

    private Span line(Div card, String className, String text) {
        Span span = new Span(text);
        span.addClassName(className);
        span.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s, 0.875rem)");
        card.add(span);
        return span;
    }

    private void concurrentChange() {
        Notifications.error(getTranslation("form.concurrentChange"));
        show();
    }

    private void dialog(Objective objective) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(objective.getVersion() == null ? "objectives.dialog.new"
                : "objectives.dialog.edit"));
        dialog.setWidth("min(48rem, 95vw)");
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        TextField objectiveTitle = new TextField();
        field(fields, objectiveTitle, "title", "objectives.field.title", "objective-title");
        objectiveTitle.setMaxLength(300);
        objectiveTitle.setPlaceholder(getTranslation("objectives.field.title.placeholder"));
        objectiveTitle.setRequiredIndicatorVisible(true);
        Select<Perspective> perspective = new Select<>();
        field(fields, perspective, "perspective", "objectives.field.perspective", "objective-perspective");
        perspective.setItems(Perspective.values());
        perspective.setItemLabelGenerator(p -> getTranslation(ObjectiveTexts.perspectiveKey(p)));
        perspective.setRequiredIndicatorVisible(true);
        ComboBox<Kpi> metric = new ComboBox<>();
        field(fields, metric, "metric", "objectives.field.metric", "objective-metric");
        metric.setItems(Kpi.values());
        metric.setItemLabelGenerator(k -> getTranslation(k.labelKey()));
        metric.setRequiredIndicatorVisible(true);
        BigDecimalField target = new BigDecimalField();
        field(fields, target, "target", "objectives.field.target", "objective-target");
        target.setRequiredIndicatorVisible(true);
        BigDecimalField baseline = new BigDecimalField();
        field(fields, baseline, "baseline", "objectives.field.baseline", "objective-baseline");
        DatePicker deadline = new DatePicker();
        field(fields, deadline, "deadline", "objectives.field.deadline", "objective-deadline");
        deadline.setRequiredIndicatorVisible(true);
        ComboBox<Membership> owner = new ComboBox<>();
        field(fields, owner, "owner", "objectives.field.owner", "objective-owner");
        owner.setItems(owners);
        owner.setItemLabelGenerator(ScorecardView::memberName);
        ComboBox<Campaign> campaign = new ComboBox<>();
        field(fields, campaign, "campaign", "objectives.field.campaign", "objective-campaign");
        campaign.setItems(campaignsById.values().stream().sorted(Comparator.comparing(Campaign::getName)).toList());
        campaign.setItemLabelGenerator(Campaign::getName);
        campaign.setPlaceholder(getTranslation("objectives.field.campaign.placeholder"));
        campaign.setClearButtonVisible(true);
        TextArea notes = new TextArea();
        field(fields, notes, "notes", "objectives.field.notes", "objective-notes");
        notes.setMaxLength(2000);
        // The unit of the chosen KPI says how to type the target and the baseline.
        metric.addValueChangeListener(e -> unitHints(e.getValue(), target, baseline));

        objectiveTitle.setValue(objective.getTitle() == null ? "" : objective.getTitle());
        perspective.setValue(objective.getPerspective());
        metric.setValue(objective.getMetric());
        unitHints(objective.getMetric(), target, baseline);
        target.setValue(objective.getTargetValue());
        baseline.setValue(objective.getBaseline());
        deadline.setValue(objective.getDeadline());
        owner.setValue(owners.stream().filter(m -> m.getId().equals(objective.getOwnerId())).findFirst().orElse(null));
        campaign.setValue(objective.getCampaignId() == null ? null : campaignsById.get(objective.getCampaignId()));
        notes.setValue(objective.getNotes() == null ? "" : objective.getNotes());

        FormLayout form = new FormLayout(objectiveTitle, perspective, metric, target, baseline, deadline, owner,
                campaign, notes);
        form.setColspan(objectiveTitle, 2);
        form.setColspan(notes, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        dialog.add(form);

        Button save = new Button(getTranslation("action.save"), e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            objective.setTitle(objectiveTitle.getValue());
            objective.setPerspective(perspective.getValue());
            objective.setMetric(metric.getValue());
            objective.setTargetValue(target.getValue());
            objective.setBaseline(baseline.getValue());
            objective.setDeadline(deadline.getValue());
            objective.setOwnerId(owner.getValue() == null ? null : owner.getValue().getId());
            objective.setCampaignId(campaign.getValue() == null ? null : campaign.getValue().getId());
            objective.setNotes(notes.getValue());
            try {
                boolean created = objective.getVersion() == null;
                Objective saved = objectives.save(objective);
                Notifications.success(created ? getTranslation("objectives.created", saved.getTitle())
                        : getTranslation("objectives.saved"));
                dialog.close();
                show();
            } catch (CampaignException ex) {
                showErrors(ex, fields);
            } catch (ObjectiveNotFoundException | ObjectOptimisticLockingFailureException ex) {
                dialog.close();
                concurrentChange();
            }
        });
        save.setId("objective-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        cancel.setId("objective-cancel");
        if (objective.getVersion() != null) {
            Button delete = new Button(getTranslation("objectives.action.delete"), VaadinIcon.TRASH.create(), e -> {
                try {
                    objectives.delete(objective.getId());
                    Notifications.success(getTranslation("objectives.deleted"));
                } catch (ObjectiveNotFoundException ex) {
                    Notifications.error(getTranslation("form.concurrentChange"));
                }
                dialog.close();
                show();
            });
            delete.setId("objective-delete");
            delete.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
            delete.getStyle().set("margin-inline-end", "auto");
            dialog.getFooter().add(delete);
        }
        dialog.getFooter().add(cancel, save);
        dialog.open();
        objectiveTitle.focus();
    }

    private void unitHints(Kpi kpi, BigDecimalField target, BigDecimalField baseline) {
        String help = kpi == null ? null : getTranslation(ObjectiveTexts.unitHelpKey(kpi.unit()), currency);
        target.setHelperText(help);
        String suffix = kpi == null ? null : switch (kpi.unit()) {
            case MONEY -> Currency.getInstance(currency).getSymbol(getLocale());
            case PERCENT -> "%";
            case COUNT, RATIO -> null;
        };
        for (BigDecimalField field : List.of(target, baseline)) {
            field.setSuffixComponent(suffix == null ? null : new Span(suffix));
        }
    }

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

    private void showErrors(CampaignException e, Map<String, HasValidation> registry) {
        boolean onAField = false;
        for (Map.Entry<String, String> error : e.errors().entrySet()) {
            HasValidation field = error.getKey() == null ? null : registry.get(error.getKey());
            if (field != null) {
                field.setErrorMessage(getTranslation(error.getValue()));
                field.setInvalid(true);
                onAField = true;
            }
        }
        // In a dialog a toast would sit right over the messages under the fields.
        if (!onAField) {
            Notifications.error(getTranslation(e.messageKey()));
        }
    }

    @Override
    public String getPageTitle() {
        return client == null ? getTranslation("objectives.page") : getTranslation("objectives.title", client.getName());
    }
}
