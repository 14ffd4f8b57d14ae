package com.campagne.base.security;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** One-time link tokens: URL-safe, unguessable (256 random bits), stored only as SHA-256. */
class TokensTest {

    @Test
    void tokensAreUrlSafeAnd256Bits() {
        String token = Tokens.newToken();
        // 32 bytes in unpadded base64url: 43 characters, nothing a URL would need to escape.
        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(Tokens.newToken())).isTrue();
        }
    }

    @Test
    void hashIsLowercaseHexSha256() {
        // FIPS 180-2 test vector.
        assertThat(Tokens.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Tokens.hash("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        // UTF-8 whatever the platform charset ("é" is C3 A9).
        assertThat(Tokens.hash("\u00e9")).isEqualTo("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
    }

    @Test
    void hashIsStableAndDiffersFromTheToken() {
        String token = Tokens.newToken();
        assertThat(Tokens.hash(token)).isEqualTo(Tokens.hash(token)).hasSize(64).matches("[0-9a-f]{64}")
                .isNotEqualTo(token);
        assertThat(Tokens.hash(token)).isNotEqualTo(Tokens.hash(Tokens.newToken()));
    }
}
