package com.campagne.connectors.sync;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The counts of the runs going on in this node, by run, read by the sync panel every second. Other
 * nodes' runs show the counts persisted at their last checkpoint instead.
 */
@Component
public class SyncProgress {

    private final Map<UUID, Supplier<SyncCounts>> running = new ConcurrentHashMap<>();

    void started(UUID runId, Supplier<SyncCounts> counts) {
        running.put(runId, counts);
    }

    void ended(UUID runId) {
        running.remove(runId);
    }

    /** The live counts of a run going on in this node. */
    public Optional<SyncCounts> counts(UUID runId) {
        Supplier<SyncCounts> counts = running.get(runId);
        return counts == null ? Optional.empty() : Optional.of(counts.get());
    }
}
