package com.campagne.plans.approval;

import com.campagne.base.secrets.LocalSecrets;
import com.campagne.base.security.SignedTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
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
    /** Tenant and link ids, then the expiry. */
    private static final int FIELD_BYTES = 16 + 16 + 8;
    /** Longer than any token we issue: garbage is refused before decoding it. */
    private static final int MAX_TOKEN_LENGTH = 200;

    private final SignedTokens tokens;
    private final Clock clock;

    @Autowired
    ApprovalTokens(LocalSecrets secrets, Clock clock) {
        this(HexFormat.of().parseHex(secrets.getOrCreate(SECRET_NAME)), clock);
    }

    ApprovalTokens(byte[] key, Clock clock) {
        this.tokens = new SignedTokens(key, FIELD_BYTES, MAX_TOKEN_LENGTH);
        this.clock = clock;
    }

    /** A new signed token for the link. */
    public String issue(UUID tenantId, UUID linkId, Instant expiresAt) {
        return tokens.issue(buffer -> buffer
                .putLong(tenantId.getMostSignificantBits()).putLong(tenantId.getLeastSignificantBits())
                .putLong(linkId.getMostSignificantBits()).putLong(linkId.getLeastSignificantBits())
                .putLong(expiresAt.getEpochSecond()));
    }

    /** Checks the signature (in constant time) and the expiry; touches no database. */
    public Verification verify(String token) {
        Optional<ByteBuffer> fields = tokens.verify(token);
        if (fields.isEmpty()) {
            return refused(Refusal.INVALID);
        }
        ByteBuffer buffer = fields.get();
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
}
