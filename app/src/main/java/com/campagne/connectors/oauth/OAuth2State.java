package com.campagne.connectors.oauth;

import com.campagne.base.secrets.LocalSecrets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The {@code state} of an authorization request: {@code base64url(payload) + "." + base64url(HMAC-SHA256)},
 * the payload holding the tenant, the user, the flow (the form draft kept in the session), the expiry and
 * 16 random bytes. Signature (constant time) and expiry are checked before anything else; single use is
 * the flow's, removed from the session by the first callback (see {@link OAuth2Flows}).
 */
@Component
public class OAuth2State {

    /** Why a state is refused. */
    public enum Refusal { INVALID, EXPIRED }

    /** What a genuine, unexpired state says. */
    public record Claims(UUID tenantId, UUID userId, UUID flowId, Instant expiresAt) {
    }

    /**
     * The claims of a genuinely signed state (also when expired, so that the flow can say so on its form)
     * and why it is refused, if it is.
     */
    public record Verification(Claims claims, Refusal refusal) {
        public boolean valid() {
            return claims != null && refusal == null;
        }
    }

    static final String SECRET_NAME = "oauth2-state.key";
    private static final int PAYLOAD_BYTES = 16 * 3 + 8 + 16;
    private static final int SIGNATURE_BYTES = 32;
    private static final int MAX_LENGTH = 250;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Clock clock;

    @Autowired
    OAuth2State(LocalSecrets secrets, Clock clock) {
        this(HexFormat.of().parseHex(secrets.getOrCreate(SECRET_NAME)), clock);
    }

    OAuth2State(byte[] key, Clock clock) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.clock = clock;
    }

    /** A new signed state. */
    public String issue(UUID tenantId, UUID userId, UUID flowId, Instant expiresAt) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        ByteBuffer buffer = ByteBuffer.allocate(PAYLOAD_BYTES);
        for (UUID id : new UUID[]{tenantId, userId, flowId}) {
            buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        }
        byte[] payload = buffer.putLong(expiresAt.getEpochSecond()).put(nonce).array();
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
    }

    /** Checks the signature in constant time, then the expiry. */
    public Verification verify(String state) {
        if (state == null || state.length() > MAX_LENGTH) {
            return new Verification(null, Refusal.INVALID);
        }
        int dot = state.indexOf('.');
        if (dot <= 0 || dot != state.lastIndexOf('.')) {
            return new Verification(null, Refusal.INVALID);
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(state.substring(0, dot));
            signature = DECODER.decode(state.substring(dot + 1));
        } catch (IllegalArgumentException garbled) {
            return new Verification(null, Refusal.INVALID);
        }
        if (payload.length != PAYLOAD_BYTES || signature.length != SIGNATURE_BYTES
                || !MessageDigest.isEqual(sign(payload), signature)) {
            return new Verification(null, Refusal.INVALID);
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        UUID tenantId = new UUID(buffer.getLong(), buffer.getLong());
        UUID userId = new UUID(buffer.getLong(), buffer.getLong());
        UUID flowId = new UUID(buffer.getLong(), buffer.getLong());
        Instant expiresAt = Instant.ofEpochSecond(buffer.getLong());
        Claims claims = new Claims(tenantId, userId, flowId, expiresAt);
        return new Verification(claims, clock.instant().isBefore(expiresAt) ? null : Refusal.EXPIRED);
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
