package com.campagne.plans.approval;

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
 * The tokens of approval links: {@code base64url(payload) + "." + base64url(HMAC-SHA256(key, payload))}, the
 * payload holding the tenant id, the link id, the expiry (epoch seconds) and 16 random bytes. The signature
 * and the expiry are checked before any database access, so a forged or garbled link costs no query and
 * cannot even pick the tenant whose rows are read. Only the SHA-256 of a token is stored
 * ({@link com.campagne.base.security.Tokens#hash}).
 */
@Component
public class ApprovalTokens {

    /** Why a link cannot be used; labels {@code approval.refused.<NAME>}. */
    public enum Refusal { INVALID, EXPIRED, USED, REVOKED, PLAN_CHANGED }

    /** What a genuine, unexpired token says. */
    public record Claims(UUID tenantId, UUID linkId, Instant expiresAt) {
    }

    /** Either the token's claims or why it is refused. */
    public record Verification(Claims claims, Refusal refusal) {
        public boolean valid() {
            return claims != null;
        }
    }

    static final String SECRET_NAME = "approval-link.key";
    private static final int PAYLOAD_BYTES = 16 + 16 + 8 + 16;
    private static final int SIGNATURE_BYTES = 32;
    /** Longer than any token we issue: garbage is refused before decoding it. */
    private static final int MAX_TOKEN_LENGTH = 200;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Clock clock;

    @Autowired
    ApprovalTokens(LocalSecrets secrets, Clock clock) {
        this(HexFormat.of().parseHex(secrets.getOrCreate(SECRET_NAME)), clock);
    }

    ApprovalTokens(byte[] key, Clock clock) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.clock = clock;
    }

    /** A new signed token for the link. */
    public String issue(UUID tenantId, UUID linkId, Instant expiresAt) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        byte[] payload = ByteBuffer.allocate(PAYLOAD_BYTES)
                .putLong(tenantId.getMostSignificantBits()).putLong(tenantId.getLeastSignificantBits())
                .putLong(linkId.getMostSignificantBits()).putLong(linkId.getLeastSignificantBits())
                .putLong(expiresAt.getEpochSecond()).put(nonce).array();
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
    }

    /** Checks the signature (in constant time) and the expiry; touches no database. */
    public Verification verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return refused(Refusal.INVALID);
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return refused(Refusal.INVALID);
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException garbled) {
            return refused(Refusal.INVALID);
        }
        if (payload.length != PAYLOAD_BYTES || signature.length != SIGNATURE_BYTES
                || !MessageDigest.isEqual(sign(payload), signature)) {
            return refused(Refusal.INVALID);
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        UUID tenantId = new UUID(buffer.getLong(), buffer.getLong());
        UUID linkId = new UUID(buffer.getLong(), buffer.getLong());
        Instant expiresAt = Instant.ofEpochSecond(buffer.getLong());
        if (!clock.instant().isBefore(expiresAt)) {
            return refused(Refusal.EXPIRED);
        }
        return new Verification(new Claims(tenantId, linkId, expiresAt), null);
    }

    private static Verification refused(Refusal refusal) {
        return new Verification(null, refusal);
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
