package com.campagne.connectors.api;

/**
 * The version of the connector contract. Plugins declare the range they need in their
 * {@code Plugin-Requires} manifest entry (for example {@code >=1.0.0 & <2.0.0}); the host checks it
 * against {@link #VERSION} before loading them.
 *
 * <p>The contract grows only by additions (new types, new default methods tagged {@code @since}):
 * a plugin written against 1.0 keeps working with every 1.x host.
 */
public final class ConnectorsApi {

    /** Semantic version of this API (the Maven version of {@code campagne-connectors-api}). */
    public static final String VERSION = "1.0.0";

    private ConnectorsApi() {
    }
}
