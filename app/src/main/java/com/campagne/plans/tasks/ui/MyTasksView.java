package com.campagne.plans.tasks.ui;

import com.campagne.base.ui.EmptyState;
import com.campagne.base.ui.MainLayout;
import com.campagne.base.ui.Notifications;
import com.campagne.plans.calendar.CalendarService;
import com.campagne.plans.tasks.Task;
import com.campagne.plans.tasks.TaskPaths;
import com.campagne.plans.tasks.TaskService;
import com.campagne.plans.tasks.TaskService.AssignedTask;
import com.campagne.plans.tasks.TaskStatus;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantSettingsService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code tasks}: "my tasks", the open tasks given to the current member across every campaign, the late
 * ones first and in red, each marked done in one click; a second tab lists the finished ones.
 */
@Route(value = TaskPaths.MINE, layout = MainLayout.class)
@RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
class MyTasksView extends VerticalLayout implements HasDynamicTitle {

    private final TaskService tasks;
    private final ZoneId zone;
    private final Tab open = new Tab();
    private final Tab done = new Tab();
    private final Tabs tabs = new Tabs(open, done);
    private final Div list = new Div();

    MyTasksView(TaskService tasks, TenantSettingsService settings) {
        this.tasks = tasks;
        this.zone = settings.currentZone();
        setMaxWidth("60rem");
        H2 title = new H2(getTranslation("tasks.mine.title"));
        title.getStyle().set("margin", "0");
        open.setLabel(getTranslation("tasks.mine.open"));
        open.setId("my-tasks-open");
        done.setLabel(getTranslation("tasks.mine.done"));
        done.setId("my-tasks-done");
        tabs.setId("my-tasks-tabs");
        tabs.addSelectedChangeListener(e -> refresh());
        list.setId("my-tasks");
        list.setWidthFull();
        add(title, tabs, list);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        boolean showDone = tabs.getSelectedTab() == done;
        List<AssignedTask> mine = tasks.mine(showDone);
        if (mine.isEmpty()) {
            Button calendar = new Button(getTranslation("tasks.mine.empty.action"), VaadinIcon.CALENDAR.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(CalendarService.PATH)));
            calendar.setId("my-tasks-calendar");
            EmptyState empty = new EmptyState(VaadinIcon.CHECK_SQUARE_O,
                    getTranslation(showDone ? "tasks.mine.emptyDone.title" : "tasks.mine.empty.title"),
                    getTranslation(showDone ? "tasks.mine.emptyDone.text" : "tasks.mine.empty.text"),
                    showDone ? null : calendar);
            empty.setId("my-tasks-empty");
            list.add(empty);
            return;
        }
        LocalDate today = LocalDate.now(zone);
        for (AssignedTask assigned : mine) {
            list.add(card(assigned, today));
        }
    }

    private Div card(AssignedTask assigned, LocalDate today) {
        Task task = assigned.task();
        Div card = new Div();
        card.addClassName("my-task");
        card.getElement().setAttribute("data-task-id", task.getId().toString());
        boolean late = TaskTexts.late(task, today);
        card.getStyle().set("display", "flex").set("align-items", "center").set("gap", "1rem")
                .set("padding", "0.75rem 1rem").set("margin", "0.5rem 0").set("border-radius", "10px")
                .set("border", "1px solid " + (late ? "#f3b4b4" : "var(--lumo-contrast-20pct, #d6d9de)"))
                .set("background", late ? "#fff5f5" : "var(--lumo-base-color, #fff)");
        Anchor title = new Anchor(TaskPaths.campaignTasks(assigned.campaign().getClientId(),
                assigned.campaign().getId()) + "?task=" + task.getId(), task.getTitle());
        title.addClassName("my-task-title");
        title.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l, 1.05rem)");
        Span where = new Span(getTranslation("tasks.mine.where", assigned.campaign().getName(), assigned.clientName()));
        where.addClassName("my-task-campaign");
        where.getStyle().set("color", "var(--lumo-secondary-text-color, #555)");
        VerticalLayout text = new VerticalLayout(title, where);
        text.setPadding(false);
        text.setSpacing(false);
        text.getStyle().set("flex", "1").set("min-width", "0");
        Span due = TaskTexts.dueBadge(task, today, getLocale(), this::getTranslation);
        HorizontalLayout right = new HorizontalLayout(due);
        right.setAlignItems(FlexComponent.Alignment.CENTER);
        if (task.getStatus() == TaskStatus.DONE) {
            Button reopen = new Button(getTranslation("tasks.mine.reopen"), e -> change(task, TaskStatus.TODO));
            reopen.addClassName("my-task-reopen");
            reopen.addThemeVariants(ButtonVariant.TERTIARY);
            right.add(reopen);
        } else {
            Button finish = new Button(getTranslation("tasks.mine.markDone"), VaadinIcon.CHECK.create(),
                    e -> change(task, TaskStatus.DONE));
            finish.addClassName("my-task-done");
            finish.setId("my-task-done-" + task.getId());
            finish.addThemeVariants(ButtonVariant.SUCCESS);
            right.add(TaskTexts.statusBadge(task.getStatus(), this::getTranslation), finish);
        }
        card.add(text, right);
        return card;
    }

    private void change(Task task, TaskStatus status) {
        tasks.changeStatus(task.getId(), status);
        Notifications.success(getTranslation(status == TaskStatus.DONE ? "tasks.mine.doneNotice" : "tasks.mine.reopened",
                task.getTitle()));
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tasks.mine.title");
    }
}
