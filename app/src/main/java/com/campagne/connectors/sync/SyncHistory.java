package com.campagne.connectors.sync;

import com.campagne.base.db.TenantContext;
import com.campagne.tenancy.Role;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** What the sync panel shows: the recent runs of a connection (live counts while one runs) and their errors. */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Role.OWNER_NAME, Role.ADMIN_NAME, Role.MANAGER_NAME, Role.CONTRIBUTOR_NAME})
public class SyncHistory {

    private static final String RUN_COLUMNS = "id, connection_id, trigger, status, attempt, queued_at, started_at,"
            + " ended_at, records_read, records_written, records_rejected, failure_type, message, message_en";

    private final JdbcTemplate jdbc;
    private final SyncProgress progress;

    public SyncHistory(JdbcTemplate jdbc, SyncProgress progress) {
        this.jdbc = jdbc;
        this.progress = progress;
    }

    /**
     * One run as listed.
     *
     * @param id          the run
     * @param status      where it is
     * @param trigger     manual or scheduled
     * @param attempt     its attempt (retries of passing failures)
     * @param queuedAt    when it was asked for
     * @param startedAt   when it began reading, or {@code null}
     * @param endedAt     when it ended, or {@code null}
     * @param counts      records read, written, rejected (live while it runs on this node)
     * @param failureType the connector's failure type, or {@code null}
     * @param message     what the user reads, in French, or {@code null}
     * @param messageEn   the same in English, or {@code null}
     */
    public record Run(UUID id, SyncRunStatus status, SyncTrigger trigger, int attempt, Instant queuedAt,
                      Instant startedAt, Instant endedAt, SyncCounts counts, String failureType, String message,
                      String messageEn) {

        /** The message in the user's language (French when no English one was stored). */
        public String message(Locale locale) {
            return locale != null && !"fr".equals(locale.getLanguage()) && messageEn != null ? messageEn : message;
        }

        /** How long it ran, or {@code null} while it has not ended. */
        public Duration duration() {
            return startedAt == null || endedAt == null ? null : Duration.between(startedAt, endedAt);
        }
    }

    /**
     * One refused record or input of a run.
     *
     * @param seq        its order in the run
     * @param location   where it was (a file line), in French, or {@code null}
     * @param reason     why it was refused, in French
     * @param record     the record as received, or {@code null}
     * @param locationEn where it was, in English, or {@code null}
     * @param reasonEn   why it was refused, in English, or {@code null}
     */
    public record RunError(int seq, String location, String reason, String record, String locationEn,
                           String reasonEn) {

        /** Where it was, in the user's language. */
        public String location(Locale locale) {
            return english(locale) && locationEn != null ? locationEn : location;
        }

        /** Why it was refused, in the user's language. */
        public String reason(Locale locale) {
            return english(locale) && reasonEn != null ? reasonEn : reason;
        }

        private static boolean english(Locale locale) {
            return locale != null && !"fr".equals(locale.getLanguage());
        }
    }

    /** The latest runs of a connection of the current tenant, newest first. */
    public List<Run> recentRuns(UUID connectionId, int limit) {
        return jdbc.query("select " + RUN_COLUMNS + " from sync_runs where tenant_id = ? and connection_id = ?"
                + " order by queued_at desc limit ?", this::toRun, TenantContext.requireTenant(), connectionId, limit);
    }

    /** A run of the current tenant. */
    public Optional<Run> run(UUID runId) {
        return jdbc.query("select " + RUN_COLUMNS + " from sync_runs where tenant_id = ? and id = ?", this::toRun,
                TenantContext.requireTenant(), runId).stream().findFirst();
    }

    /** The errors kept for a run of the current tenant (the first 100), in order. */
    public List<RunError> errors(UUID runId) {
        return jdbc.query("select seq, location, reason, record, location_en, reason_en from sync_run_errors"
                        + " where tenant_id = ? and run_id = ? order by seq", (rs, i) -> new RunError(rs.getInt(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)), TenantContext.requireTenant(), runId);
    }

    private Run toRun(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        SyncRunStatus status = SyncRunStatus.valueOf(rs.getString("status"));
        SyncCounts stored = new SyncCounts(rs.getLong("records_read"), rs.getLong("records_written"),
                rs.getLong("records_rejected"));
        SyncCounts counts = status == SyncRunStatus.RUNNING ? progress.counts(id).orElse(stored) : stored;
        return new Run(id, status, SyncTrigger.valueOf(rs.getString("trigger")), rs.getInt("attempt"),
                instant(rs.getTimestamp("queued_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("ended_at")), counts, rs.getString("failure_type"), rs.getString("message"),
                rs.getString("message_en"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
