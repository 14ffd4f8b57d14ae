package com.campagne.connectors.sync.ui;

import com.campagne.base.ui.Formats;
import com.campagne.base.ui.Notifications;
import com.campagne.connectors.sync.SyncHistory;
import com.campagne.connectors.sync.SyncRunStatus;
import com.campagne.connectors.sync.SyncService;
import com.campagne.tenancy.TenantSettingsService;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.shared.Registration;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The sync part of a connection's page: "Synchroniser maintenant", the live counts of the run going
 * on (the page polls every second while a run is queued or running, and stops polling after), and
 * the history of runs, each opening onto the records it refused. Embed it with the connection's id.
 */
public class SyncPanel extends VerticalLayout {

    /** How many runs the history shows. */
    static final int HISTORY_SIZE = 20;
    private static final int POLL_MILLIS = 1000;

    private final UUID connectionId;
    private final SyncService syncService;
    private final SyncHistory history;
    private final ZoneId zone;
    private final Button syncNow = new Button();
    private final Span progress = new Span();
    private final Grid<SyncHistory.Run> runs = new Grid<>();
    private Registration pollListener;
    private boolean polling;

    public SyncPanel(UUID connectionId, SyncService syncService, SyncHistory history,
                     TenantSettingsService tenantSettings) {
        this(connectionId, syncService, history, tenantSettings, true);
    }

    /**
     * The panel, without "Synchroniser maintenant" when {@code canSync} is false (its connector is
     * unavailable): the history of what was imported stays in sight.
     */
    public SyncPanel(UUID connectionId, SyncService syncService, SyncHistory history,
                     TenantSettingsService tenantSettings, boolean canSync) {
        this.connectionId = connectionId;
        this.syncService = syncService;
        this.history = history;
        this.zone = tenantSettings.currentZone();
        setId("sync-panel");
        setPadding(false);

        syncNow.setId("sync-now");
        syncNow.setText(getTranslation("sync.now"));
        syncNow.addThemeVariants(ButtonVariant.PRIMARY);
        syncNow.addClickListener(e -> startSync());
        progress.setId("sync-progress");
        HorizontalLayout bar = new HorizontalLayout(syncNow, progress);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.setVisible(canSync);

        runs.setId("sync-runs");
        runs.setAllRowsVisible(true);
        runs.addColumn(r -> Formats.dateTime(r.startedAt() == null ? r.queuedAt() : r.startedAt(), zone, getLocale()))
                .setHeader(getTranslation("sync.started")).setAutoWidth(true).setFlexGrow(0);
        runs.addColumn(r -> Formats.dateTime(r.endedAt(), zone, getLocale()))
                .setHeader(getTranslation("sync.ended")).setAutoWidth(true).setFlexGrow(0);
        runs.addColumn(r -> duration(r.duration())).setHeader(getTranslation("sync.duration")).setAutoWidth(true);
        runs.addColumn(r -> Formats.number(r.counts().read(), getLocale()))
                .setHeader(getTranslation("sync.read")).setAutoWidth(true);
        runs.addColumn(r -> Formats.number(r.counts().written(), getLocale()))
                .setHeader(getTranslation("sync.written")).setAutoWidth(true);
        runs.addColumn(r -> Formats.number(r.counts().rejected(), getLocale()))
                .setHeader(getTranslation("sync.rejected")).setAutoWidth(true);
        runs.addColumn(r -> status(r.status())).setHeader(getTranslation("sync.status")).setAutoWidth(true);
        // A run's message (why it failed, e.g. which line of a file) says what to fix: too long for a
        // cell, it is read whole under the run, open at once for a failed run.
        runs.setItemDetailsRenderer(new ComponentRenderer<>(this::errorsOf));
        runs.setDetailsVisibleOnClick(true);

        add(new H3(getTranslation("sync.title")), bar, runs);
        refresh();
    }

    private void startSync() {
        syncService.syncNow(connectionId);
        Notifications.success(getTranslation("sync.queued"));
        refresh();
    }

