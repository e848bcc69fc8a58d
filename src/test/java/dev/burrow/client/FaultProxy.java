package dev.burrow.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw-socket HTTP/1.1 proxy on 127.0.0.1 in front of an upstream, which answers each request
 * with the next queued {@link Fault} (or passes it through when none is queued). Every answer
 * closes the connection, so each request is one connection.
 */
final class FaultProxy implements AutoCloseable {

    /** What to do with one request. */
    sealed interface Fault {
    }

    /** 429 with PostHog's throttled detail (N seconds); optionally a Retry-After header instead. */
    record Throttle(Integer detailSeconds, Integer retryAfterHeader) implements Fault {
    }

    /** Answer this status and body without asking the upstream. */
    record Answer(int status, String contentType, String body) implements Fault {
    }

    /** Let the upstream act on the request, then answer this status instead of its answer. */
    record AfterUpstream(int status) implements Fault {
    }

    /** Forward, send the headers and half of the body, then reset the connection. */
    record ResetMidBody() implements Fault {
    }

    /** A complete 200 whose JSON body is cut off (the framing is correct). */
    record TruncatedJson() implements Fault {
    }

    /** Wait this long before forwarding. */
    record Slow(Duration delay) implements Fault {
    }

    /** 302 to another address. */
    record Redirect(String location) implements Fault {
    }

    /** Read the request, then reset the connection without asking the upstream: nothing was done. */
    record ResetBefore() implements Fault {
    }

    /**
     * Let the upstream act, then send a complete answer (correct framing) whose body is cut to half:
     * the server did the work and its JSON arrives cut off.
     */
    record TruncatedUpstream() implements Fault {
    }

    /** Let the upstream act, send its headers (with the full length) and half the body, then close normally. */
    record EndEarly() implements Fault {
    }

    record Seen(String method, String target, Map<String, String> headers) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger forwarded = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    private volatile String onlyFor;
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final URI upstream;
    private final ServerSocket socket;
    private final Thread acceptor;
    private volatile boolean closed;

    FaultProxy(String upstreamBase) throws IOException {
        this.upstream = URI.create(upstreamBase);
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "fault-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    FaultProxy then(Fault... next) {
        faults.addAll(List.of(next));
        return this;
    }

    /** Drops the faults not yet used. */
    FaultProxy clear() {
        faults.clear();
        return this;
    }

    /** Only requests whose target contains {@code part} take queued faults; others pass through. Null: all. */
    FaultProxy onlyFor(String part) {
        this.onlyFor = part;
        return this;
    }

    /** How many requests whose target contains {@code part} reached the proxy. */
    long countTarget(String part) {
        synchronized (seen) {
            return seen.stream().filter(s -> s.target.contains(part)).count();
        }
    }

