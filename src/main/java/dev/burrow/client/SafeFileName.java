package dev.burrow.client;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Makes a file name from a server safe to create inside a chosen folder: it can never name a
 * path elsewhere, a device, a hidden file, or something Windows, macOS or Linux would refuse.
 */
public final class SafeFileName {

    /** Bytes, not characters: file systems limit names to 255 bytes. */
    static final int MAX_BYTES = 200;
    private static final String DEFAULT_FALLBACK = "download";
    private static final Set<String> DEVICES = Set.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "COM¹", "COM²", "COM³", "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
            "LPT¹", "LPT²", "LPT³");

    private SafeFileName() {
    }

    /**
     * A safe single file name for {@code raw}; {@code fallback} (made safe too) when nothing usable
     * is left, and {@code download} when the fallback is no better.
     */
    public static String of(String raw, String fallback) {
        String name = clean(raw);
        if (name.isEmpty()) {
            name = clean(fallback);
        }
        return name.isEmpty() ? DEFAULT_FALLBACK : name;
    }

    private static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        // Keep only the last component of anything that looks like a path, in either convention.
        String s = raw;
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        if (slash >= 0) {
            s = s.substring(slash + 1);
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\t' || cp == '\n' || cp == '\r') {
                sb.append(' ');
                return;
            }
            if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
                return; // NUL and control characters
            }
            int type = Character.getType(cp);
            if (type == Character.FORMAT || type == Character.SURROGATE || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED) {
                return; // bidi overrides and other invisible tricks
            }
            if ("<>:\"|?*".indexOf(cp) >= 0) {
                sb.append('_');
                return;
            }
            sb.appendCodePoint(Character.isWhitespace(cp) ? ' ' : cp);
        });
        String name = sb.toString().strip();
        // No hidden files and no "." or "..": drop leading dots; Windows drops trailing dots and spaces.
        name = name.replaceFirst("^[. ]+", "").replaceFirst("[. ]+$", "");
        if (name.isEmpty()) {
            return "";
        }
        String stem = name;
        int dot = name.indexOf('.');
        if (dot >= 0) {
            stem = name.substring(0, dot);
        }
        if (DEVICES.contains(stem.strip().toUpperCase(Locale.ROOT))) {
            name = "_" + name;
        }
        return shorten(name);
    }

    /** Cuts the stem so the whole name fits {@link #MAX_BYTES}, keeping a short extension. */
    static String shorten(String name) {
        if (utf8Length(name) <= MAX_BYTES) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        String stem = ext.isEmpty() ? name : name.substring(0, dot);
        int budget = MAX_BYTES - utf8Length(ext);
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < stem.length();) {
            int cp = stem.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + len > budget) {
                break;
            }
            out.appendCodePoint(cp);
            used += len;
            i += Character.charCount(cp);
        }
        return out.toString().strip().replaceFirst("[. ]+$", "") + ext;
    }

    /** {@code name (1).ext}, {@code name (2).ext}, … for the n-th alternative to an existing file. */
    public static String numbered(String name, int n) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return shorten(name + " (" + n + ")");
        }
        String candidate = name.substring(0, dot) + " (" + n + ")" + name.substring(dot);
        if (utf8Length(candidate) <= MAX_BYTES + 8) {
            return candidate;
        }
        return shorten(name.substring(0, dot)) + " (" + n + ")" + name.substring(dot);
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
