package com.campagne.connectors.sync;

import com.campagne.base.db.TenantContext;
import com.campagne.base.db.TenantTransactions;
import com.campagne.connectors.api.Category;
import com.campagne.connectors.api.ConnectorException;
import com.campagne.connectors.api.FailureType;
import com.campagne.connectors.api.ReadRequest;
import com.campagne.connectors.api.Stream;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.connections.ConnectionTarget;
import com.campagne.connectors.connections.ConnectionTargets;
import com.campagne.connectors.runtime.ConnectorCatalog;
import com.campagne.connectors.runtime.ConnectorHandle;
import com.campagne.connectors.runtime.HostConnectorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs syncs: queues a run of a connection (one at a time per connection), then reads the connector
 * into a {@link SyncSession} under a time-out and records how it ended. Whatever the connector does
 * — throw, hang, push garbage or too much, push another account's rows — ends as a run with a status
 * and a message, never as a stuck scheduler thread or foreign rows. Called by the scheduler's tasks
 * ({@link SyncScheduling}); tests call {@link #run(ConnectionTarget, UUID, SyncProperties)} directly.
 */
@Component
public class SyncEngine {

    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.FRENCH);
    /** Where the range of a file import starts: early enough for any report a user may upload. */
    private static final LocalDate FILE_RANGE_START = LocalDate.of(2000, 1, 1);

    private final ConnectorCatalog catalog;
    private final SyncRecordStore store;
    private final ObjectProvider<ConnectionTargets> targets;
    private final TenantTransactions transactions;
    private final JdbcTemplate jdbc;
    private final SyncProgress progress;
    private final SyncProperties settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public SyncEngine(ConnectorCatalog catalog, SyncRecordStore store, ObjectProvider<ConnectionTargets> targets,
                      TenantTransactions transactions, JdbcTemplate jdbc, SyncProgress progress,
                      SyncProperties settings, Clock clock, ApplicationEventPublisher events) {
        this.catalog = catalog;
        this.store = store;
        this.targets = targets;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.progress = progress;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
    }

    public SyncProperties settings() {
        return settings;
    }

    /**
     * A run queued for a connection.
     *
     * @param runId the run
     * @param isNew whether it was created now ({@code false}: one was already queued or running)
     */
    public record Queued(UUID runId, boolean isNew) {
    }

    /**
     * How a run attempt ended.
     *
     * @param status  the run's status now
     * @param attempt the attempt to run next (for a retry) or the last one
     * @param retryAt when to run again, or {@code null}
     */
    public record Outcome(SyncRunStatus status, int attempt, Instant retryAt) {
    }

    /**
     * Queues a run of a connection of a tenant, in a transaction of its own (committed before the
     * scheduler may pick the task), unless one is already queued or running.
     *
     * @return the run, or empty when the tenant has no such connection
     */
    public Optional<Queued> queue(UUID tenantId, UUID connectionId, SyncTrigger trigger, UUID triggeredBy) {
        return transactions.inScope(TenantContext.Scope.tenant(tenantId), () -> {
            // Locking the connection serialises two "sync now" clicks; the second sees the first's run.
            // NO KEY UPDATE, not UPDATE: a running session's inserts hold KEY SHARE on this row (the
            // foreign key) until their checkpoint, and a click must not wait for that.
            List<String> connection = jdbc.queryForList("select connector_id from connections where tenant_id = ?"
                    + " and id = ? for no key update", String.class, tenantId, connectionId);
            if (connection.isEmpty()) {
                return Optional.<Queued>empty();
            }
            List<UUID> active = jdbc.queryForList("select id from sync_runs where tenant_id = ? and connection_id = ?"
                    + " and status in ('QUEUED', 'RUNNING') order by queued_at desc limit 1", UUID.class, tenantId,
                    connectionId);
            if (!active.isEmpty()) {
                return Optional.of(new Queued(active.getFirst(), false));
            }
            UUID runId = UUID.randomUUID();
            LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
            // An uploaded report is imported whole, whatever its dates: the range must cover any file.
            boolean file = catalog.find(connection.getFirst())
                    .map(h -> h.spec().category() == Category.FILE).orElse(false);
            LocalDate from = file ? FILE_RANGE_START : today.minusDays(settings.fullDays());
            LocalDate to = file ? today.plusYears(1) : today;
            jdbc.update("insert into sync_runs (tenant_id, id, connection_id, trigger, status, range_from, range_to,"
                            + " attempt, queued_at, triggered_by, version) values (?, ?, ?, ?, 'QUEUED', ?, ?, 1, ?, ?, 0)",
                    tenantId, runId, connectionId, trigger.name(), Date.valueOf(from), Date.valueOf(to),
                    Timestamp.from(clock.instant()), triggeredBy);
            return Optional.of(new Queued(runId, true));
        });
    }

    /** Runs an attempt of a queued run, loading its connection (the scheduler's entry point). */
    public Outcome run(UUID tenantId, UUID connectionId, UUID runId) {
        ConnectionTargets source = targets.getIfAvailable();
        Optional<ConnectionTarget> target = source == null ? Optional.empty()
                : transactions.inScope(TenantContext.Scope.tenant(tenantId), () -> source.load(tenantId, connectionId));
        if (target.isEmpty()) {
            return fail(tenantId, runId, FailureType.BAD_SETTINGS, Text.of(
                    "Connexion introuvable ou désactivée : rien n’a été synchronisé.",
                    "Connection not found or paused: nothing was synced."), null);
        }
        return run(target.get(), runId, settings);
    }

    /** Runs an attempt of a queued run of that connection, with the configured settings. */
    public Outcome run(ConnectionTarget target, UUID runId) {
        return run(target, runId, settings);
    }

    /** Runs an attempt of a queued run of that connection. */
    public Outcome run(ConnectionTarget target, UUID runId, SyncProperties with) {
        UUID tenantId = target.tenantId();
        Optional<RunRow> row = runRow(tenantId, runId);
        if (row.isEmpty() || !row.get().status().active()) {
            // Cancelled with its connection, or ended already (a revived duplicate): nothing to do.
            return new Outcome(row.map(RunRow::status).orElse(SyncRunStatus.FAILED),
                    row.map(RunRow::attempt).orElse(1), null);
        }
        RunRow run = row.get();
        Optional<ConnectorHandle> handle = catalog.find(target.connectorId());
        if (handle.isEmpty()) {
            return fail(tenantId, runId, FailureType.PERMANENT, Text.of(
                    "Connecteur indisponible : le module qui fournit « " + target.connectorId()
                            + " » n’est pas installé ou est désactivé.",
                    "Connector unavailable: the plugin that provides \"" + target.connectorId()
                            + "\" is not installed or is disabled."), null);
        }
        transactions.inScope(TenantContext.Scope.tenant(tenantId), () -> jdbc.update("update sync_runs set"
                + " status = 'RUNNING', started_at = coalesce(started_at, ?), message = null, message_en = null,"
                + " version = version + 1"
                + " where tenant_id = ? and id = ?", Timestamp.from(clock.instant()), tenantId, runId));

        String state = store.savedState(tenantId, target.connectionId()).orElse(null);
        ReadRequest request = new ReadRequest(target.settings(), target.accountIds(), EnumSet.allOf(Stream.class),
                run.from(), run.to(), state);
        SyncTarget sink = new SyncTarget(tenantId, target.clientId(), target.connectionId(), runId,
                target.accountIds(), with.maxRecords());
        SyncSession session = store.open(sink);
        progress.started(runId, session::counts);
        try {
            try {
                // Fresh OAuth 2 access tokens first (a refused refresh ends the run as an expired authorisation).
                ConnectionTargets source = targets.getIfAvailable();
                ConnectionTarget call = source == null ? target : source.beforeCall(target);
                handle.get().read(HostConnectorContext.forConnector(target.connectorId(), call.secrets(),
                        Locale.FRENCH), request, session, with.readTimeout());
                if (session instanceof JdbcSyncSession jdbcSession && jdbcSession.failure() != null) {
                    throw jdbcSession.failure();
                }
                session.complete();
                return finish(tenantId, runId, SyncRunStatus.SUCCEEDED, null, null, session.counts());
            } catch (ConnectorException e) {
                ConnectorException cause = session instanceof JdbcSyncSession jdbcSession
                        && jdbcSession.failure() != null ? jdbcSession.failure() : e;
                session.close();
                return failed(target, run, cause, session.counts(), with);
            } catch (RuntimeException e) {
                log.warn("Sync run {} of connection {} failed", runId, target.connectionId(), e);
                session.close();
                return finish(tenantId, runId, SyncRunStatus.FAILED, FailureType.PERMANENT,
                        Text.of("Erreur interne pendant l’enregistrement des données : " + e.getMessage(),
                                "Internal error while storing the data: " + e.getMessage()), session.counts());
            }
        } finally {
            session.close();
            progress.ended(runId);
        }
    }

    private Outcome failed(ConnectionTarget target, RunRow run, ConnectorException e, SyncCounts counts,
                           SyncProperties with) {
        Text message = e.userMessage();
        FailureType type = e.type();
        boolean passing = type == FailureType.TRANSIENT || type == FailureType.RATE_LIMITED;
        if (passing && run.attempt() < with.maxAttempts()) {
            Duration wait = type == FailureType.RATE_LIMITED && e.retryAfter() != null ? e.retryAfter()
                    : with.backoff().multipliedBy(1L << Math.min(run.attempt() - 1, 16));
            Instant at = clock.instant().plus(wait);
            int next = run.attempt() + 1;
            String time = TIME.format(at.atZone(with.zone()));
            Text retry = Text.of(message.fr() + " Nouvel essai (" + next + "/" + with.maxAttempts() + ") à " + time + ".",
                    message.en() + " Retry (" + next + "/" + with.maxAttempts() + ") at " + time + ".");
            transactions.inScope(TenantContext.Scope.tenant(target.tenantId()), () -> jdbc.update("update sync_runs"
                            + " set status = 'QUEUED', attempt = ?, failure_type = ?, message = ?, message_en = ?,"
                            + " records_read = ?, records_written = ?, records_rejected = ?, version = version + 1"
                            + " where tenant_id = ? and id = ?", next, type.name(), truncate(retry.fr()),
                    truncate(retry.en()), counts.read(),
                    counts.written(), counts.rejected(), target.tenantId(), run.id()));
            log.info("Sync run {} of connection {} failed ({}), retry {} at {}", run.id(), target.connectionId(),
                    type, next, at);
            return new Outcome(SyncRunStatus.QUEUED, next, at);
        }
        log.info("Sync run {} of connection {} failed: {} {}", run.id(), target.connectionId(), type, e.getMessage());
        return finish(target.tenantId(), run.id(), SyncRunStatus.FAILED, type, message, counts);
    }

    private Outcome fail(UUID tenantId, UUID runId, FailureType type, Text message, SyncCounts counts) {
        return finish(tenantId, runId, SyncRunStatus.FAILED, type, message, counts);
    }

    private Outcome finish(UUID tenantId, UUID runId, SyncRunStatus status, FailureType type, Text message,
                           SyncCounts counts) {
        String fr = message == null ? null : truncate(message.fr());
        String en = message == null ? null : truncate(message.en());
        return transactions.inScope(TenantContext.Scope.tenant(tenantId), () -> {
            Instant now = clock.instant();
            if (counts == null) {
                jdbc.update("update sync_runs set status = ?, failure_type = ?, message = ?, message_en = ?,"
                                + " ended_at = ?, started_at = coalesce(started_at, ?), version = version + 1"
                                + " where tenant_id = ? and id = ?",
                        status.name(), type == null ? null : type.name(), fr, en, Timestamp.from(now),
                        Timestamp.from(now), tenantId, runId);
            } else {
                jdbc.update("update sync_runs set status = ?, failure_type = ?, message = ?, message_en = ?,"
                                + " ended_at = ?, records_read = ?, records_written = ?, records_rejected = ?,"
                                + " version = version + 1 where tenant_id = ? and id = ?", status.name(),
                        type == null ? null : type.name(), fr, en, Timestamp.from(now), counts.read(), counts.written(), counts.rejected(),
                        tenantId, runId);
            }
            Integer attempt = jdbc.queryForList("select attempt from sync_runs where tenant_id = ? and id = ?",
                    Integer.class, tenantId, runId).stream().findFirst().orElse(1);
            // Alerts and the like react once the run's end (and what it wrote) is committed.
            jdbc.queryForList("select connection_id from sync_runs where tenant_id = ? and id = ?", UUID.class,
                    tenantId, runId).stream().findFirst()
                    .ifPresent(connectionId -> events.publishEvent(new SyncRunFinished(tenantId, connectionId, runId, status)));
            return new Outcome(status, attempt, null);
        });
    }

    private record RunRow(UUID id, SyncRunStatus status, int attempt, LocalDate from, LocalDate to) {
    }

    private Optional<RunRow> runRow(UUID tenantId, UUID runId) {
        return transactions.inScope(TenantContext.Scope.tenant(tenantId), () -> jdbc.query(
                "select status, attempt, range_from, range_to from sync_runs where tenant_id = ? and id = ?",
                (rs, i) -> new RunRow(runId, SyncRunStatus.valueOf(rs.getString(1)), rs.getInt(2),
                        rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate()), tenantId, runId)
                .stream().findFirst());
    }

    private static String truncate(String message) {
        return message == null || message.length() <= 2000 ? message : message.substring(0, 1999) + "…";
    }
}
