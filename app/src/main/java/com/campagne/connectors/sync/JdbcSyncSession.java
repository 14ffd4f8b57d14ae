package com.campagne.connectors.sync;

import com.campagne.connectors.api.ConnectorException;
import com.campagne.connectors.api.PermanentException;
import com.campagne.connectors.api.TransientException;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.api.schema.AccountRecord;
import com.campagne.connectors.api.schema.AdGroupRecord;
import com.campagne.connectors.api.schema.AdRecord;
import com.campagne.connectors.api.schema.CampaignRecord;
import com.campagne.connectors.api.schema.MarketingRecord;
import com.campagne.connectors.api.schema.Measures;
import com.campagne.connectors.api.schema.MetricRow;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run's sink on its own connection (see {@link SyncSession} for the transaction rules). Metric rows
 * are encoded to COPY text as they arrive, so a batch costs its bytes and one key per row, whatever
 * the run's size. A key seen twice in a batch flushes the batch first: the later copy then replaces
 * the earlier one in the next batch, and one upsert never meets the same key twice.
 */
final class JdbcSyncSession implements SyncSession {

    private static final Logger log = LoggerFactory.getLogger(JdbcSyncSession.class);

    /** Errors kept per run, with the record's text; the others are only counted. */
    static final int MAX_ERRORS = 100;

    static final String[] MEASURES = {"impressions", "clicks", "cost", "conversions", "conversion_value", "sessions",
            "users", "new_users", "page_views", "bounces", "emails_sent", "emails_delivered", "emails_opened",
            "emails_clicked", "emails_bounced", "emails_unsubscribed", "video_views", "engagements", "likes",
            "comments", "shares", "followers"};
    private static final String[] DIMENSIONS = {"account_id", "hour", "campaign_id", "ad_group_id", "ad_id",
            "channel", "device", "country", "currency"};

    private static final String STAGE = "sync_stage_metrics";
    private static final String CREATE_STAGE = "create temporary table if not exists " + STAGE + " ("
            + "day date, dims_key uuid, account_id varchar(255), hour smallint, campaign_id varchar(255),"
            + " ad_group_id varchar(255), ad_id varchar(255), channel varchar(16), device varchar(8),"
            + " country char(2), currency char(3), "
            + String.join(", ", Arrays.stream(MEASURES)
                    .map(m -> m + (m.equals("cost") || m.startsWith("conversion") ? " numeric(18,6)" : " bigint"))
                    .toList())
            + ") on commit delete rows";
    private static final String COPY = "copy " + STAGE + " (day, dims_key, " + String.join(", ", DIMENSIONS) + ", "
            + String.join(", ", MEASURES) + ") from stdin";
    private static final String UPSERT;

    static {
        String measures = String.join(", ", MEASURES);
        StringBuilder sql = new StringBuilder("insert into metric_facts (tenant_id, connection_id, client_id, run_id,"
                + " updated_at, day, dims_key, ").append(String.join(", ", DIMENSIONS)).append(", ").append(measures)
                .append(") select ?, ?, ?, ?, now(), day, dims_key, ").append(String.join(", ", DIMENSIONS))
                .append(", ").append(measures).append(" from ").append(STAGE)
                .append(" on conflict (tenant_id, connection_id, day, dims_key) do update set currency = excluded.currency");
        for (String m : MEASURES) {
            sql.append(", ").append(m).append(" = excluded.").append(m);
        }
        sql.append(", run_id = excluded.run_id, updated_at = excluded.updated_at where (metric_facts.currency");
        for (String m : MEASURES) {
            sql.append(", metric_facts.").append(m);
        }
        sql.append(") is distinct from (excluded.currency");
        for (String m : MEASURES) {
            sql.append(", excluded.").append(m);
        }
        UPSERT = sql.append(") returning day").toString();
    }

    /**
     * The rollups' slices of one connection and the days a batch changed, rebuilt from the facts (finest
     * first, the coarser from the finer) in the batch's transaction: dashboards read them, never the facts.
     */
    private static final String[] REBUILD_ROLLUPS;

