package com.campagne.reports.ui;

import com.campagne.base.documents.FileDownload;
import com.campagne.base.security.CurrentUser;
import com.campagne.base.ui.DownloadButton;
import com.campagne.base.ui.Formats;
import com.campagne.base.ui.MainLayout;
import com.campagne.base.ui.Notifications;
import com.campagne.base.ui.RouteIds;
import com.campagne.clients.Client;
import com.campagne.clients.ClientService;
import com.campagne.plans.Campaign;
import com.campagne.plans.CampaignService;
import com.campagne.reports.ReportSchedule;
import com.campagne.reports.ReportScheduleService;
import com.campagne.reports.ReportService;
import com.campagne.reports.ReportSummary;
import com.campagne.tenancy.Role;
import com.campagne.tenancy.TenantSettingsService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
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

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code clients/<id>/reports}: the client's report archive (download the PDF or the workbook as sent), a new
 * report on demand, and the schedules that send reports by themselves. Client viewers read the archive of
 * their granted clients only.
 */
@Route(value = "clients/:clientId/reports", layout = MainLayout.class)
@RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME, Role.CLIENT_VIEWER_NAME})
class ReportsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ClientService clients;
    private final CampaignService campaigns;
    private final ReportService reports;
    private final ReportScheduleService schedules;
    private final TenantSettingsService settings;
    private final boolean staff;
    private final boolean canSchedule;
    private final H2 title = new H2();
    private final Grid<ReportSummary> archive = new Grid<>();
    private final Grid<ReportSchedule> scheduleGrid = new Grid<>();
    private Client client;
    private ZoneId zone;
    private Map<UUID, String> campaignNames = Map.of();
    private List<Campaign> clientCampaigns = List.of();

    ReportsView(ClientService clients, CampaignService campaigns, ReportService reports,
                ReportScheduleService schedules, TenantSettingsService settings) {
        this.clients = clients;
        this.campaigns = campaigns;
        this.reports = reports;
        this.schedules = schedules;
        this.settings = settings;
        Optional<Role> role = CurrentUser.tenant().map(t -> t.role());
        this.staff = role.map(r -> r != Role.CLIENT_VIEWER).orElse(false);
        this.canSchedule = role.map(r -> r == Role.OWNER || r == Role.ADMIN || r == Role.MANAGER).orElse(false);
        setMaxWidth("80rem");
        title.getStyle().set("margin", "0");

        archive.setId("reports-archive");
        archive.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        archive.setAllRowsVisible(true);
        archive.addColumn(ReportSummary::title).setHeader(getTranslation("reports.col.title")).setFlexGrow(3);
        archive.addColumn(r -> label("reports.kind.", r.kind().name()))
                .setHeader(getTranslation("reports.col.kind")).setAutoWidth(true);
        archive.addColumn(r -> Formats.date(r.periodFrom(), getLocale()) + " – " + Formats.date(r.periodTo(), getLocale()))
                .setHeader(getTranslation("reports.col.period")).setAutoWidth(true);
        archive.addColumn(r -> Formats.dateTime(r.generatedAt(), zone, getLocale()) + " · "
                        + (r.generatedBy() == null ? getTranslation("reports.generatedBy.schedule") : r.generatedBy()))
                .setHeader(getTranslation("reports.col.generated")).setFlexGrow(2);
        archive.addColumn(r -> r.sentAt() == null ? getTranslation("reports.notSent")
                        : r.sentTo() + " · " + Formats.dateTime(r.sentAt(), zone, getLocale()))
                .setHeader(getTranslation("reports.col.sentTo")).setFlexGrow(2);
        archive.addComponentColumn(this::downloads).setHeader(getTranslation("reports.col.documents")).setAutoWidth(true);

        scheduleGrid.setId("reports-schedules");
        scheduleGrid.setAllRowsVisible(true);
        scheduleGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        scheduleGrid.addColumn(s -> label("reports.kind.", s.getKind().name()))
                .setHeader(getTranslation("reports.col.kind")).setAutoWidth(true);
        scheduleGrid.addColumn(s -> s.getCampaignId() == null ? getTranslation("reports.pdf.allCampaigns")
                : campaignNames.getOrDefault(s.getCampaignId(), "")).setHeader(getTranslation("reports.col.campaign"));
        scheduleGrid.addColumn(s -> String.join(", ", s.recipientList()))
                .setHeader(getTranslation("reports.col.recipients")).setFlexGrow(2);
        scheduleGrid.addColumn(s -> !s.isEnabled() ? getTranslation("reports.schedule.disabled")
                        : s.getNextRunAt() == null ? getTranslation("reports.schedule.done")
                        : Formats.dateTime(s.getNextRunAt(), zone, getLocale()))
                .setHeader(getTranslation("reports.col.nextRun")).setAutoWidth(true);
        scheduleGrid.addColumn(s -> s.getLastError() != null ? getTranslation("reports.schedule.failed")
                        : s.getLastRunAt() == null ? "" : Formats.dateTime(s.getLastRunAt(), zone, getLocale()))
                .setHeader(getTranslation("reports.col.lastRun")).setAutoWidth(true);
        if (canSchedule) {
            scheduleGrid.addComponentColumn(s -> {
                Button edit = new Button(getTranslation("reports.schedule.edit"), VaadinIcon.EDIT.create(),
                        e -> openSchedule(s));
                edit.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
                edit.addClassName("reports-schedule-edit");
                return edit;
            }).setAutoWidth(true);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Client> found = RouteIds.param(event, "clientId").flatMap(clients::find);
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class, getTranslation("client.notFound"));
            return;
        }
        client = found.get();
        zone = settings.currentZone();
        clientCampaigns = campaigns.list(client.getId());
        campaignNames = clientCampaigns.stream().collect(Collectors.toMap(Campaign::getId, Campaign::getName));
        title.setText(getTranslation("reports.title", client.getName()));

        Button back = new Button(getTranslation("reports.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("clients/" + client.getId())));
        back.setId("reports-client");
        back.addThemeVariants(ButtonVariant.TERTIARY);
        Paragraph intro = new Paragraph(getTranslation(staff ? "reports.intro" : "reports.intro.viewer"));
        intro.getStyle().set("color", "var(--lumo-secondary-text-color, #555)").set("margin", "0");
        removeAll();
        HorizontalLayout heading = new HorizontalLayout(title);
        heading.setWidthFull();
        heading.setAlignItems(FlexComponent.Alignment.CENTER);
        if (staff) {
            Button create = new Button(getTranslation("reports.new"), VaadinIcon.PLUS.create(), e -> openNewReport());
            create.setId("reports-new");
            create.addThemeVariants(ButtonVariant.PRIMARY);
            heading.add(create);
            heading.expand(title);
        }
        add(back, heading, intro, new H3(getTranslation("reports.archive")), archive);
        if (canSchedule) {
            Button schedule = new Button(getTranslation("reports.schedule.new"), VaadinIcon.CALENDAR_CLOCK.create(),
                    e -> openSchedule(schedules.draft(client.getId())));
            schedule.setId("reports-schedule-new");
            HorizontalLayout scheduleHeading = new HorizontalLayout(new H3(getTranslation("reports.schedules")), schedule);
            scheduleHeading.setAlignItems(FlexComponent.Alignment.BASELINE);
            Span scheduleText = new Span(getTranslation("reports.schedules.text"));
            scheduleText.getStyle().set("color", "var(--lumo-secondary-text-color, #555)");
            add(scheduleHeading, scheduleText, scheduleGrid);
        }
        refresh();
    }

    void refresh() {
        List<ReportSummary> items = reports.archive(client.getId());
        archive.setItems(items);
        archive.setVisible(!items.isEmpty());
        if (canSchedule) {
            scheduleGrid.setItems(schedules.list(client.getId()));
        }
    }

    private void openNewReport() {
        new NewReportDialog(reports, client, clientCampaigns, zone, report -> {
            Notifications.success(getTranslation(report.getSentAt() == null ? "reports.generated"
                    : "reports.generatedAndSent", report.getTitle()));
            refresh();
        }).open();
    }

    private void openSchedule(ReportSchedule schedule) {
        new ScheduleDialog(schedules, schedule, clientCampaigns, () -> refresh()).open();
    }

    private Component downloads(ReportSummary report) {
        HorizontalLayout links = new HorizontalLayout(
                link("report-pdf", "reports.download.pdf", VaadinIcon.FILE_TEXT_O, () -> reports.pdf(report.id())),
                link("report-xlsx", "reports.download.xlsx", VaadinIcon.TABLE, () -> reports.xlsx(report.id())));
        links.setSpacing(false);
        return links;
    }

    private Anchor link(String className, String textKey, VaadinIcon icon, Supplier<FileDownload> file) {
        Anchor anchor = DownloadButton.saving(getTranslation(textKey), icon, file, ButtonVariant.SMALL);
        anchor.addClassName(className);
        return anchor;
    }

    @Override
    public String getPageTitle() {
        return client == null ? getTranslation("reports.pageTitle") : getTranslation("reports.title", client.getName());
    }

    /** The label of one value of a family of keys (reports.kind.WEEKLY…). */
    private String label(String family, String value) {
        return getTranslation(family + value);
    }
}
