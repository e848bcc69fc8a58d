package dev.burrow.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One row of the project tree as PostHog sends it (contract/file_system.md §2).
 * {@code shortcut} may be null (folders created by move, link or unfiled); treat null as false.
 *
 * <p>A value: two rows with the same fields are equal, whichever way each holds them. A row the
 * client keeps in its index is {@linkplain #compact() compact}: the fields the tree never reads
 * while it draws or sorts ({@code ref}, {@code href}, {@code created_at} and {@code meta}) are
 * held as one array of bytes and read back when asked for. A 100,000-row index otherwise held
 * them as thirteen small objects a row, which the collector copied as the index loaded and which
 * took ~40 MB of the heap.
 */
@JsonPropertyOrder({"id", "path", "depth", "type", "ref", "href", "meta", "shortcut", "created_at", "created_by",
    "last_viewed_at", "user_access_level"})
public final class FileSystemEntry {

    public static final String FOLDER = "folder";

    private static final int REF = 0;
    private static final int HREF = 1;
    private static final int CREATED_AT = 2;
    private static final int META = 3;

    private final String id;
    private final String path;
    private final Integer depth;
    private final String type;
    private final String ref;
    private final String href;
    private final JsonNode meta;
    private final Boolean shortcut;
    private final String createdAt;
    private final JsonNode createdBy;
    private final String lastViewedAt;
    private final String userAccessLevel;
    /** ref, href, created_at and meta's JSON, each as a length and its UTF-8 bytes; null when held as they are. */
    private final byte[] packed;

    @JsonCreator
    public FileSystemEntry(
            @JsonProperty("id") String id,
            @JsonProperty("path") String path,
            @JsonProperty("depth") Integer depth,
            @JsonProperty("type") String type,
            @JsonProperty("ref") String ref,
            @JsonProperty("href") String href,
            @JsonProperty("meta") JsonNode meta,
            @JsonProperty("shortcut") Boolean shortcut,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("created_by") JsonNode createdBy,
            @JsonProperty("last_viewed_at") String lastViewedAt,
            @JsonProperty("user_access_level") String userAccessLevel) {
        this(id, path, depth, type, ref, href, meta, shortcut, createdAt, createdBy, lastViewedAt, userAccessLevel,
                null);
    }

    private FileSystemEntry(String id, String path, Integer depth, String type, String ref, String href,
            JsonNode meta, Boolean shortcut, String createdAt, JsonNode createdBy, String lastViewedAt,
            String userAccessLevel, byte[] packed) {
        this.id = id;
        this.path = path;
        this.depth = depth;
        this.type = type;
        this.ref = ref;
        this.href = href;
        this.meta = meta;
        this.shortcut = shortcut;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.lastViewedAt = lastViewedAt;
        this.userAccessLevel = userAccessLevel;
        this.packed = packed;
    }

    @JsonProperty("id")
    public String id() {
        return id;
    }

    @JsonProperty("path")
    public String path() {
        return path;
    }

    @JsonProperty("depth")
    public Integer depth() {
        return depth;
    }

    @JsonProperty("type")
    public String type() {
        return type;
    }

    @JsonProperty("ref")
    public String ref() {
        return packed == null ? ref : text(REF);
    }

    @JsonProperty("href")
    public String href() {
        return packed == null ? href : text(HREF);
    }

    /** The row's meta; a compact row reads it anew on each call, so changing what it returns changes no row. */
    @JsonProperty("meta")
    public JsonNode meta() {
        if (packed == null) {
            return meta;
        }
        int at = start(META);
        int length = length(at);
        if (length < 0) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(packed, skip(at), length);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // written by compact() from a tree: cannot happen
        }
    }

    @JsonProperty("shortcut")
    public Boolean shortcut() {
        return shortcut;
    }

    @JsonProperty("created_at")
    public String createdAt() {
        return packed == null ? createdAt : text(CREATED_AT);
    }

    @JsonProperty("created_by")
    public JsonNode createdBy() {
        return createdBy;
    }

    @JsonProperty("last_viewed_at")
    public String lastViewedAt() {
        return lastViewedAt;
    }

    @JsonProperty("user_access_level")
    public String userAccessLevel() {
        return userAccessLevel;
    }

    @JsonIgnore
    public boolean isFolder() {
        return FOLDER.equals(type);
    }

    /** True for a link row (an alias in the shared tree). */
    @JsonIgnore
    public boolean isLink() {
        return Boolean.TRUE.equals(shortcut);
    }

    /** The unescaped display name: the last segment of the path. */
    public String name() {
        return EntryPath.leaf(path);
    }

    /** True when this row holds its seldom-read fields packed (see {@link #compact()}). */
    @JsonIgnore
    public boolean isCompact() {
        return packed != null;
    }

    /**
     * The same row, its {@code ref}, {@code href}, {@code created_at} and {@code meta} held as one
     * array of bytes (this row when it already is). For rows kept by the thousand.
     */
    public FileSystemEntry compact() {
        if (packed != null) {
            return this;
        }
        byte[][] parts = {utf8(ref), utf8(href), utf8(createdAt), meta == null ? null : Json.bytes(meta)};
        int size = 0;
        for (byte[] p : parts) {
            size += 5 + (p == null ? 0 : p.length);
        }
        byte[] out = new byte[size];
        int at = 0;
        for (byte[] p : parts) {
            at = writeLength(out, at, p == null ? 0 : p.length + 1);
            if (p != null) {
                System.arraycopy(p, 0, out, at, p.length);
                at += p.length;
            }
        }
        return new FileSystemEntry(id, path, depth, type, null, null, null, shortcut, null, createdBy, lastViewedAt,
                userAccessLevel, Arrays.copyOf(out, at));
    }

    public FileSystemEntry withPath(String newPath) {
        return new FileSystemEntry(id, newPath, EntryPath.depth(newPath), type, ref, href, meta, shortcut,
                createdAt, createdBy, lastViewedAt, userAccessLevel, packed);
    }

    public FileSystemEntry withShortcut(Boolean value) {
        return new FileSystemEntry(id, path, depth, type, ref, href, meta, value,
                createdAt, createdBy, lastViewedAt, userAccessLevel, packed);
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /** Writes n as 7 bits a byte, low bits first, the high bit set on all but the last byte. */
    private static int writeLength(byte[] out, int at, int n) {
        while (n >= 0x80) {
            out[at++] = (byte) (n | 0x80);
            n >>>= 7;
        }
        out[at++] = (byte) n;
        return at;
    }

    /** The length stored at {@code at}: −1 for null. */
    private int length(int at) {
        int n = 0;
        int shift = 0;
        byte b;
        do {
            b = packed[at++];
            n |= (b & 0x7f) << shift;
            shift += 7;
        } while (b < 0);
        return n - 1;
    }

    /** Where the bytes after the length stored at {@code at} begin. */
    private int skip(int at) {
        while (packed[at] < 0) {
            at++;
        }
        return at + 1;
    }

    /** Where field {@code k}'s length is stored. */
    private int start(int k) {
        int at = 0;
        for (int i = 0; i < k; i++) {
            at = skip(at) + Math.max(0, length(at));
        }
        return at;
    }

    private String text(int k) {
        int at = start(k);
        int length = length(at);
        return length < 0 ? null : new String(packed, skip(at), length, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FileSystemEntry e)) {
            return false;
        }
        if (!Objects.equals(id, e.id) || !Objects.equals(path, e.path) || !Objects.equals(depth, e.depth)
                || !Objects.equals(type, e.type) || !Objects.equals(shortcut, e.shortcut)
                || !Objects.equals(createdBy, e.createdBy) || !Objects.equals(lastViewedAt, e.lastViewedAt)
                || !Objects.equals(userAccessLevel, e.userAccessLevel)) {
            return false;
        }
        if (packed != null && e.packed != null && Arrays.equals(packed, e.packed)) {
            return true;
        }
        return Objects.equals(ref(), e.ref()) && Objects.equals(href(), e.href())
                && Objects.equals(createdAt(), e.createdAt()) && Objects.equals(meta(), e.meta());
    }

    /** From the fields every row holds as they are, so that a compact row hashes as its full self. */
    @Override
    public int hashCode() {
        return Objects.hash(id, path, depth, type, shortcut, lastViewedAt, userAccessLevel);
    }

    @Override
    public String toString() {
        return "FileSystemEntry[id=" + id + ", path=" + path + ", depth=" + depth + ", type=" + type + ", ref=" + ref()
                + ", href=" + href() + ", meta=" + meta() + ", shortcut=" + shortcut + ", createdAt=" + createdAt()
                + ", createdBy=" + createdBy + ", lastViewedAt=" + lastViewedAt + ", userAccessLevel="
                + userAccessLevel + "]";
    }
}