    /** Waits until no connection is being handled (a slow fault may still forward after the client gave up). */
    void awaitIdle(Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (active.get() > 0) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the fault proxy is still busy");
            }
            Thread.sleep(10);
        }
    }

    long count(String method) {
        synchronized (seen) {
            return seen.stream().filter(s -> s.method.equals(method)).count();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = socket.accept();
                active.incrementAndGet();
                Thread t = new Thread(() -> handle(client), "fault-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    e.printStackTrace();
                }
            }
        }
    }

    private void handle(Socket client) {
        try {
            handleOne(client);
        } finally {
            active.decrementAndGet();
        }
    }

    private void handleOne(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String[] lines = head.split("\r\n");
            String[] requestLine = lines[0].split(" ");
            Map<String, String> headers = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                }
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            byte[] body = in.readNBytes(length);
            seen.add(new Seen(requestLine[0], requestLine[1], headers));
            OutputStream out = client.getOutputStream();
            String only = onlyFor;
            Fault fault = only == null || requestLine[1].contains(only) ? faults.poll() : null;
            if (fault == null) {
                out.write(forward(requestLine, headers, body));
            } else if (fault instanceof Throttle t) {
                String detail = t.detailSeconds() == null ? "Request was throttled."
                        : "Request was throttled. Expected available in " + t.detailSeconds() + " seconds.";
                String extra = t.retryAfterHeader() == null ? "" : "Retry-After: " + t.retryAfterHeader() + "\r\n";
                out.write(response(429, "application/json", extra,
                        "{\"type\":\"throttled_error\",\"code\":\"throttled\",\"detail\":\"" + detail + "\",\"attr\":null}"));
            } else if (fault instanceof Answer a) {
                out.write(response(a.status(), a.contentType(), "", a.body()));
            } else if (fault instanceof AfterUpstream a) {
                forward(requestLine, headers, body);
                out.write(response(a.status(), "application/json", "",
                        "{\"type\":\"server_error\",\"code\":\"error\",\"detail\":\"Service unavailable.\",\"attr\":null}"));
            } else if (fault instanceof ResetMidBody) {
                byte[] full = forward(requestLine, headers, body);
                int bodyStart = indexOf(full, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII)) + 4;
                int cut = bodyStart + Math.max(1, (full.length - bodyStart) / 2);
                out.write(full, 0, Math.min(cut, full.length - 1));
                out.flush();
                // a reset drops what the client has not read yet: let it read the half first, or
                // the fault becomes "reset before any byte" (a resumed download asked bytes=0-)
                Thread.sleep(300);
                client.setSoLinger(true, 0); // close with RST
                return;
            } else if (fault instanceof TruncatedJson) {
                out.write(response(200, "application/json", "", "{\"count\": 3, \"next\": null, \"results\": [{\"id\": \"a"));
            } else if (fault instanceof Slow s) {
                Thread.sleep(s.delay().toMillis());
                out.write(forward(requestLine, headers, body));
            } else if (fault instanceof ResetBefore) {
                client.setSoLinger(true, 0); // close with RST, having answered nothing
                return;
            } else if (fault instanceof TruncatedUpstream) {
                Raw raw = Raw.parse(forward(requestLine, headers, body));
                byte[] half = java.util.Arrays.copyOf(raw.body, raw.body.length / 2);
                out.write(raw.reframe(half, half.length));
            } else if (fault instanceof EndEarly) {
                Raw raw = Raw.parse(forward(requestLine, headers, body));
                byte[] half = java.util.Arrays.copyOf(raw.body, raw.body.length / 2);
                out.write(raw.reframe(half, raw.body.length));
            } else if (fault instanceof Redirect r) {
                out.write(response(302, "text/plain", "Location: " + r.location() + "\r\n", ""));
            }
            out.flush();
        } catch (IOException e) {
            // the client went away (timeouts do that)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends the request to the upstream and returns its whole raw answer. */
    private byte[] forward(String[] requestLine, Map<String, String> headers, byte[] body) throws IOException {
        forwarded.incrementAndGet();
        try (Socket up = new Socket(upstream.getHost(), upstream.getPort())) {
            StringBuilder sb = new StringBuilder();
            sb.append(requestLine[0]).append(' ').append(requestLine[1]).append(" HTTP/1.1\r\n");
            headers.forEach((k, v) -> {
                if (!k.equals("connection") && !k.equals("upgrade") && !k.equals("http2-settings")) {
                    sb.append(k).append(": ").append(v).append("\r\n");
                }
            });
            sb.append("connection: close\r\n\r\n");
            OutputStream o = up.getOutputStream();
            o.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
            o.write(body);
            o.flush();
            return up.getInputStream().readAllBytes();
        }
    }

    /** An upstream answer split into its head (status line and headers, unframed) and its decoded body. */
    private record Raw(String statusLine, List<String> headerLines, byte[] body) {

        static Raw parse(byte[] full) throws IOException {
            int split = indexOf(full, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String[] lines = new String(full, 0, split, StandardCharsets.ISO_8859_1).split("\r\n");
            List<String> kept = new ArrayList<>();
            boolean chunked = false;
            for (int i = 1; i < lines.length; i++) {
                String lower = lines[i].toLowerCase(Locale.ROOT);
                if (lower.startsWith("transfer-encoding:")) {
                    chunked = lower.contains("chunked");
                } else if (!lower.startsWith("content-length:") && !lower.startsWith("connection:")) {
                    kept.add(lines[i]);
                }
            }
            byte[] rest = java.util.Arrays.copyOfRange(full, split + 4, full.length);
            return new Raw(lines[0], kept, chunked ? dechunk(rest) : rest);
        }

        /** The head with {@code Content-Length: declared}, then {@code body}. */
        byte[] reframe(byte[] body, long declared) {
            StringBuilder head = new StringBuilder(statusLine).append("\r\n");
            headerLines.forEach(h -> head.append(h).append("\r\n"));
            head.append("Content-Length: ").append(declared).append("\r\nConnection: close\r\n\r\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(body);
            return out.toByteArray();
        }

        private static byte[] dechunk(byte[] in) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int p = 0;
            while (p < in.length) {
                int eol = indexOf(java.util.Arrays.copyOfRange(in, p, in.length), "\r\n".getBytes(StandardCharsets.US_ASCII));
                if (eol < 0) {
                    throw new IOException("bad chunk");
                }
                String size = new String(in, p, eol, StandardCharsets.ISO_8859_1).split(";")[0].trim();
                int n = Integer.parseInt(size, 16);
                p += eol + 2;
                if (n == 0) {
                    break;
                }
                out.write(in, p, n);
                p += n + 2;
            }
            return out.toByteArray();
        }
    }

    private static byte[] response(int status, String contentType, String extraHeaders, String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: " + b.length
                + "\r\n" + extraHeaders + "Connection: close\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int state = 0;
        int c;
        while ((c = in.read()) >= 0) {
            buf.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) ? state + 1 : (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
            if (state == 4) {
                String s = buf.toString(StandardCharsets.ISO_8859_1);
                return s.substring(0, s.length() - 4);
            }
        }
        return null;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        socket.close();
    }
}
