package com.campagne.connectors.api;

/**
 * The version of the connector contract. Plugins declare the range they need in their
 * {@code Plugin-Requires} manifest entry; the host checks it against {@link #VERSION}.
 */
public final class ConnectorsApi {

    /** Semantic version of this API; grows only by additions (minor) until 1.0. */
    public static final String VERSION = "0.1.0";

    private ConnectorsApi() {
    }
}
