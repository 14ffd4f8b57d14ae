package com.campagne.connectors.sync;

/**
 * The records of a run so far.
 *
 * @param read     records the connector pushed
 * @param written  records stored (inserted or replaced)
 * @param rejected records or inputs refused (another account, invalid, reported bad by the connector)
 */
public record SyncCounts(long read, long written, long rejected) {
}
