package com.campagne.base.security;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Compact signed tokens, {@code base64url(payload) + "." + base64url(HMAC-SHA256(key, payload))}: the caller
 * lays out its fixed-size fields (ids, expiry), 16 random bytes end each payload. {@link #verify} checks the
 * length, the shape and the signature (in constant time) before anything reads a field, so a forged or
 * garbled token costs no query.
 */
public final class SignedTokens {

    private static final int NONCE_BYTES = 16;
    private static final int SIGNATURE_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final int payloadBytes;
    private final int maxLength;

    /**
     * @param key        the HMAC key
     * @param fieldBytes the size of the caller's fields
     * @param maxLength  longer than any token issued: longer input is refused before it is decoded
     */
    public SignedTokens(byte[] key, int fieldBytes, int maxLength) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.payloadBytes = fieldBytes + NONCE_BYTES;
        this.maxLength = maxLength;
    }

    /** A new token: {@code fields} writes the caller's fields, the nonce follows. */
    public String issue(Consumer<ByteBuffer> fields) {
        ByteBuffer buffer = ByteBuffer.allocate(payloadBytes);
        fields.accept(buffer);
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] payload = buffer.put(nonce).array();
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
    }

    /** The fields of a genuinely signed token, to read in the order written; empty for anything else. */
    public Optional<ByteBuffer> verify(String token) {
        if (token == null || token.length() > maxLength) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException garbled) {
            return Optional.empty();
        }
        if (payload.length != payloadBytes || signature.length != SIGNATURE_BYTES
                || !MessageDigest.isEqual(sign(payload), signature)) {
            return Optional.empty();
        }
        return Optional.of(ByteBuffer.wrap(payload));
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
