package com.campagne.connectors.api.schema;

/** Whether a campaign, ad group or ad is running on the network. */
public enum EntityStatus {
    /** Serving or allowed to serve. */
    ACTIVE,
    /** Paused by someone. */
    PAUSED,
    /** Removed or archived. */
    REMOVED,
    /** Anything the source reports that is none of the above. */
    OTHER
}
