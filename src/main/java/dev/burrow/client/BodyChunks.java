package dev.burrow.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A response body held as a list of small arrays instead of one. A page of 1,000 rows is ~600 KB:
 * as one array it is a "humongous" object for G1 in the launcher's small heap (regions of 1 MB),
 * and every such page started a collection of its own while the index loaded. Chunks of 64 KB
 * are ordinary young objects.
 */
final class BodyChunks {

    static final int CHUNK = 64 * 1024;

    private final List<byte[]> chunks;
    private final int lastLength;
    private final long length;

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
                current = new byte[CHUNK];
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

    long length() {
        return length;
    }

    /** The bytes again, from the start, as a stream (each call a fresh one). */
    InputStream stream() {
        List<InputStream> parts = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            parts.add(new ByteArrayInputStream(chunks.get(i), 0, i == chunks.size() - 1 ? lastLength : CHUNK));
        }
        return new SequenceInputStream(Collections.enumeration(parts));
    }
}
