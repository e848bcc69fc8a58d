package dev.burrow.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A body read into small chunks gives back exactly its bytes, whatever sizes the network hands over. */
class BodyChunksTest {

    /** Hands out at most 7,001 bytes per read, as a network stream may. */
    private static InputStream trickle(byte[] data) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7_001));
            }
        };
    }

    private static byte[] bytes(int n) {
        byte[] data = new byte[n];
        new Random(n).nextBytes(data);
        return data;
    }

    private static byte[] back(BodyChunks body, int readSize) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (InputStream in = body.stream()) {
            byte[] buf = new byte[readSize];
            int n;
            while ((n = in.read(buf, 0, buf.length)) >= 0) {
                out.write(buf, 0, n);
            }
        }
        return out.toByteArray();
    }

    @Test
    void givesBackEveryByteAcrossChunkEdges() throws IOException {
        for (int n : new int[] {0, 1, BodyChunks.CHUNK - 1, BodyChunks.CHUNK, BodyChunks.CHUNK + 1,
            3 * BodyChunks.CHUNK, 600_000}) {
            byte[] data = bytes(n);
            BodyChunks body = BodyChunks.read(trickle(data));
            assertEquals(n, body.length());
            assertArrayEquals(data, back(body, 8_192), "length " + n);
            assertArrayEquals(data, back(body, 100_000), "length " + n + ", large reads, a second stream");
        }
    }

    @Test
    void singleByteReadsEndWithMinusOne() throws IOException {
        BodyChunks body = BodyChunks.read(new ByteArrayInputStream(new byte[] {1, (byte) 0xff}));
        InputStream in = body.stream();
        assertEquals(1, in.read());
        assertEquals(0xff, in.read());
        assertEquals(-1, in.read());
    }

    private static long allocated() throws Exception {
        Object threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                .invoke(null);
        return (long) Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes")
                .invoke(threads);
    }

    @Test
    void aReleasedBodysChunksTakeTheNextBody() throws Exception {
        byte[] page = bytes(600_000); // a page of 1,000 rows: 10 chunks
        BodyChunks.read(new ByteArrayInputStream(page)).release();
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long before = allocated();
            BodyChunks body = BodyChunks.read(new ByteArrayInputStream(page));
            least = Math.min(least, allocated() - before);
            assertArrayEquals(page, back(body, 8_192));
            body.release();
        }
        // a fresh read would make 10 chunks of 64 KB; reading into given-back ones makes none
        assertTrue(least < BodyChunks.CHUNK, "a read after a release allocated " + least + " bytes");
    }

    @Test
    void aShortBodyReadIntoAnUsedChunkGivesBackOnlyItsOwnBytes() throws IOException {
        BodyChunks.read(new ByteArrayInputStream(bytes(3 * BodyChunks.CHUNK))).release();
        byte[] data = bytes(10);
        BodyChunks body = BodyChunks.read(new ByteArrayInputStream(data));
        assertArrayEquals(data, back(body, 100_000));
        body.release();
        assertThrows(IllegalStateException.class, body::stream);
    }
}
