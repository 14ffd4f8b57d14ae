package com.campagne.plugins.csvimport;

import java.util.Arrays;

/**
 * The first line of each metric-row key, by a 64-bit hash of the key: two lines with the same day,
 * campaign, ad group, ad, channel, device and country would replace one another in the host, so the
 * second is a bad line. Open addressing over flat arrays keeps a million keys in about 26 MB.
 */
final class KeyIndex {

    private long[] keys = new long[1024];
    private int[] lines = new int[1024];
    private boolean[] used = new boolean[1024];
    private int size;

    /** The line already holding the key, or {@code line} after recording it. */
    int putIfAbsent(long key, int line) {
        if (size * 4 >= keys.length * 3) {
            grow();
        }
        int slot = slot(key, keys.length);
        while (used[slot]) {
            if (keys[slot] == key) {
                return lines[slot];
            }
            slot = (slot + 1) & (keys.length - 1);
        }
        used[slot] = true;
        keys[slot] = key;
        lines[slot] = line;
        size++;
        return line;
    }

    /** The line recorded for the key, or -1. */
    int get(long key) {
        int slot = slot(key, keys.length);
        while (used[slot]) {
            if (keys[slot] == key) {
                return lines[slot];
            }
            slot = (slot + 1) & (keys.length - 1);
        }
        return -1;
    }

    void clear() {
        Arrays.fill(used, false);
        size = 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldLines = lines;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        lines = new int[oldKeys.length * 2];
        used = new boolean[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldUsed[i]) {
                putIfAbsent(oldKeys[i], oldLines[i]);
            }
        }
    }

    private static int slot(long key, int capacity) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & (capacity - 1);
    }

    /** FNV-1a over the parts of a key. */
    static long hash(Object... parts) {
        long h = 0xcbf29ce484222325L;
        for (Object part : parts) {
            String s = part == null ? "\u0000" : part.toString();
            for (int i = 0; i < s.length(); i++) {
                h ^= s.charAt(i);
                h *= 0x100000001b3L;
            }
            h ^= 0x1F;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
