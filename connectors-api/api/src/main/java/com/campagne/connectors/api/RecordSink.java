package com.campagne.connectors.api;

import com.campagne.connectors.api.schema.MarketingRecord;


/**
 * Where {@code read} pushes records. The host buffers them and writes them in batches, so a
 * connector never holds more than one page of the provider's response in memory.
 *
 * <p>{@link #checkpoint(String)} marks a point the read could resume from: the host writes every
 * record accepted so far and the state in the same transaction. After a crash the next read gets
 * the last checkpointed state, and records re-emitted after it replace their earlier copy.
 */
public interface RecordSink {

    /**
     * Takes one record. The host may reject it (invalid, of an account not asked for) and counts it;
     * it throws only when the read must stop (too many records, the sync was cancelled).
     */
    void accept(MarketingRecord record);

    /**
     * Saves everything accepted so far together with the state to resume from.
     *
     * @param state an opaque text the connector understands ({@code {"cursor":"2026-11-22"}}…)
     */
    void checkpoint(String state);

    /**
     * Reports an input the connector skipped because it could not make a valid record of it (a bad
     * line of an uploaded file…); the host lists it in the sync history for the user.
     *
     * @param where  where the input was ({@code ligne 42}, {@code line 42}), in the user's words
     * @param reason why it was skipped
     */
    default void reject(Text where, Text reason) {
    }
}
