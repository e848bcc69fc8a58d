package dev.burrow.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A response body held as a list of small arrays instead of one. A page of 1,000 rows is ~600 KB:
 * as one array it is a "humongous" object for G1 in the launcher's small heap (regions of 1 MB),
 * and every such page started a collection of its own while the index loaded. Chunks of 64 KB
 * are ordinary young objects. Once a body is decoded its chunks are given back ({@link #release})
 * and the next bodies are read into them: an index load no longer makes ~70 MB of new chunks for
 * its pages (11 of them per 1,000-row page), which are garbage as soon as the page is decoded.
 */
final class BodyChunks {

    static final int CHUNK = 64 * 1024;
    /** Chunks kept for the next bodies: two pages of 1,000 rows (the pages in flight from a local server). */
    static final int KEPT = 24;

    private static final ConcurrentLinkedQueue<byte[]> FREE = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger FREE_COUNT = new AtomicInteger();

    private final List<byte[]> chunks;
    private final int lastLength;
    private final long length;
    private boolean released;

    private BodyChunks(List<byte[]> chunks, int lastLength, long length) {
        this.chunks = chunks;
        this.lastLength = lastLength;
        this.length = length;
    }

    /** Reads {@code in} to its end. */
    static BodyChunks read(InputStream in) throws IOException {
        List<byte[]> chunks = new ArrayList<>();
        long length = 0;
        int filled = CHUNK;
        byte[] current = null;
        while (true) {
            if (filled == CHUNK) {
                current = chunk();
                chunks.add(current);
                filled = 0;
            }
            int n = in.read(current, filled, CHUNK - filled);
            if (n < 0) {
                break;
            }
            filled += n;
            length += n;
        }
        return new BodyChunks(chunks, filled, length);
    }

    private static byte[] chunk() {
        byte[] c = FREE.poll();
        if (c == null) {
            return new byte[CHUNK];
        }
        FREE_COUNT.decrementAndGet();
        return c;
    }

    /**
     * Gives the chunks back for the next bodies to be read into (up to {@link #KEPT} are kept);
     * the body must not be read again. Only the bytes a body read are ever read from a chunk.
     */
    void release() {
        for (byte[] c : chunks) {
            if (FREE_COUNT.incrementAndGet() <= KEPT) {
                FREE.add(c);
            } else {
                FREE_COUNT.decrementAndGet();
            }
        }
        chunks.clear();
        released = true;
    }

    long length() {
        return length;
    }

    /** The bytes again, from the start, as a stream (each call a fresh one). */
    InputStream stream() {
        if (released) {
            throw new IllegalStateException("the body was released");
        }
        List<InputStream> parts = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            parts.add(new ByteArrayInputStream(chunks.get(i), 0, i == chunks.size() - 1 ? lastLength : CHUNK));
        }
        return new SequenceInputStream(Collections.enumeration(parts));
    }
}
