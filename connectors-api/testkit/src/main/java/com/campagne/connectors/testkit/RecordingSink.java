package com.campagne.connectors.testkit;

import com.campagne.connectors.api.RecordSink;
import com.campagne.connectors.api.Text;
import com.campagne.connectors.api.schema.MarketingRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link RecordSink} that keeps in memory everything a {@code read} pushes: the records in order,
 * the checkpointed states and the rejected inputs. Like the host, it stops a read that emits more
 * than a limit of records (by throwing {@link TooManyRecordsException}), so a runaway connector
 * fails its test instead of filling the heap. Safe to use from several threads.
 */
public final class RecordingSink implements RecordSink {

    /** The default limit of records, far above what a test read should emit. */
    public static final int DEFAULT_LIMIT = 200_000;

    private final int limit;
    private final List<MarketingRecord> records = new ArrayList<>();
    private final List<String> checkpoints = new ArrayList<>();
    private final List<Integer> recordsAtCheckpoint = new ArrayList<>();
    private final List<Reject> rejects = new ArrayList<>();

    /** A sink with the {@link #DEFAULT_LIMIT}. */
    public RecordingSink() {
        this(DEFAULT_LIMIT);
    }

    /**
     * A sink that stops the read after {@code limit} records.
     *
     * @param limit the number of records accepted before {@link #accept} throws
     */
    public RecordingSink(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.limit = limit;
    }

    /**
     * Keeps the record.
     *
     * @param record the record pushed by the connector
     * @throws TooManyRecordsException when the limit is reached, as the host stops a read
     * @throws NullPointerException    when the record is {@code null}
     */
    @Override
    public synchronized void accept(MarketingRecord record) {
        Objects.requireNonNull(record, "a connector pushed a null record");
        if (records.size() >= limit) {
            throw new TooManyRecordsException(limit);
        }
        records.add(record);
    }

    /**
     * Keeps the state, remembering how many records came before it.
     *
     * @param state the state the connector could resume from
     */
    @Override
    public synchronized void checkpoint(String state) {
        checkpoints.add(state);
        recordsAtCheckpoint.add(records.size());
    }

    /**
     * Keeps the rejected input.
     *
     * @param where  where the input was
     * @param reason why it was skipped
     */
    @Override
    public synchronized void reject(Text where, Text reason) {
        rejects.add(new Reject(where, reason));
    }

    /**
     * Every record accepted, in the order pushed.
     *
     * @return a copy of the records
     */
    public synchronized List<MarketingRecord> records() {
        return List.copyOf(records);
    }

    /**
     * The records of one type, in the order pushed.
     *
     * @param type the record type ({@code MetricRow.class}…)
     * @param <T>  the record type
     * @return a copy of the matching records
     */
    public synchronized <T extends MarketingRecord> List<T> records(Class<T> type) {
        return records.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * Every checkpointed state, in order.
     *
     * @return a copy of the states (a {@code null} state is kept as pushed)
     */
    public synchronized List<String> checkpoints() {
        return new ArrayList<>(checkpoints);
    }

    /**
     * The last checkpointed state: where the next read resumes.
     *
     * @return the state, or {@code null} when the read never checkpointed
     */
    public synchronized String lastState() {
        return checkpoints.isEmpty() ? null : checkpoints.getLast();
    }

    /**
     * The records the host would have saved if the read died now: those pushed up to the last
     * checkpoint.
     *
     * @return a copy of the committed records
     */
    public synchronized List<MarketingRecord> committedRecords() {
        int committed = recordsAtCheckpoint.isEmpty() ? 0 : recordsAtCheckpoint.getLast();
        return List.copyOf(records.subList(0, committed));
    }

    /**
     * Every input the connector reported as skipped.
     *
     * @return a copy of the rejects
     */
    public synchronized List<Reject> rejects() {
        return List.copyOf(rejects);
    }

    /**
     * One input a connector skipped.
     *
     * @param where  where it was, in the user's words
     * @param reason why it was skipped
     */
    public record Reject(Text where, Text reason) {
    }

    /** Thrown by {@link #accept} past the limit, as the host stops a read that emits too much. */
    public static final class TooManyRecordsException extends RuntimeException {

        /**
         * The exception for a read that reached the limit.
         *
         * @param limit the limit that was reached
         */
        public TooManyRecordsException(int limit) {
            super("The read emitted more than " + limit + " records; the host stops such a read");
        }
    }
}
