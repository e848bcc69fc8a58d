package dev.burrow.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reads the file name from a {@code Content-Disposition} header; {@code filename*} (RFC 5987) wins over {@code filename}. */
final class ContentDisposition {

    private ContentDisposition() {
    }

    /** The raw (unsafe) file name, or null. Make it safe with {@link SafeFileName}. */
    static String fileName(String header) {
        if (header == null) {
            return null;
        }
        String plain = null;
        String extended = null;
        int i = header.indexOf(';');
        while (i >= 0 && i < header.length()) {
            int eq = header.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = header.substring(i + 1, eq).trim().toLowerCase(Locale.ROOT);
            int p = eq + 1;
            while (p < header.length() && header.charAt(p) == ' ') {
                p++;
            }
            String value;
            int end;
            if (p < header.length() && header.charAt(p) == '"') {
                StringBuilder sb = new StringBuilder();
                int q = p + 1;
                while (q < header.length() && header.charAt(q) != '"') {
                    char c = header.charAt(q);
                    if (c == '\\' && q + 1 < header.length()) {
                        q++;
                        c = header.charAt(q);
                    }
                    sb.append(c);
                    q++;
                }
                value = sb.toString();
                end = header.indexOf(';', q);
            } else {
                end = header.indexOf(';', p);
                value = (end < 0 ? header.substring(p) : header.substring(p, end)).trim();
            }
            if (name.equals("filename*")) {
                extended = decodeExtended(value);
            } else if (name.equals("filename")) {
                plain = value;
            }
            i = end;
        }
        return extended != null ? extended : plain;
    }

    /** {@code UTF-8''na%C3%AFve.csv} → {@code naïve.csv}; null when malformed. */
    static String decodeExtended(String value) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0) {
            return null;
        }
        Charset charset;
        try {
            charset = Charset.forName(value.substring(0, first).trim());
        } catch (IllegalArgumentException e) {
            charset = StandardCharsets.UTF_8;
        }
        String encoded = value.substring(second + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int k = 0; k < encoded.length(); k++) {
            char c = encoded.charAt(k);
            if (c == '%' && k + 2 < encoded.length()) {
                int hi = Character.digit(encoded.charAt(k + 1), 16);
                int lo = Character.digit(encoded.charAt(k + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi * 16 + lo);
                k += 2;
            } else if (c == '%') {
                return null;
            } else {
                out.write(c);
            }
        }
        return out.toString(charset);
    }
}
