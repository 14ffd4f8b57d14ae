package com.campagne.connectors.sync;

import com.github.kagkarlsson.scheduler.serializer.Serializer;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * What a scheduled task carries: ids only, as text ({@code tenant,connection,run,schedule}), so the
 * {@code scheduled_tasks} table stays readable and no Java serialisation is involved.
 *
 * @param tenantId     the tenant
 * @param connectionId the connection
 * @param runId        the run, for {@code sync-connection}; {@code null} for the schedule task
 * @param schedule     the schedule's name, for {@code scheduled-sync}; {@code null} otherwise
 */
public record SyncTaskData(UUID tenantId, UUID connectionId, UUID runId, String schedule) {

    /** The scheduler's serializer for this record. */
    static final Serializer SERIALIZER = new Serializer() {
        @Override
        public byte[] serialize(Object data) {
            if (data == null) {
                return null;
            }
            SyncTaskData d = (SyncTaskData) data;
            return String.join(",", d.tenantId().toString(), d.connectionId().toString(),
                            d.runId() == null ? "" : d.runId().toString(), d.schedule() == null ? "" : d.schedule())
                    .getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public <T> T deserialize(Class<T> type, byte[] bytes) {
            if (bytes == null) {
                return null;
            }
            String[] parts = new String(bytes, StandardCharsets.UTF_8).split(",", -1);
            return type.cast(new SyncTaskData(UUID.fromString(parts[0]), UUID.fromString(parts[1]),
                    parts[2].isEmpty() ? null : UUID.fromString(parts[2]), parts[3].isEmpty() ? null : parts[3]));
        }
    };
}
