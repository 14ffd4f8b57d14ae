package com.campagne.connectors.sync;

import com.campagne.connectors.api.schema.MetricRow;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The {@code dims_key} of a metric row: a name-based (version 3) UUID of its dimension tuple
 * (account, hour, campaign, ad group, ad, channel, device, country), so that the natural key of
 * {@code metric_facts} is (tenant, connection, day, dims_key), one narrow unique index. Each field is
 * length-prefixed, so no two tuples share their bytes. Not thread-safe (one per session).
 */
final class MetricKeys {

    private final MessageDigest md5;
    private final ByteBuffer buffer = ByteBuffer.allocate(8 * 1024);

    MetricKeys() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    UUID key(MetricRow row) {
        buffer.clear();
        put(row.accountId());
        buffer.putInt(row.hour() == null ? -1 : row.hour());
        put(row.campaignId());
        put(row.adGroupId());
        put(row.adId());
        put(row.channel() == null ? null : row.channel().name());
        put(row.device() == null ? null : row.device().name());
        put(row.country());
        md5.update(buffer.array(), 0, buffer.position());
        byte[] hash = md5.digest();
        hash[6] &= 0x0f;
        hash[6] |= 0x30; // version 3 (name-based, MD5), as UUID.nameUUIDFromBytes
        hash[8] &= 0x3f;
        hash[8] |= (byte) 0x80; // IETF variant
        ByteBuffer bytes = ByteBuffer.wrap(hash);
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    private void put(String value) {
        if (value == null) {
            buffer.putInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        buffer.putInt(bytes.length);
        buffer.put(bytes);
    }
}
