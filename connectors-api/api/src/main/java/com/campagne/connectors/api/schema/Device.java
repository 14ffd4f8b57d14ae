package com.campagne.connectors.api.schema;

/** The device a figure was measured on, when the source breaks it down. */
public enum Device {
    /** Desktop and laptop computers. */
    DESKTOP,
    /** Smartphones. */
    MOBILE,
    /** Tablets. */
    TABLET,
    /** Connected TV, consoles and others. */
    OTHER
}
