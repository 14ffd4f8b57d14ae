package com.campagne.support.pages;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;

import java.util.List;

/** {@code /clients/<id>/reports}: a client's report archive, the new-report dialog and the schedules. */
public class ReportsPage extends DialogForm {

    public ReportsPage(Page page) {
        super(page);
    }

    public static ReportsPage current(Page page) {
        page.waitForURL("**/reports");
        ReportsPage reports = new ReportsPage(page);
        reports.waitForVaadin();
        return reports;
    }

    public String title() {
        return page.locator("h2").first().innerText().trim();
    }

    /** Opens the dialog of a new schedule (weekly, to the client's contact e-mail, by default). */
    public ReportsPage newSchedule() {
        click("reports-schedule-new");
        byId("schedule-recipients").waitFor();
        return this;
    }

    public String scheduleRecipients() {
        return byId("schedule-recipients").locator("textarea").inputValue();
    }

    public String scheduleKind() {
        return byId("schedule-kind").locator("vaadin-select-value-button").innerText().trim();
    }

    public ReportsPage scheduleKind(String label) {
        select("schedule-kind", label);
        return this;
    }

    public ReportsPage scheduleCommentary(String text) {
        type("schedule-commentary", text);
        return this;
    }

    public ReportsPage scheduleRecipients(String text) {
        type("schedule-recipients", text);
        return this;
    }

    public ReportsPage saveSchedule() {
        click("schedule-save");
        return this;
    }

    public List<String> schedules() {
        return GridRows.of(page, "reports-schedules");
    }

    public List<String> archive() {
        return GridRows.of(page, "reports-archive");
    }

    public boolean canCreate() {
        return byId("reports-new").count() > 0;
    }

    public boolean canSchedule() {
        return byId("reports-schedule-new").count() > 0;
    }

    /** Downloads the PDF of the first archived report through its link. */
    public Download downloadFirstPdf() {
        return page.waitForDownload(() -> page.locator("#reports-archive .report-pdf").first().click());
    }
}
