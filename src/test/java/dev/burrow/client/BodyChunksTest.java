package dev.burrow.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
