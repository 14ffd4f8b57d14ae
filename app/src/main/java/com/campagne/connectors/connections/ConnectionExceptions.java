package com.campagne.connectors.connections;

import com.campagne.connectors.api.Text;

import java.util.Map;

/** What the connection service refuses, worded for the user. */
public final class ConnectionExceptions {

    private ConnectionExceptions() {
    }

    /** Unknown here: either absent or another tenant's, which must look the same. */
    public static class ConnectionNotFoundException extends RuntimeException {
        public ConnectionNotFoundException() {
            super("connection not found");
        }
    }

    /** The connector of a connection is not loaded (plugin removed or disabled). */
    public static class ConnectorUnavailableException extends RuntimeException {
        public ConnectorUnavailableException(String connectorId) {
            super("connector unavailable: " + connectorId);
        }
    }

    /**
     * Settings that do not pass the connector's declaration: every error at once, by setting key
     * ({@link ConnectionService#NAME_KEY} for the connection's name).
     */
    public static class InvalidSettingsException extends RuntimeException {
        private final Map<String, Text> errors;

        public InvalidSettingsException(Map<String, Text> errors) {
            super("invalid settings: " + errors.keySet());
            this.errors = Map.copyOf(errors);
        }

        public Map<String, Text> errors() {
            return errors;
        }
    }
}
