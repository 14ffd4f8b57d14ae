package com.campagne.plans.ui;

import com.campagne.base.ui.BadInput;
import com.campagne.base.ui.RouteIds;
import com.campagne.base.security.CurrentUser;
import com.campagne.base.ui.Formats;
import com.campagne.base.ui.MainLayout;
import com.campagne.base.ui.Notifications;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignException;
import com.campagne.plans.CampaignObjective;
import com.campagne.plans.CampaignService;
import com.campagne.plans.CampaignStatus;
import com.campagne.plans.CampaignStatusChange;
import com.campagne.tenancy.Membership;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantSettingsService;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code clients/<id>/campaigns/<id|new>}: a campaign's card (objective, period, budget, audience,
 * owner), its workflow buttons and the history of its steps. Client viewers read it and may approve a
 * proposed campaign or send it back with a comment.
 */
@Route(value = "clients/:clientId/campaigns/:campaignId", layout = MainLayout.class)
@RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME, Role.CLIENT_VIEWER_NAME})
class CampaignEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ClientService clients;
    private final CampaignService campaigns;
    private final ZoneId zone;
    private final boolean staff;
    private final H2 title = new H2();
    private final HorizontalLayout heading = new HorizontalLayout();
    private final TextField name = new TextField();
    private final Select<CampaignObjective> objective = new Select<>();
    private final DatePicker startDate = new DatePicker();
    private final DatePicker endDate = new DatePicker();
    private final BigDecimalField budget = new BigDecimalField();
    private final ComboBox<Membership> owner = new ComboBox<>();
    private final TextArea audience = new TextArea();
    private final TextArea personas = new TextArea();
    private final TextField geography = new TextField();
    private final IntegerField ageMin = new IntegerField();
    private final IntegerField ageMax = new IntegerField();
    private final TextField interests = new TextField();
    private final Button save = new Button();
    private final VerticalLayout workflow = new VerticalLayout();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private Client client;
    private Campaign campaign;

    CampaignEditorView(ClientService clients, CampaignService campaigns, TenantSettingsService settings) {
        this.clients = clients;
        this.campaigns = campaigns;
        this.zone = settings.currentZone();
        this.staff = CurrentUser.tenant().map(t -> t.role() != Role.CLIENT_VIEWER).orElse(false);
        setMaxWidth("60rem");

        title.getStyle().set("margin", "0");
        heading.setAlignItems(FlexComponent.Alignment.CENTER);

        label(name, "name", "campaigns.field.name", "campaign-name");
        name.setRequiredIndicatorVisible(staff);
        name.setMaxLength(200);
        label(objective, "objective", "campaigns.field.objective", "campaign-objective");
        objective.setItems(CampaignObjective.values());
        objective.setItemLabelGenerator(o -> getTranslation(CampaignTexts.objectiveKey(o)));
        objective.setRequiredIndicatorVisible(staff);
        label(startDate, "startDate", "campaigns.field.startDate", "campaign-start");
        label(endDate, "endDate", "campaigns.field.endDate", "campaign-end");
        startDate.setRequiredIndicatorVisible(staff);
        endDate.setRequiredIndicatorVisible(staff);
        startDate.addValueChangeListener(e -> {
            if (e.getValue() != null && endDate.getValue() == null) {
                endDate.setInitialPosition(e.getValue());
            }
        });
        label(budget, "budget", "campaigns.field.budget", "campaign-budget");
        label(owner, "owner", "campaigns.field.owner", "campaign-owner");
        owner.setItemLabelGenerator(m -> m.getUser().getDisplayName() == null || m.getUser().getDisplayName().isBlank()
                ? m.getUser().getEmail() : m.getUser().getDisplayName());
        label(audience, "audience", "campaigns.field.audience", "campaign-audience");
        audience.setMaxLength(2000);
        audience.setPlaceholder(getTranslation("campaigns.field.audience.placeholder"));
        label(personas, "personas", "campaigns.field.personas", "campaign-personas");
        personas.setMaxLength(5000);
        personas.setPlaceholder(getTranslation("campaigns.field.personas.placeholder"));
        label(geography, "geography", "campaigns.field.geography", "campaign-geography");
        geography.setMaxLength(500);
        geography.setPlaceholder(getTranslation("campaigns.field.geography.placeholder"));
        label(ageMin, "ageMin", "campaigns.field.ageMin", "campaign-age-min");
        label(ageMax, "ageMax", "campaigns.field.ageMax", "campaign-age-max");
        label(interests, "interests", "campaigns.field.interests", "campaign-interests");
        interests.setMaxLength(1000);
        interests.setPlaceholder(getTranslation("campaigns.field.interests.placeholder"));

        FormLayout main = new FormLayout(name, objective, startDate, endDate, budget, owner);
        main.setColspan(name, 2);
        main.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        FormLayout target = new FormLayout(audience, personas, geography, interests, ageMin, ageMax);
        target.setColspan(audience, 2);
        target.setColspan(personas, 2);
        target.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        H3 targetTitle = new H3(getTranslation("campaigns.section.audience"));

        save.setText(getTranslation("action.save"));
        save.setId("campaign-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());
        save.setVisible(staff);
        Button back = new Button(getTranslation("campaigns.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(CampaignTexts.listPath(client.getId()))));
        back.setId("campaign-back");
        back.addThemeVariants(ButtonVariant.TERTIARY);

        workflow.setPadding(false);
        add(back, heading, main, targetTitle, target, new HorizontalLayout(save), workflow);
    }

    private void label(com.vaadin.flow.component.Component field, String key, String labelKey, String id) {
        field.setId(id);
        ((com.vaadin.flow.component.HasLabel) field).setLabel(getTranslation(labelKey));
        HasValidation validation = (HasValidation) field;
        // Errors come from the service, all at once: the fields do not judge themselves.
        fields.put(key, validation);
        if (field instanceof DatePicker d) {
            d.setLocale(getLocale());
            d.setManualValidation(true);
        } else if (field instanceof BigDecimalField b) {
            b.setManualValidation(true);
        } else if (field instanceof IntegerField i) {
            i.setManualValidation(true);
        } else if (field instanceof TextField t) {
            t.setManualValidation(true);
        } else if (field instanceof TextArea t) {
            t.setManualValidation(true);
        } else if (field instanceof Select<?> s) {
            s.setManualValidation(true);
        } else if (field instanceof ComboBox<?> c) {
            c.setManualValidation(true);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Client> found = RouteIds.param(event, "clientId")
                .flatMap(clients::find);
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class, getTranslation("client.notFound"));
            return;
        }
        client = found.get();
        String id = event.getRouteParameters().get("campaignId").orElse("");
        if ("new".equals(id)) {
            if (!staff) {
                event.rerouteToError(NotFoundException.class, getTranslation("campaigns.notFound"));
                return;
            }
            campaign = campaigns.draft(client.getId());
        } else {
            Optional<Campaign> existing = RouteIds.uuid(id).flatMap(campaigns::find)
                    .filter(c -> c.getClientId().equals(client.getId()));
            if (existing.isEmpty()) {
                event.rerouteToError(NotFoundException.class, getTranslation("campaigns.notFound"));
                return;
            }
            campaign = existing.get();
        }
        List<Membership> members = campaigns.possibleOwners();
        owner.setItems(members);
        String currency = campaign.getCurrency().trim();
        budget.setSuffixComponent(new Span(Currency.getInstance(currency).getSymbol(getLocale())));
        read(members);
        showHeading();
        showWorkflow();
    }

    private void read(List<Membership> members) {
        name.setValue(campaign.getName() == null ? "" : campaign.getName());
        objective.setValue(campaign.getObjective());
        startDate.setValue(campaign.getStartDate());
        endDate.setValue(campaign.getEndDate());
        budget.setValue(campaign.getBudget());
        owner.setValue(members.stream().filter(m -> m.getId().equals(campaign.getOwnerId())).findFirst().orElse(null));
        audience.setValue(campaign.getAudience() == null ? "" : campaign.getAudience());
        personas.setValue(campaign.getPersonas() == null ? "" : campaign.getPersonas());
        geography.setValue(campaign.getGeography() == null ? "" : campaign.getGeography());
        ageMin.setValue(campaign.getAgeMin());
        ageMax.setValue(campaign.getAgeMax());
        interests.setValue(campaign.getInterests() == null ? "" : campaign.getInterests());
        boolean editable = staff && campaign.getStatus() != CampaignStatus.ENDED;
        fields.values().forEach(f -> ((com.vaadin.flow.component.HasValue<?, ?>) f).setReadOnly(!editable));
        save.setVisible(editable);
    }

    private void write() {
        campaign.setName(name.getValue().strip());
        campaign.setObjective(objective.getValue());
        campaign.setStartDate(startDate.getValue());
        campaign.setEndDate(endDate.getValue());
        campaign.setBudget(budget.getValue());
        campaign.setOwnerId(owner.getValue() == null ? null : owner.getValue().getId());
        campaign.setAudience(blankToNull(audience.getValue()));
        campaign.setPersonas(blankToNull(personas.getValue()));
        campaign.setGeography(blankToNull(geography.getValue()));
        campaign.setAgeMin(ageMin.getValue());
        campaign.setAgeMax(ageMax.getValue());
        campaign.setInterests(blankToNull(interests.getValue()));
    }

    private void save() {
        fields.values().forEach(f -> f.setInvalid(false));
        write();
        if (BadInput.in(budget, budget.getValue())) {
            showErrors(new CampaignException(Map.of("budget", "campaigns.error.budget.notANumber")));
            return;
        }
        try {
            boolean created = campaign.getVersion() == null;
            campaign = campaigns.save(campaign);
            Notifications.success(getTranslation(created ? "campaigns.created" : "campaigns.saved", campaign.getName()));
            getUI().ifPresent(ui -> ui.navigate(CampaignTexts.editorPath(client.getId(), campaign.getId())));
        } catch (CampaignException e) {
            showErrors(e);
        } catch (ObjectOptimisticLockingFailureException e) {
            Notifications.error(getTranslation("form.concurrentChange"));
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

    private void showHeading() {
        heading.removeAll();
        boolean created = campaign.getVersion() == null;
        title.setText(created ? getTranslation("campaigns.new") : campaign.getName());
        heading.add(title);
        if (!created) {
            heading.add(CampaignTexts.badge(campaign.getStatus(), this::getTranslation));
            Button plan = new Button(getTranslation("plans.open"), VaadinIcon.TABLE.create(), e -> getUI()
                    .ifPresent(ui -> ui.navigate(PlanTexts.planPath(client.getId(), campaign.getId()))));
            plan.setId("campaign-plan");
            plan.addThemeVariants(ButtonVariant.PRIMARY);
            heading.add(plan);
            Button dashboard = new Button(getTranslation("dashboard.open"), VaadinIcon.DASHBOARD.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(CampaignTexts.editorPath(client.getId(), campaign.getId())
                            + "/dashboard")));
            dashboard.setId("campaign-dashboard");
            heading.add(dashboard);
            Button calendar = new Button(getTranslation("calendar.campaign.open"), VaadinIcon.CALENDAR.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(CampaignTexts.editorPath(client.getId(), campaign.getId())
                            + "/calendar")));
            calendar.setId("campaign-calendar");
            heading.add(calendar);
            if (staff) {
                Button tasks = new Button(getTranslation("tasks.campaign.open"), VaadinIcon.TASKS.create(),
                        e -> getUI().ifPresent(ui -> ui.navigate(CampaignTexts.editorPath(client.getId(),
                                campaign.getId()) + "/tasks")));
                tasks.setId("campaign-tasks");
                heading.add(tasks);
            }
        }
    }

    /** The next steps the user may take, what the current status means, and the steps so far. */
    private void showWorkflow() {
        workflow.removeAll();
        if (campaign.getVersion() == null) {
            return;
        }
        H3 heading = new H3(getTranslation("campaigns.section.workflow"));
        Paragraph meaning = new Paragraph(getTranslation(
                CampaignTexts.helpKey(campaign.getStatus(), staff)));
        meaning.setId("campaign-status-help");
        workflow.add(heading, meaning);

        TextArea comment = new TextArea(getTranslation("campaigns.field.comment"));
        comment.setId("campaign-comment");
        comment.setMaxLength(2000);
        comment.setWidthFull();
        comment.setManualValidation(true);
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.getStyle().set("flex-wrap", "wrap");
        CampaignStatus status = campaign.getStatus();
        if (staff) {
            switch (status) {
                case DRAFT -> buttons.add(step("propose", "campaigns.action.propose", CampaignStatus.PROPOSED, comment, true));
                case PROPOSED -> buttons.add(step("approve", "campaigns.action.approve", CampaignStatus.APPROVED, comment, true),
                        step("backToDraft", "campaigns.action.backToDraft", CampaignStatus.DRAFT, comment, false));
                case APPROVED -> buttons.add(step("launch", "campaigns.action.launch", CampaignStatus.LIVE, comment, true));
                case LIVE -> buttons.add(step("end", "campaigns.action.end", CampaignStatus.ENDED, comment, true));
                case ENDED -> { }
            }
        } else if (status == CampaignStatus.PROPOSED) {
            buttons.add(step("clientApprove", "campaigns.action.clientApprove", CampaignStatus.APPROVED, comment, true),
                    step("clientReturn", "campaigns.action.clientReturn", CampaignStatus.DRAFT, comment, false));
        }
        if (status == CampaignStatus.PROPOSED && buttons.getComponentCount() > 0) {
            // Only a proposed campaign goes back to draft, the one step that needs a why.
            workflow.add(comment, buttons);
        } else if (buttons.getComponentCount() > 0) {
            workflow.add(buttons);
        }

        H3 historyTitle = new H3(getTranslation("campaigns.section.history"));
        UnorderedList history = new UnorderedList();
        history.setId("campaign-history");
        for (CampaignStatusChange change : campaigns.history(campaign.getId()).reversed()) {
            String when = Formats.dateTime(change.getChangedAt(), zone, getLocale());
            String who = change.getChangedByName() == null ? getTranslation("campaigns.history.unknown")
                    : change.getChangedByName();
            String text = change.getFromStatus() == null
                    ? getTranslation("campaigns.history.created", when, who)
                    : getTranslation("campaigns.history.step", when, who,
                    getTranslation(CampaignTexts.statusKey(change.getFromStatus())),
                    getTranslation(CampaignTexts.statusKey(change.getToStatus())));
            ListItem item = new ListItem(text);
            if (change.getComment() != null) {
                Div note = new Div(getTranslation("campaigns.history.comment", change.getComment()));
                note.getStyle().set("color", "var(--lumo-secondary-text-color, #555)").set("font-style", "italic");
                item.add(note);
            }
            history.add(item);
        }
        workflow.add(historyTitle, history);
    }

    private Button step(String action, String labelKey, CampaignStatus to, TextArea comment, boolean primary) {
        Button button = new Button(getTranslation(labelKey), e -> {
            if (to == CampaignStatus.ENDED) {
                confirmEnd(comment);
            } else {
                move(to, comment);
            }
        });
        button.setId("campaign-step-" + action);
        if (primary) {
            button.addThemeVariants(ButtonVariant.PRIMARY);
        }
        return button;
    }

    /** Ending cannot be undone (an ended campaign is read-only), so it is asked twice. */
    private void confirmEnd(TextArea comment) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("campaign-end-dialog");
        dialog.setHeader(getTranslation("campaigns.end.title", campaign.getName()));
        dialog.setText(getTranslation("campaigns.end.text"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        Button yes = new Button(getTranslation("campaigns.action.end"), e -> {
            dialog.close();
            move(CampaignStatus.ENDED, comment);
        });
        yes.setId("campaign-end-confirm");
        yes.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.setConfirmButton(yes);
        dialog.open();
    }

    private void move(CampaignStatus to, TextArea comment) {
        comment.setInvalid(false);
        try {
            campaign = campaigns.changeStatus(campaign.getId(), to, comment.getValue());
            Notifications.success(getTranslation(CampaignTexts.movedKey(to), campaign.getName()));
            read(campaigns.possibleOwners());
            showHeading();
            showWorkflow();
        } catch (CampaignException ex) {
            String key = ex.errors().get("comment");
            if (key != null) {
                comment.setErrorMessage(getTranslation(key));
                comment.setInvalid(true);
            } else {
                Notifications.error(getTranslation(ex.messageKey()));
            }
        } catch (ObjectOptimisticLockingFailureException ex) {
            Notifications.error(getTranslation("form.concurrentChange"));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String getPageTitle() {
        return campaign == null || campaign.getName() == null ? getTranslation("campaigns.new") : campaign.getName();
    }
}
