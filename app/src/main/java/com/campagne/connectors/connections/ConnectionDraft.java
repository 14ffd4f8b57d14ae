package com.campagne.connectors.connections;

import java.util.Map;

/**
 * What the user typed in a connection form, before it is checked and stored.
 *
 * @param connectorId the connector
 * @param name        the connection's name
 * @param values      non-secret values by setting key
 * @param secrets     secret values by setting key; blank means "keep the stored one"
 * @param files       files uploaded in this form by setting key (absent: keep the stored file)
 */
public record ConnectionDraft(String connectorId, String name, Map<String, String> values,
                              Map<String, String> secrets, Map<String, UploadedFile> files) {

    public ConnectionDraft {
        values = values == null ? Map.of() : Map.copyOf(values);
        secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
        files = files == null ? Map.of() : Map.copyOf(files);
    }

    /** Never prints the secrets, only which keys were typed. */
    @Override
    public String toString() {
        return "ConnectionDraft[" + connectorId + " " + name + " values=" + values + " secrets=" + secrets.keySet()
                + " files=" + files.keySet() + "]";
    }

    /**
     * A file uploaded for a FILE setting.
     *
     * @param name    its name as uploaded
     * @param content its bytes
     */
    public record UploadedFile(String name, byte[] content) {

        @Override
        public String toString() {
            return "UploadedFile[" + name + ", " + content.length + " bytes]";
        }
    }
}
