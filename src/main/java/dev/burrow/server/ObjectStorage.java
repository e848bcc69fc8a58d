package dev.burrow.server;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The local object storage behind export content: files under {@code <data>/exports}, served
 * at {@code /_storage/<key>} only through URLs signed with a key that lives as long as the
 * server. Like a presigned S3 URL, a storage URL carries its own authorisation, so a request
 * that also sends an {@code Authorization} header is refused; errors are S3's XML bodies.
 */
final class ObjectStorage {

    static final String PREFIX = "/_storage/";
    /** How long a content URL stays valid: the S3 client's default. */
    static final long TTL_SECONDS = 3600;
    private static final Pattern RANGE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");

    private final Path root;
    private final byte[] key = new byte[32];

    ObjectStorage(Path dataDir) {
        this.root = dataDir.resolve("exports").toAbsolutePath().normalize();
        new SecureRandom().nextBytes(key);
    }

    /** Stores {@code data} under {@code prefix}/{uuid}; answers the key (a relative path). */
    String put(String prefix, byte[] data) throws IOException {
        String name = prefix + "/" + UUID.randomUUID();
        Path file = resolve(name);
        if (file == null) {
            throw new IOException("bad storage key " + name);
        }
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), ".upload", ".tmp");
        try {
            Files.write(tmp, data);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return name;
    }

    /** The file of a key, or null for a key that would leave the storage folder. */
    private Path resolve(String name) {
        if (name.isEmpty() || name.contains("..") || name.contains("\\") || name.startsWith("/")) {
            return null;
        }
        Path file = root.resolve(name).normalize();
        return file.startsWith(root) && !file.equals(root) ? file : null;
    }

    /** The file behind a stored key; throws for a key outside the storage folder. */
    Path file(String name) {
        Path file = name == null ? null : resolve(name);
        if (file == null) {
            throw new IllegalArgumentException("bad storage key");
        }
        return file;
    }

    /** A signed URL for {@code name}, valid until {@code expires} (epoch seconds). */
    String url(String base, String name, String contentType, String disposition, long expires) {
        StringBuilder sb = new StringBuilder(base).append(PREFIX);
        for (String part : name.split("/")) {
            if (sb.charAt(sb.length() - 1) != '/') {
                sb.append('/');
            }
            sb.append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        sb.append("?expires=").append(expires);
        sb.append("&type=").append(enc(contentType));
        if (disposition != null) {
            sb.append("&disposition=").append(enc(disposition));
        }
        sb.append("&sig=").append(sign(name, expires, contentType, disposition));
        return sb.toString();
    }

    String url(String base, String name, String contentType, String disposition) {
        return url(base, name, contentType, disposition, Instant.now().getEpochSecond() + TTL_SECONDS);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String sign(String name, long expires, String contentType, String disposition) {
        String text = "GET\n" + name + "\n" + expires + "\n" + contentType + "\n" + (disposition == null ? "" : disposition);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers a request to {@code /_storage/…}; {@code rawPath} starts with {@link #PREFIX}. */
    Response serve(String method, String rawPath, String rawQuery, String authorization, String range) {
        String name = URLDecoder.decode(rawPath.substring(PREFIX.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return error(405, "MethodNotAllowed", "The specified method is not allowed against this resource.", name)
                    .withHeader("Allow", "GET, HEAD");
        }
        if (authorization != null) {
            return error(400, "InvalidArgument", "Only one auth mechanism allowed; only the X-Amz-Algorithm query"
                    + " parameter, Signature query string parameter or the Authorization header should be specified",
                    name);
        }
        Map<String, String> q = Request.parseQuery(rawQuery);
        String sig = q.get("sig");
        String expiresText = q.get("expires");
        String type = q.get("type");
        if (sig == null || expiresText == null || type == null) {
            return error(403, "AccessDenied", "Query-string authentication requires the signature, expires and"
                    + " type parameters", name);
        }
        long expires;
        try {
            expires = Long.parseLong(expiresText);
        } catch (NumberFormatException e) {
            return error(403, "AccessDenied", "Invalid date (should be seconds since epoch): " + expiresText, name);
        }
        String disposition = q.get("disposition");
        String expected = sign(name, expires, type, disposition);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                sig.getBytes(StandardCharsets.US_ASCII))) {
            return error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the"
                    + " signature you provided. Check your key and signing method.", name);
        }
        if (Instant.now().getEpochSecond() >= expires) {
            return error(403, "AccessDenied", "Request has expired", name);
        }
        Path file = resolve(name);
        long length;
        String etag;
        try {
            if (file == null || !Files.isRegularFile(file)) {
                return error(404, "NoSuchKey", "The specified key does not exist.", name);
            }
            length = Files.size(file);
            etag = etag(file, length);
        } catch (IOException e) {
            return error(404, "NoSuchKey", "The specified key does not exist.", name);
        }
        // streamed from disk: a 512 MB export used to be read whole, then copied whole by the JDK server
        Response ok = new Response(200, new Response.FileSlice(file, 0, length, type), Map.of())
                .withHeader("Accept-Ranges", "bytes").withHeader("ETag", "\"" + etag + "\"");
        if (disposition != null) {
            ok = ok.withHeader("Content-Disposition", disposition);
        }
        if (range == null) {
            return ok;
        }
        Matcher m = RANGE.matcher(range.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return ok; // a malformed or multi-part range is ignored: the whole object
        }
        long start;
        long end;
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0) {
                    return unsatisfiable(name, length);
                }
                start = Math.max(0, length - suffix);
                end = length - 1;
            } else {
                start = Long.parseLong(m.group(1));
                end = m.group(2).isEmpty() ? length - 1 : Math.min(length - 1, Long.parseLong(m.group(2)));
                if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < start) {
                    return ok; // an invalid range spec is ignored, as HTTP says
                }
            }
        } catch (NumberFormatException e) {
            return unsatisfiable(name, length);
        }
        if (start >= length) {
            return unsatisfiable(name, length);
        }
        Response partial = new Response(206, new Response.FileSlice(file, start, end - start + 1, type), ok.headers());
        return partial.withHeader("Content-Range", "bytes " + start + "-" + end + "/" + length);
    }

    private static Response unsatisfiable(String name, long length) {
        return error(416, "InvalidRange", "The requested range is not satisfiable", name)
                .withHeader("Content-Range", "bytes */" + length);
    }

    private record Stamp(long size, long modified, String etag) {
    }

    /** Stored objects never change in place, but the MD5 is remembered per size and time anyway. */
    private final Map<Path, Stamp> etags = new java.util.concurrent.ConcurrentHashMap<>();

    /** S3's ETag of a single-part object: the MD5 of its content, read in slices. */
    private String etag(Path file, long size) throws IOException {
        long modified = Files.getLastModifiedTime(file).toMillis();
        Stamp known = etags.get(file);
        if (known != null && known.size() == size && known.modified() == modified) {
            return known.etag();
        }
        try (java.io.InputStream in = Files.newInputStream(file)) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] buf = new byte[256 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                md5.update(buf, 0, n);
            }
            String etag = HexFormat.of().formatHex(md5.digest());
            etags.put(file, new Stamp(size, modified, etag));
            return etag;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response error(int status, String code, String message, String name) {
        String requestId = Long.toHexString(new SecureRandom().nextLong()).toUpperCase(java.util.Locale.ROOT);
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + xml(message) + "</Message><Key>" + xml(name) + "</Key><RequestId>" + requestId
                + "</RequestId></Error>";
        return Response.bytes(status, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
