package com.campagne.plans.tasks.ui;

import com.campagne.base.ui.Formats;
import com.campagne.base.ui.Notifications;
import com.campagne.plans.CampaignException;
import com.campagne.plans.PlanLineItem;
import com.campagne.plans.tasks.Task;
import com.campagne.plans.tasks.TaskComment;
import com.campagne.plans.tasks.TaskService;
import com.campagne.plans.tasks.TaskStatus;
import com.campagne.tenancy.Membership;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Adds or edits one task: title, description, line item, assignee, due date and status, and for a saved
 * task its thread of comments. Each field shows its own error, all at once, as the service reports them.
 */
class TaskDialog extends Dialog {

    private final TaskService service;
    private final ZoneId zone;
    private final Runnable onChange;
    private final TextField title = new TextField();
    private final TextArea description = new TextArea();
    private final ComboBox<PlanLineItem> lineItem = new ComboBox<>();
    private final ComboBox<Membership> assignee = new ComboBox<>();
    private final DatePicker due = new DatePicker();
    private final Select<TaskStatus> status = new Select<>();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private Task task;

    TaskDialog(TaskService service, Task task, List<Membership> members, List<PlanLineItem> lines,
               Function<PlanLineItem, String> lineLabel, ZoneId zone, Runnable onChange) {
        this.service = service;
        this.task = task;
        this.zone = zone;
        this.onChange = onChange;
        setId("task-dialog");
        setWidth("min(44rem, 96vw)");
        setHeaderTitle(getTranslation(task.getVersion() == null ? "tasks.dialog.new" : "tasks.dialog.edit"));

        field(title, "title", "tasks.field.title", "task-title");
        title.setMaxLength(300);
        title.setRequiredIndicatorVisible(true);
        title.setManualValidation(true);
        field(description, "description", "tasks.field.description", "task-description");
        description.setMaxLength(4000);
        description.setManualValidation(true);
        description.setPlaceholder(getTranslation("tasks.field.description.placeholder"));
        field(lineItem, "lineItem", "tasks.field.lineItem", "task-line");
        lineItem.setItems(lines);
        lineItem.setItemLabelGenerator(lineLabel::apply);
        lineItem.setPlaceholder(getTranslation("tasks.field.lineItem.none"));
        lineItem.setClearButtonVisible(true);
        lineItem.setManualValidation(true);
        field(assignee, "assignee", "tasks.field.assignee", "task-assignee");
        assignee.setItems(members);
        assignee.setItemLabelGenerator(TaskTexts::name);
        assignee.setClearButtonVisible(true);
        assignee.setManualValidation(true);
        assignee.setHelperText(getTranslation("tasks.field.assignee.help"));
        field(due, "dueDate", "tasks.field.due", "task-due");
        due.setLocale(getLocale());
        due.setManualValidation(true);
        field(status, "status", "tasks.field.status", "task-status");
        status.setItems(TaskStatus.values());
        status.setItemLabelGenerator(s -> getTranslation(TaskTexts.statusKey(s)));

        title.setValue(task.getTitle() == null ? "" : task.getTitle());
        description.setValue(task.getDescription() == null ? "" : task.getDescription());
        lineItem.setValue(lines.stream().filter(l -> l.getId().equals(task.getLineItemId())).findFirst().orElse(null));
        assignee.setValue(members.stream().filter(m -> m.getId().equals(task.getAssigneeId())).findFirst().orElse(null));
        due.setValue(task.getDueDate());
        status.setValue(task.getStatus());

        FormLayout form = new FormLayout(title, description, lineItem, assignee, due, status);
        form.setColspan(title, 2);
        form.setColspan(description, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        add(form);
        if (task.getVersion() != null) {
            add(thread());
        }

        Button save = new Button(getTranslation("action.save"), e -> save());
        save.setId("task-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.setId("task-cancel");
        if (task.getVersion() != null && service.canDelete(task)) {
            Button delete = new Button(getTranslation("tasks.delete"), e -> delete());
            delete.setId("task-delete");
            delete.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
            getFooter().add(delete);
        }
        getFooter().add(cancel, save);
    }

    private void field(com.vaadin.flow.component.Component component, String key, String labelKey, String id) {
        component.setId(id);
        ((com.vaadin.flow.component.HasLabel) component).setLabel(getTranslation(labelKey));
        fields.put(key, (HasValidation) component);
    }

    private VerticalLayout thread() {
        VerticalLayout thread = new VerticalLayout();
        thread.setPadding(false);
        thread.setSpacing(false);
        H4 heading = new H4(getTranslation("tasks.comments"));
        heading.getStyle().set("margin", "1rem 0 0.25rem");
        Div list = new Div();
        list.setId("task-comments");
        list.setWidthFull();
        TextArea body = new TextArea(getTranslation("tasks.comment.field"));
        body.setId("task-comment");
        body.setWidthFull();
        body.setMaxLength(4000);
        body.setManualValidation(true);
        Button send = new Button(getTranslation("tasks.comment.add"), e -> {
            body.setInvalid(false);
            try {
                service.comment(task.getId(), body.getValue());
                body.clear();
                showComments(list);
            } catch (CampaignException ex) {
                body.setErrorMessage(getTranslation(ex.messageKey()));
                body.setInvalid(true);
            }
        });
        send.setId("task-comment-add");
        showComments(list);
        thread.add(heading, list, body, send);
        return thread;
    }

    private void showComments(Div list) {
        list.removeAll();
        List<TaskComment> comments = service.comments(task.getId());
        if (comments.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("tasks.comments.none"));
            none.getStyle().set("color", "var(--lumo-secondary-text-color, #555)").set("margin", "0");
            list.add(none);
        }
        for (TaskComment comment : comments) {
            Div item = new Div();
            item.addClassName("task-comment");
            item.getStyle().set("border-left", "3px solid var(--lumo-contrast-20pct, #ccc)")
                    .set("padding", "0.25rem 0.75rem").set("margin", "0.4rem 0");
            Span who = new Span(getTranslation("tasks.comment.by", comment.getAuthorName() == null
                    ? getTranslation("campaigns.history.unknown") : comment.getAuthorName(),
                    Formats.dateTime(comment.getCreatedAt(), zone, getLocale())));
            who.getStyle().set("font-size", "var(--lumo-font-size-s, 0.875rem)")
                    .set("color", "var(--lumo-secondary-text-color, #555)");
            Paragraph text = new Paragraph(comment.getBody());
            text.getStyle().set("margin", "0.1rem 0 0").set("white-space", "pre-line");
            item.add(who, text);
            list.add(item);
        }
    }

    private void save() {
        fields.values().forEach(f -> f.setInvalid(false));
        task.setTitle(title.getValue());
        task.setDescription(description.getValue());
        task.setLineItemId(lineItem.getValue() == null ? null : lineItem.getValue().getId());
        task.setAssigneeId(assignee.getValue() == null ? null : assignee.getValue().getId());
        task.setDueDate(due.getValue());
        task.setStatus(status.getValue());
        try {
            boolean created = task.getVersion() == null;
            task = service.save(task);
            Notifications.success(getTranslation(created ? "tasks.created" : "tasks.saved", task.getTitle()));
            close();
            onChange.run();
        } catch (CampaignException e) {
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
        } catch (ObjectOptimisticLockingFailureException e) {
            Notifications.error(getTranslation("form.concurrentChange"));
        }
    }

    private void delete() {
        try {
            service.delete(task.getId());
            Notifications.success(getTranslation("tasks.deleted", task.getTitle()));
            close();
            onChange.run();
        } catch (CampaignException e) {
            Notifications.error(getTranslation(e.messageKey()));
        }
    }
}
