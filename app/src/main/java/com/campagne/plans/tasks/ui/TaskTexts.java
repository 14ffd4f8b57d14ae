package com.campagne.plans.tasks.ui;

import com.campagne.base.ui.Formats;
import com.campagne.plans.tasks.Task;
import com.campagne.plans.tasks.TaskStatus;
import com.campagne.tenancy.Membership;
import com.vaadin.flow.component.html.Span;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.BiFunction;

/** Labels of tasks shared by the campaign's list and "my tasks". */
final class TaskTexts {

    /** Due in this many days or fewer: shown as "due soon". */
    static final int SOON_DAYS = 2;

    private TaskTexts() {
    }

    // Keys written out in full so the bundle check sees each of them.
    static String statusKey(TaskStatus status) {
        return switch (status) {
            case TODO -> "tasks.status.TODO";
            case IN_PROGRESS -> "tasks.status.IN_PROGRESS";
            case DONE -> "tasks.status.DONE";
        };
    }

    static String name(Membership member) {
        String display = member.getUser().getDisplayName();
        return display == null || display.isBlank() ? member.getUser().getEmail() : display;
    }

    static String date(LocalDate date, Locale locale) {
        return Formats.date(date, locale);
    }

    static boolean late(Task task, LocalDate today) {
        return task.getStatus() != TaskStatus.DONE && task.getDueDate() != null && task.getDueDate().isBefore(today);
    }

    static boolean soon(Task task, LocalDate today) {
        return task.getStatus() != TaskStatus.DONE && task.getDueDate() != null && !late(task, today)
                && ChronoUnit.DAYS.between(today, task.getDueDate()) <= SOON_DAYS;
    }

    /** "En retard de 3 jours", "À faire aujourd’hui", "Pour demain", "Dans 5 jours · 12 mars 2027"… */
    static String due(Task task, LocalDate today, Locale locale, BiFunction<String, Object[], String> t) {
        if (task.getDueDate() == null) {
            return t.apply("tasks.due.none", new Object[0]);
        }
        String date = date(task.getDueDate(), locale);
        if (task.getStatus() == TaskStatus.DONE) {
            return t.apply("tasks.due.on", new Object[]{date});
        }
        long days = ChronoUnit.DAYS.between(today, task.getDueDate());
        if (days < -1) {
            return t.apply("tasks.due.lateDays", new Object[]{-days});
        } else if (days == -1) {
            return t.apply("tasks.due.lateOneDay", new Object[0]);
        } else if (days == 0) {
            return t.apply("tasks.due.today", new Object[0]);
        } else if (days == 1) {
            return t.apply("tasks.due.tomorrow", new Object[0]);
        }
        return t.apply("tasks.due.inDays", new Object[]{days, date});
    }

    /** The due label, red when late, amber when soon. */
    static Span dueBadge(Task task, LocalDate today, Locale locale, BiFunction<String, Object[], String> t) {
        Span span = new Span(due(task, today, locale, t));
        span.addClassName("task-due");
        if (late(task, today)) {
            span.getStyle().set("color", "#b91c1c").set("font-weight", "700");
            span.getElement().setAttribute("data-late", "true");
        } else if (soon(task, today)) {
            span.getStyle().set("color", "#92400e").set("font-weight", "600");
        }
        return span;
    }

    static Span statusBadge(TaskStatus status, BiFunction<String, Object[], String> t) {
        Span badge = new Span(t.apply(statusKey(status), new Object[0]));
        String[] colours = switch (status) {
            case TODO -> new String[]{"#4b5563", "#eef0f3"};
            case IN_PROGRESS -> new String[]{"#0b4a8b", "#dbeafe"};
            case DONE -> new String[]{"#0b5d2a", "#dcf5e4"};
        };
        badge.getStyle().set("color", colours[0]).set("background", colours[1]).set("border-radius", "999px")
                .set("padding", "0.15em 0.7em").set("font-size", "var(--lumo-font-size-s, 0.875rem)")
                .set("font-weight", "600").set("white-space", "nowrap");
        badge.addClassName("task-status");
        badge.getElement().setAttribute("data-status", status.name());
        return badge;
    }
}