    static {
        String sums = String.join(", ", Arrays.stream(MEASURES).map(m -> "sum(" + m + ")").toList());
        String measures = String.join(", ", MEASURES);
        String daily = "tenant_id, client_id, connection_id, day, account_id, campaign_id, channel, device, country, currency";
        String campaignDaily = "tenant_id, client_id, connection_id, day, account_id, campaign_id, channel, currency";
        String slice = " where tenant_id = ? and connection_id = ? and day = any(?)";
        REBUILD_ROLLUPS = new String[] {
                "delete from metric_daily" + slice,
                "insert into metric_daily (" + daily + ", fact_rows, " + measures + ") select " + daily
                        + ", count(*), " + sums + " from metric_facts" + slice + " group by " + daily,
                "delete from metric_campaign_daily" + slice,
                "insert into metric_campaign_daily (" + campaignDaily + ", fact_rows, " + measures + ") select "
                        + campaignDaily + ", sum(fact_rows), " + sums + " from metric_daily" + slice
                        + " group by " + campaignDaily};
    }

    private final Connection connection;
    private final SyncTarget target;
    private final int batchSize;
    private final MetricKeys keys = new MetricKeys();

    private final AtomicLong read = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private long readThisSession;

    private final StringBuilder copyText = new StringBuilder(1 << 20);
    private final Set<DayKey> batchKeys = new HashSet<>();
    private final Map<List<String>, AccountRecord> accounts = new LinkedHashMap<>();
    private final Map<List<String>, CampaignRecord> campaigns = new LinkedHashMap<>();
    private final Map<List<String>, AdGroupRecord> adGroups = new LinkedHashMap<>();
    private final Map<List<String>, AdRecord> ads = new LinkedHashMap<>();
    private final List<PendingError> pendingErrors = new ArrayList<>();
    private int errorSeq;

    private boolean inTransaction;
    private boolean stageReady;
    private volatile boolean closed;
    /** Why the session refused to go on (a flood, a failed write), whatever the connector did with it. */
    private volatile ConnectorException failure;

    private record DayKey(java.time.LocalDate day, UUID key) {
    }

    private record PendingError(int seq, String location, String locationEn, String reason, String reasonEn,
                                String record) {
    }

