package com.campagne.plans.tasks.ui;

import com.campagne.base.ui.EmptyState;
import com.campagne.base.ui.MainLayout;
import com.campagne.base.ui.RouteIds;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignService;
import com.campagne.plans.MediaPlan;
import com.campagne.plans.MediaPlanService;
import com.campagne.plans.MediaPlanService.PlanView;
import com.campagne.plans.PlanLineItem;
import com.campagne.plans.calendar.ui.CalendarTexts;
import com.campagne.plans.tasks.Task;
import com.campagne.plans.tasks.TaskService;
import com.campagne.tenancy.Membership;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantSettingsService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code clients/<id>/campaigns/<id>/tasks[?task=<id>]}: the campaign's tasks (open ones first), who does
 * each and by when; a click opens the task with its comments. The assignment e-mail links here.
 */
@Route(value = "clients/:clientId/campaigns/:campaignId/tasks", layout = MainLayout.class)
@RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
class CampaignTasksView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final TaskService tasks;
    private final CampaignService campaigns;
    private final MediaPlanService plans;
    private final ZoneId zone;
    private final Div body = new Div();
    private final Grid<Task> grid = new Grid<>();
    private Campaign campaign;
    private List<Membership> members = List.of();
    private List<PlanLineItem> lines = List.of();
    private final Map<UUID, String> lineLabels = new HashMap<>();

    CampaignTasksView(TaskService tasks, CampaignService campaigns, MediaPlanService plans,
                      TenantSettingsService settings) {
        this.tasks = tasks;
        this.campaigns = campaigns;
        this.plans = plans;
        this.zone = settings.currentZone();
        setMaxWidth("72rem");
        body.setWidthFull();
        grid.setId("tasks-grid");
        grid.addColumn(Task::getTitle).setHeader(getTranslation("tasks.column.title")).setFlexGrow(3);
        grid.addColumn(t -> t.getLineItemId() == null ? "" : lineLabels.getOrDefault(t.getLineItemId(), ""))
                .setHeader(getTranslation("tasks.column.lineItem")).setFlexGrow(2);
        grid.addColumn(t -> members.stream().filter(m -> m.getId().equals(t.getAssigneeId())).findFirst()
                        .map(TaskTexts::name).orElse(getTranslation("tasks.unassigned")))
                .setHeader(getTranslation("tasks.column.assignee")).setFlexGrow(2);
        grid.addComponentColumn(t -> TaskTexts.dueBadge(t, today(), getLocale(), this::getTranslation))
                .setHeader(getTranslation("tasks.column.due")).setFlexGrow(2);
        grid.addComponentColumn(t -> TaskTexts.statusBadge(t.getStatus(), this::getTranslation))
                .setHeader(getTranslation("tasks.column.status")).setFlexGrow(1);
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> open(e.getItem()));
    }

    private LocalDate today() {
        return LocalDate.now(zone);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Campaign> found = RouteIds.param(event, "campaignId").flatMap(campaigns::find)
                .filter(c -> RouteIds.param(event, "clientId").map(c.getClientId()::equals).orElse(false));
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class, getTranslation("campaigns.notFound"));
            return;
        }
        campaign = found.get();
        members = tasks.assignees();
        loadLines();
        removeAll();
        Button back = new Button(getTranslation("calendar.backToCampaign"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("clients/" + campaign.getClientId() + "/campaigns/"
                        + campaign.getId())));
        back.setId("tasks-back");
        back.addThemeVariants(ButtonVariant.TERTIARY);
        H2 title = new H2(getTranslation("tasks.campaign.title", campaign.getName()));
        title.setId("tasks-title");
        title.getStyle().set("margin", "0");
        add(back, title, body);
        refresh();
        event.getLocation().getQueryParameters().getSingleParameter("task").flatMap(RouteIds::uuid)
                .flatMap(tasks::find).filter(t -> t.getCampaignId().equals(campaign.getId())).ifPresent(this::open);
    }

    /** Lines of every visible version, so that a task keeps pointing at a line of an older version. */
    private void loadLines() {
        List<MediaPlan> versions = plans.versions(campaign.getId());
        List<PlanLineItem> all = new ArrayList<>();
        lineLabels.clear();
        for (MediaPlan version : versions.reversed()) {
            PlanView view = plans.view(version.getId());
            for (PlanLineItem line : view.lines()) {
                String label = describe(view, line);
                lineLabels.put(line.getId(), versions.size() > 1
                        ? getTranslation("tasks.line.version", version.displayName(), label) : label);
                all.add(line);
            }
        }
        lines = all;
    }

    private String describe(PlanView view, PlanLineItem line) {
        String channel = line.getChannel() == null ? "" : getTranslation(CalendarTexts.channelKey(line.getChannel()));
        String vendor = view.vendorName(line);
        String placement = line.getPlacement() == null ? "" : line.getPlacement();
        String what = vendor.isEmpty() ? placement : placement.isEmpty() ? vendor
                : getTranslation("calendar.line", vendor, placement);
        return what.isEmpty() ? channel : getTranslation("calendar.line", channel, what);
    }

    private void refresh() {
        body.removeAll();
        Button add = new Button(getTranslation("tasks.add"), VaadinIcon.PLUS.create(), e -> open(tasks.draft(campaign.getId())));
        add.setId("tasks-add");
        add.addThemeVariants(ButtonVariant.PRIMARY);
        List<Task> list = tasks.list(campaign.getId());
        if (list.isEmpty()) {
            EmptyState empty = new EmptyState(VaadinIcon.TASKS, getTranslation("tasks.campaign.empty.title"),
                    getTranslation("tasks.campaign.empty.text"), add);
            empty.setId("tasks-empty");
            body.add(empty);
            return;
        }
        grid.setItems(list);
        HorizontalLayout toolbar = new HorizontalLayout(add);
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        toolbar.getStyle().set("margin-bottom", "0.5rem");
        body.add(toolbar, grid);
    }

    private void open(Task task) {
        new TaskDialog(tasks, task, members, lines, l -> lineLabels.getOrDefault(l.getId(), ""), zone, this::refresh)
                .open();
    }

    @Override
    public String getPageTitle() {
        return campaign == null ? getTranslation("tasks.nav") : getTranslation("tasks.campaign.title", campaign.getName());
    }
}
