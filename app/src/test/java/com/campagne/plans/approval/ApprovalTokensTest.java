package com.campagne.plans.approval;

import com.campagne.plans.approval.ApprovalTokens.Refusal;
import com.campagne.plans.approval.ApprovalTokens.Verification;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Signed approval tokens: what they carry, and every way a forged, garbled or late one is refused. */
class ApprovalTokensTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();

    final ApprovalTokens tokens = new ApprovalTokens(KEY, Clock.fixed(NOW, ZoneOffset.UTC));
    final UUID tenant = UUID.randomUUID();
    final UUID link = UUID.randomUUID();
    final Instant expiry = NOW.plusSeconds(14 * 86_400);

    @Test
    void aGenuineTokenCarriesTheTenantTheLinkAndTheExpiry() {
        String token = tokens.issue(tenant, link, expiry);
        Verification v = tokens.verify(token);
        assertThat(v.valid()).isTrue();
        assertThat(v.refusal()).isNull();
        assertThat(v.claims().tenantId()).isEqualTo(tenant);
        assertThat(v.claims().linkId()).isEqualTo(link);
        assertThat(v.claims().expiresAt()).isEqualTo(expiry);
        // URL-safe: it travels as a path segment.
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        // Random bytes in each: two tokens for the same link differ (and so do their stored hashes).
        assertThat(tokens.issue(tenant, link, expiry)).isNotEqualTo(token);
    }

    @Test
    void aTokenPastItsExpiryIsRefusedAsExpired() {
        String token = tokens.issue(tenant, link, NOW.minusSeconds(1));
        assertThat(tokens.verify(token).refusal()).isEqualTo(Refusal.EXPIRED);
        assertThat(tokens.verify(tokens.issue(tenant, link, NOW)).refusal()).isEqualTo(Refusal.EXPIRED);
        // The same token read a day earlier was fine.
        ApprovalTokens dayBefore = new ApprovalTokens(KEY, Clock.fixed(NOW.minusSeconds(86_400), ZoneOffset.UTC));
        assertThat(dayBefore.verify(token).valid()).isTrue();
    }

    @Test
    void aChangedPayloadOrSignatureIsRefusedAsInvalid() {
        String token = tokens.issue(tenant, link, expiry);
        String payload = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);

        // Another tenant put in the payload, the signature kept: refused.
        byte[] bytes = Base64.getUrlDecoder().decode(payload);
        bytes[0] ^= 1;
        String otherTenant = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "." + signature;
        assertThat(tokens.verify(otherTenant).refusal()).isEqualTo(Refusal.INVALID);

        // A later expiry put in the payload: refused (and not "expired": the signature is checked first).
        byte[] later = Base64.getUrlDecoder().decode(payload);
        later[39] ^= 0x7f;
        assertThat(tokens.verify(Base64.getUrlEncoder().withoutPadding().encodeToString(later) + "." + signature)
                .refusal()).isEqualTo(Refusal.INVALID);

        char last = signature.charAt(signature.length() - 2);
        String badSignature = payload + "." + signature.substring(0, signature.length() - 2)
                + (last == 'A' ? 'B' : 'A') + signature.charAt(signature.length() - 1);
        assertThat(tokens.verify(badSignature).refusal()).isEqualTo(Refusal.INVALID);

        // Signed with another installation's key.
        ApprovalTokens elsewhere = new ApprovalTokens("another key, another installation".getBytes(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(tokens.verify(elsewhere.issue(tenant, link, expiry)).refusal()).isEqualTo(Refusal.INVALID);
        // An expired token with a forged signature is invalid, not expired.
        assertThat(tokens.verify(elsewhere.issue(tenant, link, NOW.minusSeconds(5))).refusal())
                .isEqualTo(Refusal.INVALID);
    }

    @Test
    void garbageIsRefusedAsInvalid() {
        String token = tokens.issue(tenant, link, expiry);
        for (String garbage : new String[]{null, "", ".", "abc", "abc.def", token + ".x", token.replace('.', '-'),
                "." + token, token.substring(0, token.length() - 5), "%%%.%%%", "a".repeat(5000),
                token.substring(0, token.indexOf('.')) + "." + token.substring(0, token.indexOf('.'))}) {
            assertThat(tokens.verify(garbage).refusal()).as("token %s", garbage).isEqualTo(Refusal.INVALID);
        }
    }
}