    /** Reloads the history and the live counts; polls while a run is not over. */
    void refresh() {
        List<SyncHistory.Run> recent = history.recentRuns(connectionId, HISTORY_SIZE);
        runs.setItems(recent);
        recent.stream().filter(r -> r.status() == SyncRunStatus.FAILED && r.message() != null)
                .forEach(r -> runs.setDetailsVisible(r, true));
        // Auto widths are measured on the first rows only: a run that ends later would show "23 …" as its end.
        runs.recalculateColumnWidths();
        SyncHistory.Run active = recent.stream().filter(r -> r.status().active()).findFirst().orElse(null);
        syncNow.setEnabled(active == null);
        if (active == null) {
            progress.setText("");
        } else if (active.status() == SyncRunStatus.QUEUED) {
            progress.setText(active.message() == null ? getTranslation("sync.waiting") : active.message(getLocale()));
        } else {
            progress.setText(getTranslation("sync.progress", Formats.number(active.counts().read(), getLocale()),
                    Formats.number(active.counts().written(), getLocale()),
                    Formats.number(active.counts().rejected(), getLocale())));
        }
        poll(active != null);
    }

    private void poll(boolean on) {
        if (on == polling) {
            return;
        }
        getUI().ifPresent(ui -> {
            ui.setPollInterval(on ? POLL_MILLIS : -1);
            polling = on;
        });
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        pollListener = ui.addPollListener(e -> refresh());
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (pollListener != null) {
            pollListener.remove();
        }
        if (polling) {
            event.getUI().setPollInterval(-1);
            polling = false;
        }
        super.onDetach(event);
    }

    private VerticalLayout errorsOf(SyncHistory.Run run) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        if (run.message() != null && !run.message().isBlank()) {
            Span message = new Span(run.message(getLocale()));
            message.addClassName("sync-run-message");
            // Messages list lines ("ligne 7 : …") one under the other.
            message.getStyle().set("white-space", "pre-line");
            if (run.status() == SyncRunStatus.FAILED) {
                message.getStyle().set("color", "var(--lumo-error-text-color)");
            }
            box.add(message);
        }
        List<SyncHistory.RunError> errors = run.counts().rejected() == 0 ? List.of() : history.errors(run.id());
        if (errors.isEmpty()) {
            if (run.message() != null && !run.message().isBlank()) {
                return box;
            }
            box.add(new Span(getTranslation("sync.errors.none")));
            return box;
        }
        Grid<SyncHistory.RunError> grid = new Grid<>();
        grid.addClassName("sync-errors");
        grid.setAllRowsVisible(true);
        grid.addColumn(e -> e.location(getLocale())).setHeader(getTranslation("sync.errors.where")).setAutoWidth(true);
        grid.addColumn(e -> e.reason(getLocale())).setHeader(getTranslation("sync.errors.reason")).setFlexGrow(2);
        // A file import names the line and the reason: an empty "record received" column would only puzzle.
        if (errors.stream().anyMatch(e -> e.record() != null && !e.record().isBlank())) {
            grid.addColumn(SyncHistory.RunError::record).setHeader(getTranslation("sync.errors.record")).setFlexGrow(3);
        }
        grid.setItems(errors);
        box.add(grid);
        if (run.counts().rejected() > errors.size()) {
            box.add(new Span(getTranslation("sync.errors.more", Formats.number(run.counts().rejected() - errors.size(),
                    getLocale()))));
        }
        return box;
    }

    private String status(SyncRunStatus status) {
        return switch (status) {
            case QUEUED -> getTranslation("sync.status.queued");
            case RUNNING -> getTranslation("sync.status.running");
            case SUCCEEDED -> getTranslation("sync.status.succeeded");
            case FAILED -> getTranslation("sync.status.failed");
        };
    }

    private String duration(Duration duration) {
        if (duration == null) {
            return "";
        }
        long seconds = duration.toSeconds();
        return seconds < 60 ? getTranslation("sync.seconds", seconds)
                : getTranslation("sync.minutes", seconds / 60, seconds % 60);
    }
}
