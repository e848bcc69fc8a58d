package dev.burrow.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile requests to the local server — bodies, query strings, paths and headers, sent as raw
 * bytes — never get a 500, and a request the server refuses changes nothing in the store
 * ({@link TestServer#fingerprint()} before and after).
 */
class BadInputFuzzTest {

    private static TestServer server;
    private static String folderId;
    private static String itemId;
    private static String linkId;

    @BeforeContainer
    static void start() {
        server = TestServer.start("empty", List.of(new ApiKey(TestServer.KEY, Set.of())), false);
        folderId = server.row("Folder", "folder");
        server.object("dashboard", "7", 7, "Dash");
        itemId = server.row(1, "Folder/Dash", "dashboard", "7", false, null, null);
        linkId = server.row(1, "Folder/Dash link", "dashboard", "7", true, null, null);
        server.row("Folder/Sub", "folder");
        server.row("Folder/Sub/Deep", "notebook");
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    /** A status (-1 when the server closed without answering) and the body. */
    record Raw(int status, String body) {
    }

    /** Sends one request as raw bytes: no client library tidies anything up. */
    static Raw send(String method, String target, List<String> headers, byte[] body) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.server().port())) {
            s.setSoTimeout(30_000);
            ByteArrayOutputStream req = new ByteArrayOutputStream();
            StringBuilder head = new StringBuilder();
            head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            head.append("Host: 127.0.0.1\r\nConnection: close\r\n");
            for (String h : headers) {
                head.append(h).append("\r\n");
            }
            head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            req.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            req.writeBytes(body);
            OutputStream out = s.getOutputStream();
            out.write(req.toByteArray());
            out.flush();
            InputStream in = s.getInputStream();
            byte[] all;
            try {
                all = in.readAllBytes();
            } catch (java.net.SocketException reset) {
                return new Raw(-1, "");
            }
            String text = new String(all, StandardCharsets.UTF_8);
            // An "Expect: 100-continue" request gets an interim "100 Continue" first: the
            // answer that counts is the final one after it.
            while (text.startsWith("HTTP/1.1 1") && text.indexOf("\r\n\r\n") > 0) {
                text = text.substring(text.indexOf("\r\n\r\n") + 4);
            }
            if (!text.startsWith("HTTP/1.1 ")) {
                return new Raw(-1, text);
            }
            return new Raw(Integer.parseInt(text.substring(9, 12)), text);
        }
    }

    static final String API = "/api/environments/1/";

    private static void check(String method, String target, List<String> headers, byte[] body) throws Exception {
        String before = server.fingerprint();
        Raw r = send(method, target, headers, body);
        String what = method + " " + target + " " + headers + " " + new String(body, StandardCharsets.UTF_8);
        assertTrue(r.status() < 500, () -> "no server error for " + what + "\n" + r.body());
        if (r.status() < 200 || r.status() >= 300) {
            assertEquals(before, server.fingerprint(), () -> "a refused request changed nothing: " + what + " → "
                    + r.status());
        }
    }

    private static List<String> auth() {
        return List.of("Authorization: Bearer " + TestServer.KEY, "Content-Type: application/json");
    }

    // ---- bodies ---------------------------------------------------------------------------

    @Provide
    Arbitrary<String> jsonValue() {
        Arbitrary<String> strings = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.of("", " ", "/", "//", "Folder", "Folder/Sub", "Folder/Dash", "a\\/b", "\\", "\u0000",
                        "x".repeat(4001), "a/".repeat(51) + "z", "Folder/" + "é".repeat(10), "folder", "link",
                        "hog_function/destination", "dashboard", "2024-01-01T00:00:00Z", "true", "1"))
                .map(BadInputFuzzTest::quote);
        Arbitrary<String> scalars = Arbitraries.of("null", "true", "false", "0", "-1", "1", "1e308", "-0.5",
                "99999999999999999999999", "[]", "{}", "[1,2]", "{\"a\":{\"b\":[null]}}", "[" .repeat(300) + "]".repeat(300));
        return Arbitraries.oneOf(strings, scalars);
    }

    @Provide
    Arbitrary<String> body() {
        Arbitrary<String> field = Arbitraries.of("path", "type", "ref", "href", "meta", "shortcut", "new_path",
                "items", "viewed_at", "id", "depth", "order", "export_format", "Path", "");
        Arbitrary<String> member = Combinators.combine(field, jsonValue()).as((k, v) -> quote(k) + ":" + v);
        Arbitrary<String> object = member.list().ofMaxSize(5).map(l -> "{" + String.join(",", l) + "}");
        Arbitrary<String> items = member.list().ofMaxSize(3).map(l -> "{" + String.join(",", l) + "}").list()
                .ofMaxSize(3).map(l -> "{\"items\":[" + String.join(",", l) + "]}");
        Arbitrary<String> broken = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.of("{", "{\"path\":", "{\"path\":\"a\"}{}", "{\"path\":\"a\"} x", "\uFEFF{}", "nul",
                        "{\"path\":\"a\",\"path\":\"b\",\"type\":\"folder\"}", "{'path':'a'}"));
        return Arbitraries.oneOf(object, object, items, jsonValue(), broken);
    }

    @Provide
    Arbitrary<String> writeTarget() {
        return Arbitraries.of("POST file_system/", "PATCH file_system/{item}/", "PUT file_system/{folder}/",
                "PATCH file_system/{folder}/", "POST file_system/{folder}/move/", "POST file_system/{item}/move/",
                "POST file_system/{item}/link/", "POST file_system/{folder}/link/", "POST file_system/undo_delete/",
                "POST file_system/count_by_path/", "POST file_system/{folder}/count/", "POST file_system/log_view/",
                "POST file_system_shortcut/", "POST exports/", "PATCH file_system/{link}/",
                "POST file_system/{missing}/move/");
    }

    @Property(tries = 400)
    void anyBodyToAnyWriteGetsNoServerErrorAndARefusalWritesNothing(@ForAll("writeTarget") String target,
            @ForAll("body") String body) throws Exception {
        String[] parts = target.split(" ");
        String path = parts[1].replace("{item}", itemId).replace("{folder}", folderId).replace("{link}", linkId)
                .replace("{missing}", "01890000-0000-7000-8000-000000000000");
        check(parts[0], API + path, auth(), body.getBytes(StandardCharsets.UTF_8));
    }

    // ---- query strings ------------------------------------------------------------------------

    @Provide
    Arbitrary<String> query() {
        Arbitrary<String> name = Arbitraries.of("parent", "depth", "path", "type", "ref", "not_type",
                "type__startswith", "created_at__gt", "created_at__lt", "search", "search_name_only", "order_by",
                "limit", "offset", "recursive", "x", "", "%", "limit[]");
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(20).map(BadInputFuzzTest::encode),
                Arbitraries.of("", "-1", "0", "2147483648", "99999999999999999999", "1.5", "%", "%zz", "%00", "%ff%fe",
                        "+", "Folder", "Folder%2FSub", "-last_viewed_at", "last_viewed_at", "path", "-path",
                        "created_at", "2024-13-45", "now", "true", "name:%22", "%E2%80%AE"));
        Arbitrary<String> pair = Combinators.combine(name, value).as((k, v) -> k + "=" + v);
        return pair.list().ofMaxSize(5).map(l -> String.join("&", l));
    }

    @Property(tries = 300)
    void anyQueryStringReadsWithoutServerErrorOrWrites(@ForAll("query") String query,
            @ForAll("readTarget") String target) throws Exception {
        String[] parts = target.split(" ");
        String path = parts[1].replace("{folder}", folderId).replace("{item}", itemId);
        check(parts[0], API + path + "?" + query, auth(), new byte[0]);
    }

    @Provide
    Arbitrary<String> readTarget() {
        return Arbitraries.of("GET file_system/", "GET file_system/{item}/", "POST file_system/count_by_path/",
                "GET file_system/log_view/", "GET file_system_shortcut/", "DELETE file_system/{item}/x/",
                "GET exports/");
    }

    // ---- paths and methods ----------------------------------------------------------------------

    @Provide
    Arbitrary<String> pathSegments() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12).map(BadInputFuzzTest::encode),
                Arbitraries.of("file_system", "file_system_shortcut", "exports", "insights", "dashboards", "move",
                        "link", "count", "unfiled", "undo_delete", "..", ".", "%2e%2e", "%2F", "%zz", "%00", "", "1",
                        "00000000-0000-0000-0000-000000000000", "{item}", "{folder}", ";", "?", "#"));
        return segment.list().ofMinSize(1).ofMaxSize(5).map(l -> String.join("/", l));
    }

    @Property(tries = 300)
    void anyPathAndMethodGetsNoServerErrorAndARefusalWritesNothing(@ForAll("pathSegments") String path,
            @ForAll("method") String method, @ForAll("prefix") String prefix) throws Exception {
        String p = path.replace("{item}", itemId).replace("{folder}", folderId);
        if (p.contains("unfiled")) {
            return; // GET unfiled files rows by design
        }
        check(method, prefix + p, auth(), "{}".getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> method() {
        return Arbitraries.of("GET", "POST", "PATCH", "PUT", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "get");
    }

    @Provide
    Arbitrary<String> prefix() {
        return Arbitraries.of(API, "/api/projects/1/", "/api/environments/2/", "/api/environments/%31/",
                "/api/environments//", "/api/", "/", "//api/environments/1/", "/api/environments/1/../1/",
                "/storage/");
    }

    // ---- headers --------------------------------------------------------------------------------

    @Provide
    Arbitrary<List<String>> headers() {
        Arbitrary<String> authorization = Arbitraries.of("Authorization: Bearer " + TestServer.KEY,
                "Authorization: bearer " + TestServer.KEY, "Authorization: Bearer  " + TestServer.KEY + " ",
                "Authorization: " + TestServer.KEY, "Authorization: Bearer", "Authorization:", "Authorization: Basic eDp5",
                "Authorization: Bearer " + "k".repeat(10_000), "Authorization: Bearer \u00e9\u00e9",
                "Authorization: Bearer " + TestServer.KEY + "x");
        Arbitrary<String> contentType = Arbitraries.of("Content-Type: application/json", "Content-Type: text/plain",
                "Content-Type: application/x-www-form-urlencoded", "Content-Type: multipart/form-data; boundary=x",
                "Content-Type: application/json; charset=latin1", "Content-Type:", "Content-Type: \u00ff");
        Arbitrary<String> other = Arbitraries.of("X-Forwarded-Host: evil.example", "Accept: */*", "Accept: text/html",
                "Range: bytes=0-1", "Expect: 100-continue", "Transfer-Encoding: gzip", "Host: other",
                "X-" + "a".repeat(100) + ": b");
        return Combinators.combine(authorization, contentType, other.list().ofMaxSize(2)).as((a, c, o) -> {
            List<String> all = new java.util.ArrayList<>(List.of(a, c));
            all.addAll(o);
            return all;
        });
    }

    @Property(tries = 200)
    void anyHeadersGetNoServerErrorAndARefusalWritesNothing(@ForAll("headers") List<String> headers,
            @ForAll("body") String body) throws Exception {
        check("POST", API + "file_system/", headers, body.getBytes(StandardCharsets.UTF_8));
    }

    // ---- helpers --------------------------------------------------------------------------------

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** Percent-encodes everything outside unreserved ASCII, so any text fits in a request line. */
    static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }
}
