package com.campagne.support.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import java.util.List;

/** {@code tasks}: "Mes tâches", the open tasks given to the user, and the finished ones. */
public class MyTasksPage extends Shell {

    public MyTasksPage(Page page) {
        super(page);
    }

    public static MyTasksPage open(Page page) {
        MyTasksPage mine = new MyTasksPage(page);
        mine.open("tasks");
        return mine;
    }

    /** The task cards, in order, each as its text. */
    public List<String> tasks() {
        return cards().allInnerTexts().stream().map(t -> t.replaceAll("\\s+", " ").trim()).toList();
    }

    private Locator cards() {
        return page.locator("#my-tasks .my-task");
    }

    public Locator card(String title) {
        return cards().filter(new Locator.FilterOptions().setHasText(title));
    }

    /** The due label of a task ("En retard de 3 jours"…) and whether it is shown as late. */
    public String due(String title) {
        return card(title).locator(".task-due").innerText().trim();
    }

    public boolean late(String title) {
        return "true".equals(card(title).locator(".task-due").getAttribute("data-late"));
    }

    public MyTasksPage markDone(String title) {
        card(title).locator(".my-task-done").click();
        waitForVaadin();
        return this;
    }

    public MyTasksPage showDone() {
        click("my-tasks-done");
        return this;
    }

    public MyTasksPage showOpen() {
        click("my-tasks-open");
        return this;
    }

    public boolean isEmpty() {
        return byId("my-tasks-empty").isVisible();
    }

    public String emptyText() {
        return byId("my-tasks-empty").innerText();
    }
}
