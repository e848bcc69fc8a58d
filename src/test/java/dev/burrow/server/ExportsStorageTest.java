package dev.burrow.server;

import static dev.burrow.server.ExportFixtures.I;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Export content: the 302 to signed local storage, and that storage behaving like presigned S3. */
class ExportsStorageTest extends ContractSupport {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static HttpResponse<byte[]> fetch(String url, String authorization, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private long csvExport;

    @BeforeEach
    void export() {
        ExportFixtures.setUp(s);
        TestServer.Reply r = s.post("exports/", "{\"export_format\":\"text/csv\",\"insight\":" + I + "}");
        assertTrue(r.body().get("has_content").asBoolean(), r.body()::toString);
        csvExport = r.body().get("id").asLong();
    }

    private String location(String query) {
        TestServer.Reply r = s.get("exports/" + csvExport + "/content/" + query);
        assertEquals(302, r.status(), r.body()::toString);
        return r.headers().firstValue("Location").orElseThrow();
    }

    private byte[] expected() {
        return "series,1-Jan-2024,2-Jan-2024,3-Jan-2024\r\n$pageview,10,20,15\r\nsigned_up,3,4.5,5\r\n"
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void redirectTargetWorksWithoutAuthorization() {
        String url = location("");
        assertTrue(url.startsWith(s.server().baseUrl() + "/_storage/"), url);
        HttpResponse<byte[]> r = fetch(url, null);
        assertEquals(200, r.statusCode());
        assertArrayEquals(expected(), r.body());
        assertEquals("text/csv", r.headers().firstValue("Content-Type").orElseThrow());
        assertFalse(r.headers().firstValue("Content-Disposition").isPresent(), "inline without download=true");
        assertEquals("bytes", r.headers().firstValue("Accept-Ranges").orElseThrow());
    }

    @Test
    void downloadSignsTheDisposition() {
        String filename = s.get("exports/" + csvExport + "/").body().get("filename").asText();
        HttpResponse<byte[]> r = fetch(location("?download=true"), null);
        assertEquals(200, r.statusCode());
        assertEquals("attachment; filename=\"" + filename + "\"",
                r.headers().firstValue("Content-Disposition").orElseThrow());
    }

    @Test
    void storageRefusesASecondAuthMechanism() {
        HttpResponse<byte[]> r = fetch(location(""), "Bearer " + TestServer.KEY);
        assertEquals(400, r.statusCode());
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(body.contains("<Code>InvalidArgument</Code>"), body);
        assertTrue(body.contains("Only one auth mechanism allowed"), body);
        assertEquals("application/xml", r.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void tamperedOrExpiredUrlsAreRefused() {
        String url = location("");
        String badSig = url.substring(0, url.length() - 2) + (url.endsWith("00") ? "11" : "00");
        HttpResponse<byte[]> r = fetch(badSig, null);
        assertEquals(403, r.statusCode());
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("<Code>SignatureDoesNotMatch</Code>"));
        // a later expiry without a new signature
        String longer = url.replaceFirst("expires=(\\d+)", "expires=" + (Instant.now().getEpochSecond() + 99_999));
        assertEquals(403, fetch(longer, null).statusCode());
        // another file under the same signature
        assertEquals(403, fetch(url.replace("/_storage/csv/", "/_storage/png/"), null).statusCode());
        // a correctly signed URL that has expired
        String key = s.query("SELECT content_location FROM exports WHERE id = ?", csvExport).get(0).get(0);
        String expired = s.server().storage().url(s.server().baseUrl(), key, "text/csv", null,
                Instant.now().getEpochSecond() - 1);
        HttpResponse<byte[]> e = fetch(expired, null);
        assertEquals(403, e.statusCode());
        String body = new String(e.body(), StandardCharsets.UTF_8);
        assertTrue(body.contains("<Code>AccessDenied</Code>") && body.contains("Request has expired"), body);
        // unsigned
        assertEquals(403, fetch(s.server().baseUrl() + "/_storage/" + key, null).statusCode());
        // signed, but nothing stored there
        String missing = s.server().storage().url(s.server().baseUrl(), "csv/team-1/task-1/nothing", "text/csv",
                null, Instant.now().getEpochSecond() + 60);
        HttpResponse<byte[]> m = fetch(missing, null);
        assertEquals(404, m.statusCode());
        assertTrue(new String(m.body(), StandardCharsets.UTF_8).contains("<Code>NoSuchKey</Code>"));
    }

    @Test
    void rangeRequests() {
        String url = location("");
        byte[] all = expected();
        HttpResponse<byte[]> first = fetch(url, null, "Range", "bytes=0-5");
        assertEquals(206, first.statusCode());
        assertArrayEquals(Arrays.copyOfRange(all, 0, 6), first.body());
        assertEquals("bytes 0-5/" + all.length, first.headers().firstValue("Content-Range").orElseThrow());
        HttpResponse<byte[]> tail = fetch(url, null, "Range", "bytes=-4");
        assertEquals(206, tail.statusCode());
        assertArrayEquals(Arrays.copyOfRange(all, all.length - 4, all.length), tail.body());
        HttpResponse<byte[]> open = fetch(url, null, "Range", "bytes=10-");
        assertEquals(206, open.statusCode());
        assertArrayEquals(Arrays.copyOfRange(all, 10, all.length), open.body());
        HttpResponse<byte[]> beyond = fetch(url, null, "Range", "bytes=5-100000");
        assertEquals(206, beyond.statusCode());
        assertEquals("bytes 5-" + (all.length - 1) + "/" + all.length,
                beyond.headers().firstValue("Content-Range").orElseThrow());
        HttpResponse<byte[]> bad = fetch(url, null, "Range", "bytes=" + all.length + "-");
        assertEquals(416, bad.statusCode());
        assertEquals("bytes */" + all.length, bad.headers().firstValue("Content-Range").orElseThrow());
        assertTrue(new String(bad.body(), StandardCharsets.UTF_8).contains("<Code>InvalidRange</Code>"));
    }

    @Test
    void directIsHonouredForPngOnly() {
        // CSV keeps the redirect
        assertEquals(302, s.get("exports/" + csvExport + "/content/?direct=true").status());
        long png = s.post("exports/", "{\"export_format\":\"image/png\",\"insight\":" + I + "}").body().get("id")
                .asLong();
        HttpResponse<byte[]> r = fetch(s.url("exports/" + png + "/content/?direct=true&download=true"),
                "Bearer " + TestServer.KEY);
        assertEquals(200, r.statusCode());
        assertEquals("image/png", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("max-age=86400", r.headers().firstValue("Cache-Control").orElseThrow());
        String filename = s.get("exports/" + png + "/").body().get("filename").asText();
        assertEquals("attachment; filename=\"" + filename + "\"",
                r.headers().firstValue("Content-Disposition").orElseThrow());
        assertEquals((byte) 0x89, r.body()[0]);
        HttpResponse<byte[]> inline = fetch(s.url("exports/" + png + "/content/?direct=true"),
                "Bearer " + TestServer.KEY);
        assertFalse(inline.headers().firstValue("Content-Disposition").isPresent());
    }

    @Test
    void contentIsAFileInTheDataFolder() throws Exception {
        String key = s.query("SELECT content_location FROM exports WHERE id = ?", csvExport).get(0).get(0);
        assertTrue(key.startsWith("csv/team-1/task-" + csvExport + "/"), key);
        assertArrayEquals(expected(), java.nio.file.Files.readAllBytes(s.dataDir().resolve("exports").resolve(key)));
    }

    @Test
    void databaseContentIsServedDirectly() {
        s.sql("UPDATE exports SET content = ?, content_location = NULL WHERE id = ?", "a,b\r\n".getBytes(
                StandardCharsets.UTF_8), csvExport);
        HttpResponse<byte[]> r = fetch(s.url("exports/" + csvExport + "/content/"), "Bearer " + TestServer.KEY);
        assertEquals(200, r.statusCode());
        assertEquals("a,b\r\n", new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("text/csv", r.headers().firstValue("Content-Type").orElseThrow());
    }
}
