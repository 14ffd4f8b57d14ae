package com.campagne.connectors.oauth;

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
    /** Tenant, user and flow ids, then the expiry. */
    private static final int FIELD_BYTES = 16 * 3 + 8;
    private static final int MAX_LENGTH = 250;

    private final SignedTokens tokens;
    private final Clock clock;

    @Autowired
    OAuth2State(LocalSecrets secrets, Clock clock) {
        this(HexFormat.of().parseHex(secrets.getOrCreate(SECRET_NAME)), clock);
    }

    OAuth2State(byte[] key, Clock clock) {
        this.tokens = new SignedTokens(key, FIELD_BYTES, MAX_LENGTH);
        this.clock = clock;
    }

    /** A new signed state. */
    public String issue(UUID tenantId, UUID userId, UUID flowId, Instant expiresAt) {
        return tokens.issue(buffer -> {
            for (UUID id : new UUID[]{tenantId, userId, flowId}) {
                buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
            }
            buffer.putLong(expiresAt.getEpochSecond());
        });
    }

    /** Checks the signature in constant time, then the expiry. */
    public Verification verify(String state) {
        Optional<ByteBuffer> fields = tokens.verify(state);
        if (fields.isEmpty()) {
            return new Verification(null, Refusal.INVALID);
        }
        ByteBuffer buffer = fields.get();
        UUID tenantId = new UUID(buffer.getLong(), buffer.getLong());
        UUID userId = new UUID(buffer.getLong(), buffer.getLong());
        UUID flowId = new UUID(buffer.getLong(), buffer.getLong());
        Instant expiresAt = Instant.ofEpochSecond(buffer.getLong());
        Claims claims = new Claims(tenantId, userId, flowId, expiresAt);
        return new Verification(claims, clock.instant().isBefore(expiresAt) ? null : Refusal.EXPIRED);
    }
}
