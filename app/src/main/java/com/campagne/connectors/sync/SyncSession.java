package com.campagne.connectors.sync;

import com.campagne.connectors.api.RecordSink;

/**
 * The sink of one run. Records accepted since the last checkpoint are written in one open
 * transaction that {@link #checkpoint(String)} commits together with the state; {@link #close()}
 * rolls back whatever was not checkpointed or completed. Thread-safe: the plugin's thread feeds it
 * while the engine's thread may close it on a time-out, after which every call fails.
 */
public interface SyncSession extends RecordSink, AutoCloseable {

    /** The counts so far (readable while the run goes on, for live progress). */
    SyncCounts counts();

    /** Commits the records accepted since the last checkpoint, without a new state (end of a read). */
    void complete();

    /** Rolls back anything uncommitted and releases the connection. */
    @Override
    void close();
}