    JdbcSyncSession(Connection connection, SyncTarget target, int batchSize) throws SQLException {
        this.connection = connection;
        this.target = target;
        this.batchSize = batchSize;
        try {
            connection.setAutoCommit(false);
            begin();
            // A retried run goes on counting from where its previous attempt stopped.
            try (PreparedStatement ps = connection.prepareStatement("select records_read, records_written,"
                    + " records_rejected, (select coalesce(max(seq), 0) from sync_run_errors e"
                    + " where e.tenant_id = r.tenant_id and e.run_id = r.id) from sync_runs r where r.tenant_id = ? and r.id = ?")) {
                ps.setObject(1, target.tenantId());
                ps.setObject(2, target.runId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        read.set(rs.getLong(1));
                        written.set(rs.getLong(2));
                        rejected.set(rs.getLong(3));
                        errorSeq = rs.getInt(4);
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            release();
            throw e;
        }
    }

    static void setTenant(Connection c, UUID tenantId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            ps.setString(1, tenantId.toString());
            ps.execute();
        }
    }

    /** Starts a transaction: the tenant for row-level security, and an asynchronous commit (see README). */
    private void begin() throws SQLException {
        if (inTransaction) {
            return;
        }
        setTenant(connection, target.tenantId());
        try (Statement st = connection.createStatement()) {
            // Losing the last commits in a server crash loses records and their state together: the
            // next read resumes from the older state and re-emits them. Nothing is lost for good.
            st.execute("set local synchronous_commit = off");
        }
        inTransaction = true;
    }

    @Override
    public SyncCounts counts() {
        return new SyncCounts(read.get(), written.get(), rejected.get());
    }

    @Override
    public synchronized void accept(MarketingRecord record) {
        ensureOpen();
        read.incrementAndGet();
        if (failure != null) {
            throw failure;
        }
        if (++readThisSession > target.maxRecords()) {
            throw failure = new PermanentException(Text.of(
                    "Le connecteur a envoyé plus de " + target.maxRecords()
                            + " enregistrements : synchronisation arrêtée (emballement).",
                    "The connector sent more than " + target.maxRecords() + " records: sync stopped (flood)."), null);
        }
        if (record == null) {
            reject(null, Text.of("Enregistrement vide", "Empty record"), null);
            return;
        }
        List<String> problems = record.problems();
        if (!problems.isEmpty()) {
            reject(null, Text.of("Enregistrement invalide : " + String.join(" ; ", problems),
                    "Invalid record: " + String.join("; ", problems)), record);
            return;
        }
        if (!target.accountIds().contains(record.accountId())) {
            reject(null, Text.of("Enregistrement d’un compte non demandé (" + record.accountId() + ")",
                    "Record of an account not asked for (" + record.accountId() + ")"), record);
            return;
        }
        switch (record) {
            case MetricRow row -> bufferMetric(row);
            case AccountRecord a -> accounts.put(List.of(a.accountId()), a);
            case CampaignRecord c -> campaigns.put(List.of(c.accountId(), c.campaignId()), c);
            case AdGroupRecord g -> adGroups.put(List.of(g.accountId(), g.adGroupId()), g);
            case AdRecord a -> ads.put(List.of(a.accountId(), a.adId()), a);
        }
        if (batchKeys.size() >= batchSize || accounts.size() + campaigns.size() + adGroups.size() + ads.size() >= batchSize) {
            flush();
        }
    }

    @Override
    public synchronized void reject(Text where, Text reason) {
        ensureOpen();
        reject(where, reason == null ? Text.of("Entrée ignorée", "Input skipped") : reason, null);
    }

    @Override
    public synchronized void checkpoint(String state) {
        ensureOpen();
        try {
            flush();
            try (PreparedStatement ps = connection.prepareStatement("insert into connection_sync_state"
                    + " (tenant_id, connection_id, state, saved_at, run_id) values (?, ?, ?, now(), ?)"
                    + " on conflict (tenant_id, connection_id) do update set state = excluded.state,"
                    + " saved_at = excluded.saved_at, run_id = excluded.run_id")) {
                ps.setObject(1, target.tenantId());
                ps.setObject(2, target.connectionId());
                ps.setString(3, state == null ? "" : state);
                ps.setObject(4, target.runId());
                ps.executeUpdate();
            }
            commit();
        } catch (SQLException e) {
            throw storeFailure(e);
        }
    }

    @Override
    public synchronized void complete() {
        ensureOpen();
        try {
            flush();
            commit();
        } catch (SQLException e) {
            throw storeFailure(e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.rollback();
            inTransaction = false;
            if (!pendingErrors.isEmpty()) {
                // What was refused stays listed even when the records around it are rolled back.
                begin();
                writeErrors();
                connection.commit();
                inTransaction = false;
            }
        } catch (SQLException e) {
            log.warn("Sync session of run {} could not end cleanly: {}", target.runId(), e.getMessage());
        } finally {
            release();
        }
    }

    private void release() {
        try {
            if (!connection.isClosed()) {
                try (Statement st = connection.createStatement()) {
                    st.execute("drop table if exists " + STAGE);
                    connection.commit();
                } catch (SQLException ignored) {
                    // A broken connection: the pool discards it, and its temporary table with it.
                }
                connection.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // Same.
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Closing the connection of run {}: {}", target.runId(), e.getMessage());
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The sync session of run " + target.runId() + " is closed");
        }
    }

    /** Why the session stopped the run, or {@code null}. */
    ConnectorException failure() {
        return failure;
    }

    private ConnectorException storeFailure(SQLException e) {
        log.warn("Sync session of run {} failed to write: {}", target.runId(), e.getMessage());
        // Typed as passing: a lost connection or a dead-lock goes away on a retry, which resumes from the state.
        return failure = new TransientException(Text.of("Écriture des données impossible : " + e.getMessage(),
                "The data could not be written: " + e.getMessage()), e);
    }

    private void reject(Text location, Text reason, MarketingRecord record) {
        rejected.incrementAndGet();
        if (errorSeq < MAX_ERRORS) {
            errorSeq++;
            pendingErrors.add(new PendingError(errorSeq, location == null ? null : truncate(location.fr(), 500),
                    location == null ? null : truncate(location.en(), 500), truncate(reason.fr(), 2000),
                    truncate(reason.en(), 2000), record == null ? null : truncate(record.toString(), 4000)));
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    // --- writing

    private void bufferMetric(MetricRow row) {
        UUID key = keys.key(row);
        if (!batchKeys.add(new DayKey(row.date(), key))) {
            flush();
            batchKeys.add(new DayKey(row.date(), key));
        }
        StringBuilder t = copyText;
        t.append(row.date()).append('\t').append(key).append('\t');
        text(row.accountId());
        t.append('\t');
        if (row.hour() == null) {
            t.append("\\N");
        } else {
            t.append(row.hour().intValue());
        }
        t.append('\t');
        text(row.campaignId());
        t.append('\t');
        text(row.adGroupId());
        t.append('\t');
        text(row.adId());
        t.append('\t');
        text(row.channel() == null ? null : row.channel().name());
        t.append('\t');
        text(row.device() == null ? null : row.device().name());
        t.append('\t');
        text(row.country());
        t.append('\t');
        text(row.currency());
        Measures m = row.measures();
        number(m.impressions());
        number(m.clicks());
        number(m.cost());
        number(m.conversions());
        number(m.conversionValue());
        number(m.sessions());
        number(m.users());
        number(m.newUsers());
        number(m.pageViews());
        number(m.bounces());
        number(m.emailsSent());
        number(m.emailsDelivered());
        number(m.emailsOpened());
        number(m.emailsClicked());
        number(m.emailsBounced());
        number(m.emailsUnsubscribed());
        number(m.videoViews());
        number(m.engagements());
        number(m.likes());
        number(m.comments());
        number(m.shares());
        number(m.followers());
        t.append('\n');
    }

    private void text(String value) {
        if (value == null) {
            copyText.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> copyText.append("\\\\");
                case '\t' -> copyText.append("\\t");
                case '\n' -> copyText.append("\\n");
                case '\r' -> copyText.append("\\r");
                default -> copyText.append(ch);
            }
        }
    }

    private void number(Long value) {
        copyText.append('\t');
        if (value == null) {
            copyText.append("\\N");
        } else {
            copyText.append(value.longValue());
        }
    }

    private void number(BigDecimal value) {
        copyText.append('\t');
        if (value == null) {
            copyText.append("\\N");
        } else {
            copyText.append(value.toPlainString());
        }
    }

    /** Writes the buffered records into the open transaction. */
    private void flush() {
        try {
            begin();
            if (!batchKeys.isEmpty()) {
                flushMetrics();
            }
            flushEntities();
        } catch (SQLException | IOException e) {
            throw storeFailure(e instanceof SQLException s ? s : new SQLException(e));
        }
    }

    private void flushMetrics() throws SQLException, IOException {
        try (Statement st = connection.createStatement()) {
            if (!stageReady) {
                st.execute(CREATE_STAGE);
                stageReady = true;
            } else {
                st.execute("truncate " + STAGE);
            }
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        byte[] bytes = copyText.toString().getBytes(StandardCharsets.UTF_8);
        copy.copyIn(COPY, new ByteArrayInputStream(bytes));
        try (PreparedStatement ps = connection.prepareStatement(UPSERT)) {
            ps.setObject(1, target.tenantId());
            ps.setObject(2, target.connectionId());
            ps.setObject(3, target.clientId());
            ps.setObject(4, target.runId());
            Set<LocalDate> changedDays = new TreeSet<>();
            long changed = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changed++;
                    changedDays.add(rs.getObject(1, LocalDate.class));
                }
            }
            written.addAndGet(changed);
            if (!changedDays.isEmpty()) {
                rebuildRollups(changedDays);
            }
        }
        copyText.setLength(0);
        batchKeys.clear();
        if (copyText.capacity() > 8 << 20) {
            copyText.trimToSize();
        }
    }

    private void rebuildRollups(Set<LocalDate> days) throws SQLException {
        java.sql.Array dayArray = connection.createArrayOf("date",
                days.stream().map(Date::valueOf).toArray());
        for (String sql : REBUILD_ROLLUPS) {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setObject(1, target.tenantId());
                ps.setObject(2, target.connectionId());
                ps.setArray(3, dayArray);
                ps.executeUpdate();
            }
        }
    }

    private void flushEntities() throws SQLException {
        if (!accounts.isEmpty()) {
            written.addAndGet(upsert("insert into synced_accounts (tenant_id, connection_id, client_id, run_id, updated_at,"
                    + " account_id, name, currency, time_zone) values (?, ?, ?, ?, now(), ?, ?, ?, ?)"
                    + " on conflict (tenant_id, connection_id, account_id) do update set name = excluded.name,"
                    + " currency = excluded.currency, time_zone = excluded.time_zone, run_id = excluded.run_id,"
                    + " updated_at = excluded.updated_at where (synced_accounts.name, synced_accounts.currency,"
                    + " synced_accounts.time_zone) is distinct from (excluded.name, excluded.currency, excluded.time_zone)",
                    accounts.values(), (ps, a) -> {
                        ps.setString(5, a.accountId());
                        ps.setString(6, a.name());
                        ps.setString(7, a.currency());
                        ps.setString(8, a.timeZone() == null ? null : a.timeZone().getId());
                    }));
            accounts.clear();
        }
        if (!campaigns.isEmpty()) {
            written.addAndGet(upsert("insert into synced_campaigns (tenant_id, connection_id, client_id, run_id, updated_at,"
                    + " account_id, campaign_id, name, status, channel, start_date, end_date)"
                    + " values (?, ?, ?, ?, now(), ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict (tenant_id, connection_id, account_id, campaign_id) do update set name = excluded.name,"
                    + " status = excluded.status, channel = excluded.channel, start_date = excluded.start_date,"
                    + " end_date = excluded.end_date, run_id = excluded.run_id, updated_at = excluded.updated_at"
                    + " where (synced_campaigns.name, synced_campaigns.status, synced_campaigns.channel,"
                    + " synced_campaigns.start_date, synced_campaigns.end_date) is distinct from"
                    + " (excluded.name, excluded.status, excluded.channel, excluded.start_date, excluded.end_date)",
                    campaigns.values(), (ps, c) -> {
                        ps.setString(5, c.accountId());
                        ps.setString(6, c.campaignId());
                        ps.setString(7, c.name());
                        ps.setString(8, c.status() == null ? null : c.status().name());
                        ps.setString(9, c.channel() == null ? null : c.channel().name());
                        ps.setObject(10, c.startDate() == null ? null : Date.valueOf(c.startDate()));
                        ps.setObject(11, c.endDate() == null ? null : Date.valueOf(c.endDate()));
                    }));
            campaigns.clear();
        }
        if (!adGroups.isEmpty()) {
            written.addAndGet(upsert("insert into synced_ad_groups (tenant_id, connection_id, client_id, run_id, updated_at,"
                    + " account_id, ad_group_id, campaign_id, name, status) values (?, ?, ?, ?, now(), ?, ?, ?, ?, ?)"
                    + " on conflict (tenant_id, connection_id, account_id, ad_group_id) do update set"
                    + " campaign_id = excluded.campaign_id, name = excluded.name, status = excluded.status,"
                    + " run_id = excluded.run_id, updated_at = excluded.updated_at where (synced_ad_groups.campaign_id,"
                    + " synced_ad_groups.name, synced_ad_groups.status) is distinct from"
                    + " (excluded.campaign_id, excluded.name, excluded.status)",
                    adGroups.values(), (ps, g) -> {
                        ps.setString(5, g.accountId());
                        ps.setString(6, g.adGroupId());
                        ps.setString(7, g.campaignId());
                        ps.setString(8, g.name());
                        ps.setString(9, g.status() == null ? null : g.status().name());
                    }));
            adGroups.clear();
        }
        if (!ads.isEmpty()) {
            written.addAndGet(upsert("insert into synced_ads (tenant_id, connection_id, client_id, run_id, updated_at,"
                    + " account_id, ad_id, campaign_id, ad_group_id, name, format, status)"
                    + " values (?, ?, ?, ?, now(), ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict (tenant_id, connection_id, account_id, ad_id) do update set"
                    + " campaign_id = excluded.campaign_id, ad_group_id = excluded.ad_group_id, name = excluded.name,"
                    + " format = excluded.format, status = excluded.status, run_id = excluded.run_id,"
                    + " updated_at = excluded.updated_at where (synced_ads.campaign_id, synced_ads.ad_group_id,"
                    + " synced_ads.name, synced_ads.format, synced_ads.status) is distinct from (excluded.campaign_id,"
                    + " excluded.ad_group_id, excluded.name, excluded.format, excluded.status)",
                    ads.values(), (ps, a) -> {
                        ps.setString(5, a.accountId());
                        ps.setString(6, a.adId());
                        ps.setString(7, a.campaignId());
                        ps.setString(8, a.adGroupId());
                        ps.setString(9, a.name());
                        ps.setString(10, a.format());
                        ps.setString(11, a.status() == null ? null : a.status().name());
                    }));
            ads.clear();
        }
    }

    private interface Binder<T> {
        void bind(PreparedStatement ps, T record) throws SQLException;
    }

    private <T> long upsert(String sql, Iterable<T> records, Binder<T> binder) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (T record : records) {
                ps.setObject(1, target.tenantId());
                ps.setObject(2, target.connectionId());
                ps.setObject(3, target.clientId());
                ps.setObject(4, target.runId());
                binder.bind(ps, record);
                ps.addBatch();
            }
            long changed = 0;
            for (int count : ps.executeBatch()) {
                changed += Math.max(count, 0);
            }
            return changed;
        }
    }

    private void writeErrors() throws SQLException {
        if (pendingErrors.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("insert into sync_run_errors"
                + " (tenant_id, run_id, seq, location, reason, record, location_en, reason_en)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (tenant_id, run_id, seq) do nothing")) {
            for (PendingError error : pendingErrors) {
                ps.setObject(1, target.tenantId());
                ps.setObject(2, target.runId());
                ps.setInt(3, error.seq());
                ps.setString(4, error.location());
                ps.setString(5, error.reason());
                ps.setString(6, error.record());
                ps.setString(7, error.locationEn());
                ps.setString(8, error.reasonEn());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Commits what was written since the last commit, the errors and the run's counts with it. */
    private void commit() throws SQLException {
        begin();
        writeErrors();
        try (PreparedStatement ps = connection.prepareStatement("update sync_runs set records_read = ?,"
                + " records_written = ?, records_rejected = ? where tenant_id = ? and id = ?")) {
            ps.setLong(1, read.get());
            ps.setLong(2, written.get());
            ps.setLong(3, rejected.get());
            ps.setObject(4, target.tenantId());
            ps.setObject(5, target.runId());
            ps.executeUpdate();
        }
        connection.commit();
        inTransaction = false;
        pendingErrors.clear();
    }
}
