package dev.burrow.server.seed;

import java.util.Random;
import java.util.UUID;

/**
 * Ids for seeded data drawn from a seeded {@link Random}, so a seed writes the same ids every
 * time. Row ids are UUID version 7 stamped with the row's own creation time, as PostHog's
 * would be, so they sort with {@code created_at}.
 */
final class SeededIds {

    private static final char[] ALPHANUMERIC =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private SeededIds() {
    }

    static String uuid7(long epochMillis, Random random) {
        long msb = (epochMillis << 16) | 0x7000L | random.nextInt(1 << 12);
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    static String uuid4(Random random) {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** Eight random-looking letters and digits, like PostHog's short ids. */
    static String shortId(Random random) {
        char[] out = new char[8];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHANUMERIC[random.nextInt(ALPHANUMERIC.length)];
        }
        return new String(out);
    }

    /**
     * A short id that is unique for each {@code n} below 62^8 without any bookkeeping: {@code n}
     * is scrambled by an odd multiplier modulo 2^47 (a bijection) and written in base 62.
     */
    static String shortId(long n) {
        long x = (n * 0x5DEECE66DL + 0xB) & ((1L << 47) - 1);
        char[] out = new char[8];
        for (int i = out.length - 1; i >= 0; i--) {
            out[i] = ALPHANUMERIC[(int) (x % 62)];
            x /= 62;
        }
        return new String(out);
    }
}
