package com.campagne.connectors.connections;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A file uploaded for a FILE setting of a connection (a report to import). */
@Entity
@Table(name = "connection_files")
public class ConnectionFile {

    @Embeddable
    public record Key(@Column(name = "connection_id") UUID connectionId,
                      @Column(name = "setting_key") String settingKey) implements Serializable {
    }

    @EmbeddedId
    private Key key;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "file_name")
    private String fileName;
    private byte[] content;
    @Column(name = "uploaded_at")
    private Instant uploadedAt;

    protected ConnectionFile() {
    }

    public ConnectionFile(UUID connectionId, String settingKey, String fileName, byte[] content, Instant uploadedAt) {
        this.key = new Key(connectionId, settingKey);
        this.fileName = fileName;
        this.content = content;
        this.uploadedAt = uploadedAt;
    }

    public UUID getConnectionId() { return key.connectionId(); }
    public String getSettingKey() { return key.settingKey(); }
    public UUID getTenantId() { return tenantId; }
    public String getFileName() { return fileName; }
    public byte[] getContent() { return content; }
    public long getSize() { return content == null ? 0 : content.length; }
    public Instant getUploadedAt() { return uploadedAt; }

    void replace(String fileName, byte[] content, Instant uploadedAt) {
        this.fileName = fileName;
        this.content = content;
        this.uploadedAt = uploadedAt;
    }

    @Override
    public String toString() {
        return "ConnectionFile[" + key.connectionId() + " " + key.settingKey() + " " + fileName + "]";
    }
}
