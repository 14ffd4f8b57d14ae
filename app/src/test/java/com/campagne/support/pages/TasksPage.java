package com.campagne.support.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;

import java.util.List;

/** {@code clients/<id>/campaigns/<id>/tasks}: a campaign's tasks and the task dialog. */
public class TasksPage extends Shell {

    public TasksPage(Page page) {
        super(page);
    }

    public static TasksPage current(Page page) {
        page.waitForURL(java.util.regex.Pattern.compile(".*/campaigns/[0-9a-f-]{36}/tasks(\\?.*)?$"));
        TasksPage tasks = new TasksPage(page);
        tasks.waitForVaadin();
        return tasks;
    }

    public String title() {
        return byId("tasks-title").innerText().trim();
    }

    public boolean isEmpty() {
        return byId("tasks-empty").isVisible();
    }

    public String emptyText() {
        return byId("tasks-empty").innerText();
    }

    /** Opens the dialog of a new task. */
    public TasksPage add() {
        click("tasks-add");
        byId("task-title").waitFor();
        return this;
    }

    public TasksPage title(String value) {
        type("task-title", value);
        return this;
    }

    public TasksPage description(String value) {
        type("task-description", value);
        return this;
    }

    /** Picks the colleague by the name shown in the list. */
    public TasksPage assignee(String name) {
        Locator input = page.locator("#task-assignee > input");
        input.fill(name);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(name)).first().click();
        waitForVaadin();
        return this;
    }

    /** Types the due date the way a French user does (dd/MM/yyyy). */
    public TasksPage due(String date) {
        Locator input = page.locator("#task-due > input");
        input.fill(date);
        input.press("Enter");
        input.blur();
        waitForVaadin();
        return this;
    }

    public TasksPage save() {
        click("task-save");
        return this;
    }

    /** Saves a valid task and waits for the dialog to close. */
    public TasksPage saveAndClose() {
        click("task-save");
        byId("task-title").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
        waitForVaadin();
        return this;
    }

    public boolean dialogOpen() {
        return byId("task-title").isVisible();
    }

    public String error(String fieldId) {
        return fieldError(fieldId);
    }

    public TasksPage comment(String text) {
        type("task-comment", text);
        click("task-comment-add");
        return this;
    }

    public List<String> comments() {
        return page.locator("#task-comments .task-comment").allInnerTexts().stream().map(String::trim).toList();
    }

    /** The rows of the grid, each as the texts of its cells joined by " | ". */
    @SuppressWarnings("unchecked")
    public List<String> rows() {
        if (!byId("tasks-grid").isVisible()) {
            return List.of();
        }
        waitForVaadin();
        page.waitForFunction("() => { const g = document.querySelector('#tasks-grid');"
                + " return g && !g.loading && !g.hasAttribute('loading'); }");
        return (List<String>) byId("tasks-grid").evaluate("""
                grid => [...grid.shadowRoot.querySelectorAll('tbody#items tr')]
                    .filter(r => !r.hidden && r.index !== undefined && r.index < grid.size)
                    .sort((a, b) => a.index - b.index)
                    .map(r => [...r.querySelectorAll('td slot')]
                        .map(s => s.assignedElements()[0])
                        .map(c => c ? c.textContent.trim() : '').join(' | '))""");
    }
}
