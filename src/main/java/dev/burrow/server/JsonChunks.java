package dev.burrow.server;

import dev.burrow.api.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON answer serialised into arrays of at most {@link #CHUNK} bytes instead of one. A page of
 * 1,000 rows is ~600 KB: as one array (and the copies a growing buffer makes on the way) it is a
 * "humongous" object for G1 in the launcher's small heap, and when the server runs inside the app
 * (the local workspace) every such page started a collection that paused the window too. The
 * bytes are the same as {@link Json#bytes}; only how they are held differs.
 */
final class JsonChunks {

    /** The largest array an answer is held in: an ordinary young object for G1. */
    static final int CHUNK = 64 * 1024;

    /** The first array: most answers (one row, an error) fit in it. */
    static final int FIRST = 8 * 1024;

    private final List<byte[]> chunks = new ArrayList<>();
    /** How much of the last array is filled; every earlier one is full. */
    private int lastLength;
    private long length;

    private JsonChunks() {
    }

    /** {@code value} as JSON, written through the one mapper. */
    static JsonChunks of(Object value) {
        JsonChunks out = new JsonChunks();
        try (OutputStream sink = out.sink()) {
            Json.MAPPER.writeValue(sink, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    long length() {
        return length;
    }

    /** The arrays the bytes are held in (for tests). */
    List<byte[]> chunks() {
        return chunks;
    }

    /** Writes every byte to {@code out}, one chunk per write. */
    void writeTo(OutputStream out) throws IOException {
        for (int i = 0; i < chunks.size(); i++) {
            byte[] c = chunks.get(i);
            out.write(c, 0, i == chunks.size() - 1 ? lastLength : c.length);
        }
    }

    /** The bytes as one array (for tests and small answers). */
    byte[] toByteArray() {
        byte[] all = new byte[Math.toIntExact(length)];
        int at = 0;
        for (int i = 0; i < chunks.size(); i++) {
            byte[] c = chunks.get(i);
            int n = i == chunks.size() - 1 ? lastLength : c.length;
            System.arraycopy(c, 0, all, at, n);
            at += n;
        }
        return all;
    }

    private OutputStream sink() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                last()[lastLength++] = (byte) b;
                length++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                while (len > 0) {
                    byte[] c = last();
                    int n = Math.min(len, c.length - lastLength);
                    System.arraycopy(b, off, c, lastLength, n);
                    lastLength += n;
                    length += n;
                    off += n;
                    len -= n;
                }
            }
        };
    }

    /** The array to write into, a fresh one when the last is full: 8 KB, then as large as what is held, at most 64 KB. */
    private byte[] last() {
        if (chunks.isEmpty() || lastLength == chunks.get(chunks.size() - 1).length) {
            chunks.add(new byte[(int) Math.min(CHUNK, Math.max(FIRST, length))]);
            lastLength = 0;
        }
        return chunks.get(chunks.size() - 1);
    }
}
