package com.campagne.connectors.connections;

import com.campagne.base.crypto.CredentialVault;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Turns a connection's secrets into ciphertext and back: JSON {@code {key: value}} sealed by the
 * {@link CredentialVault} with the tenant and connection ids as associated data, so a ciphertext
 * copied to another connection or tenant does not decrypt.
 */
@Component
public class ConnectionSecrets {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
    };

    private final CredentialVault vault;

    public ConnectionSecrets(CredentialVault vault) {
        this.vault = vault;
    }

    /** The ciphertext of these secrets for that connection, or {@code null} when there are none. */
    public byte[] seal(UUID tenantId, UUID connectionId, Map<String, String> secrets) {
        Map<String, String> kept = new TreeMap<>();
        secrets.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                kept.put(k, v);
            }
        });
        if (kept.isEmpty()) {
            return null;
        }
        return vault.encrypt(JSON.writeValueAsBytes(kept), associatedData(tenantId, connectionId));
    }

    /**
     * The secrets in that ciphertext.
     *
     * @throws CredentialVault.UnreadableSecretException when it was not made for this connection
     */
    public Map<String, String> open(UUID tenantId, UUID connectionId, byte[] ciphertext) {
        if (ciphertext == null) {
            return new TreeMap<>();
        }
        return JSON.readValue(vault.decrypt(ciphertext, associatedData(tenantId, connectionId)), MAP);
    }

    static byte[] associatedData(UUID tenantId, UUID connectionId) {
        return ("campagne-connection:" + tenantId + ":" + connectionId).getBytes(StandardCharsets.UTF_8);
    }
}
