package dev.burrow.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams one file from the API into a folder: into a temporary file beside the target first,
 * resumed with {@code Range} after a broken connection where the server answers 206, and moved
 * under its final name only when complete, never over an existing file. A redirect to object
 * storage is followed by hand without the {@code Authorization} header.
 */
final class ContentDownload {

    private static final int MAX_REDIRECTS = 5;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");

    private final Transport transport;
    private final RetryPolicy retry;

    ContentDownload(Transport transport, RetryPolicy retry) {
        this.transport = transport;
        this.retry = retry;
    }

    /** Where the bytes come from; the API needs the key, object storage must not get it. */
    private record Source(URI uri, ApiRequest apiRequest, String label) {
        boolean authorized() {
            return apiRequest != null;
        }
    }

    DownloadOutcome run(ApiRequest request, Path folder, DownloadOptions options) {
        if (!Files.isDirectory(folder)) {
            throw new UncheckedIOException(new IOException("The folder " + folder + " does not exist."));
        }
        String what = request.describe();
        HttpResponse<InputStream> response = transport.execute(request,
                status -> status == 404 || status == 409 || isRedirect(status), r -> r);
        Source source = new Source(transport.uri(request), request, what);
        int redirects = 0;
        while (isRedirect(response.statusCode())) {
            String location = response.headers().firstValue("Location").orElse(null);
            Transport.closeQuietly(response);
            if (location == null || ++redirects > MAX_REDIRECTS) {
                throw new ApiException.BadResponse("The server redirected " + what + (location == null
                        ? " without saying where to." : " too many times."), response.statusCode(), what, null);
            }
            URI target = source.uri().resolve(location.trim());
            if (!"http".equals(target.getScheme()) && !"https".equals(target.getScheme())) {
                throw new ApiException.BadResponse("The server redirected " + what + " to an address that is not http(s).",
                        response.statusCode(), what, null);
            }
            source = new Source(target, null, "GET " + target.getHost() + target.getRawPath());
            response = openStorage(source, -1, what);
        }
        int status = response.statusCode();
        if (status == 404) {
            Transport.readBounded(response);
            return new DownloadOutcome.NotReady(null,
                    "The export has no content yet, or it is no longer available (404).");
        }
        if (status == 409) {
            Transport.readBounded(response);
            return new DownloadOutcome.NotReady(ApiErrors.retryAfter(response.headers()),
                    "The server is still preparing the file (409).");
        }
        if (status != 200 && status != 206) {
            byte[] body = Transport.readBounded(response);
            throw ApiErrors.fromAnswer(status, response.headers(), body, source.label());
        }
        if (contentLength(response.headers()) == 0 && source.authorized()) {
            Transport.readBounded(response);
            return new DownloadOutcome.NotReady(null, "The server sent an empty file; the export is not ready yet.");
        }
        return stream(response, source, folder, options, what);
    }

    private DownloadOutcome stream(HttpResponse<InputStream> first, Source source, Path folder, DownloadOptions options,
            String what) {
        Cancellation cancel = options.cancellation();
        HttpHeaders fileHeaders = first.headers();
        Path temp;
        try {
            temp = Files.createTempFile(folder, ".burrow-", ".part");
        } catch (IOException e) {
            Transport.closeQuietly(first);
            throw new UncheckedIOException(new IOException("Could not create a file in " + folder + ": " + e.getMessage(), e));
        }
        Throttle throttle = new Throttle(options.progress(), options.progressInterval());
        long written = 0;
        long total = totalSize(first);
        HttpResponse<InputStream> response = first;
        int failures = 0;
        try {
            while (true) {
                try {
                    written = copy(response, temp, written, total, cancel, throttle, folder);
                    if (total >= 0 && written < total) {
                        throw new EOFException("the connection ended after " + written + " of " + total + " bytes");
                    }
                    break;
                } catch (IOException e) {
                    Transport.closeQuietly(response);
                    written = Files.size(temp); // what reached the disk is what we resume from
                    if (cancel.isCancelled()) {
                        return new DownloadOutcome.Cancelled(written);
                    }
                    failures++;
                    if (failures >= retry.maxAttempts()) {
                        throw ApiErrors.network(e, what, transport.baseUrl(), transport.requestTimeout());
                    }
                    sleep(retry.backoff(failures, transport.jitter()), what);
                    response = reopen(source, written, what);
                    if (response.statusCode() == 206 && rangeStart(response.headers()) == written) {
                        long t = totalSize(response);
                        total = t >= 0 ? t : total;
                    } else if (response.statusCode() == 200) {
                        // The server ignored Range: start over.
                        written = 0;
                        Files.newOutputStream(temp, StandardOpenOption.TRUNCATE_EXISTING).close();
                        total = totalSize(response);
                    } else {
                        byte[] body = Transport.readBounded(response);
                        throw ApiErrors.fromAnswer(response.statusCode(), response.headers(), body, source.label());
                    }
                    if (contentDisposition(fileHeaders) == null) {
                        fileHeaders = response.headers();
                    }
                }
            }
            if (cancel.isCancelled()) {
                return new DownloadOutcome.Cancelled(written);
            }
            throttle.finish(written, total);
            String name = SafeFileName.of(ContentDisposition.fileName(contentDisposition(fileHeaders)),
                    options.fallbackName());
            Path saved = place(temp, folder, name);
            String type = fileHeaders.firstValue("Content-Type").orElse(null);
            return new DownloadOutcome.Saved(saved, written, type);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("Could not save the download in " + folder + ": "
                    + e.getMessage(), e));
        } finally {
            cancel.attach(null);
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a leftover hidden .part file is harmless
            }
        }
    }

    /** Appends the body to {@code temp}; returns the bytes in the file. Disk failures are not retried. */
    private static long copy(HttpResponse<InputStream> response, Path temp, long written, long total, Cancellation cancel,
            Throttle throttle, Path folder) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = response.body()) {
            cancel.attach(in);
            if (cancel.isCancelled()) {
                throw new IOException("cancelled");
            }
            OutputStream out;
            try {
                out = Files.newOutputStream(temp, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try (out) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (cancel.isCancelled()) {
                        throw new IOException("cancelled");
                    }
                    try {
                        out.write(buffer, 0, n);
                    } catch (IOException e) {
                        throw new UncheckedIOException(new IOException("Could not write to " + folder + ": "
                                + e.getMessage(), e));
                    }
                    written += n;
                    throttle.report(written, total);
                }
            }
        }
        return written;
    }

    private HttpResponse<InputStream> reopen(Source source, long from, String what) {
        if (source.authorized()) {
            return send(transport.build(source.apiRequest(), "bytes=" + from + "-"), what);
        }
        return openStorage(source, from, what);
    }

    /** Object storage: no Authorization header, ever. */
    private HttpResponse<InputStream> openStorage(Source source, long from, String what) {
        HttpRequest.Builder b = HttpRequest.newBuilder(source.uri()).GET().header("User-Agent", "Burrow");
        if (transport.requestTimeout() != null) {
            b.timeout(transport.requestTimeout());
        }
        if (from > 0) {
            b.header("Range", "bytes=" + from + "-");
        }
        HttpRequest request = b.build();
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                HttpResponse<InputStream> r = transport.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
                Duration wait = attempt < retry.maxAttempts() ? storageRetryWait(r, attempt, what) : null;
                if (wait == null) {
                    return r;
                }
                sleep(wait, what);
            } catch (IOException e) {
                if (attempt >= retry.maxAttempts()) {
                    throw ApiErrors.network(e, what, source.uri().getScheme() + "://" + source.uri().getAuthority(),
                            transport.requestTimeout());
                }
                sleep(retry.backoff(attempt, transport.jitter()), what);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException.Network("Interrupted during " + what + ".", what, e, false);
            }
        }
    }

    /**
     * Object storage sheds load with 503 (S3's SlowDown), 429 and gateway errors, none of which mean
     * the file is gone: how long to wait before asking again, or null to take this answer as it is.
     */
    private Duration storageRetryWait(HttpResponse<InputStream> r, int attempt, String what) {
        int status = r.statusCode();
        if (status != 429 && status != 502 && status != 503 && status != 504) {
            return null;
        }
        byte[] body = Transport.readBounded(r);
        Duration wait = retry.backoff(attempt, transport.jitter());
        if (status == 429) {
            ApiException e = ApiErrors.fromAnswer(status, r.headers(), body, what);
            Duration asked = e instanceof ApiException.Throttled t ? t.waitTime() : null;
            if (asked != null && asked.compareTo(retry.maxThrottleWait()) > 0) {
                throw e;
            }
            return asked != null ? asked : wait;
        }
        Duration retryAfter = ApiErrors.retryAfter(r.headers());
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter.compareTo(retry.maxDelay()) > 0 ? retry.maxDelay() : retryAfter;
        }
        return wait;
    }

    private HttpResponse<InputStream> send(HttpRequest request, String what) {
        try {
            return transport.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw ApiErrors.network(e, what, transport.baseUrl(), transport.requestTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException.Network("Interrupted during " + what + ".", what, e, false);
        }
    }

    /** Moves the finished file under {@code name}, or {@code name (n).ext} when that exists; never overwrites. */
    static Path place(Path temp, Path folder, String name) throws IOException {
        for (int n = 0; n < 10_000; n++) {
            String candidate = n == 0 ? name : SafeFileName.numbered(name, n);
            Path target = folder.resolve(candidate);
            if (!folder.equals(target.getParent())) {
                throw new IOException("refusing a file name that leaves the folder: " + candidate);
            }
            try {
                // A hard link fails if the name exists, so no other writer can be overwritten in a race.
                Files.createLink(target, temp);
                return target;
            } catch (FileAlreadyExistsException e) {
                continue;
            } catch (UnsupportedOperationException | IOException e) {
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                return target;
            }
        }
        throw new IOException("too many files named like " + name);
    }

    private void sleep(Duration d, String what) {
        try {
            transport.sleeper().sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException.Network("Interrupted during " + what + ".", what, e, false);
        }
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String contentDisposition(HttpHeaders h) {
        return h.firstValue("Content-Disposition").orElse(null);
    }

    private static long contentLength(HttpHeaders h) {
        return h.firstValueAsLong("Content-Length").orElse(-1);
    }

    /** The full size: from {@code Content-Range} on a 206, else {@code Content-Length}. */
    private static long totalSize(HttpResponse<?> r) {
        if (r.statusCode() == 206) {
            Matcher m = CONTENT_RANGE.matcher(r.headers().firstValue("Content-Range").orElse(""));
            if (m.find() && !m.group(3).equals("*")) {
                return Long.parseLong(m.group(3));
            }
            return -1;
        }
        return contentLength(r.headers());
    }

    private static long rangeStart(HttpHeaders h) {
        Matcher m = CONTENT_RANGE.matcher(h.firstValue("Content-Range").orElse("").toLowerCase(Locale.ROOT));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Reports progress at most once per interval, and always at the end. */
    private static final class Throttle {
        private final DownloadProgress sink;
        private final long intervalNanos;
        private long last = Long.MIN_VALUE;

        Throttle(DownloadProgress sink, Duration interval) {
            this.sink = sink;
            this.intervalNanos = interval.toNanos();
        }

        void report(long bytes, long total) {
            long now = System.nanoTime();
            if (last == Long.MIN_VALUE || now - last >= intervalNanos) {
                last = now;
                sink.progress(bytes, total);
            }
        }

        void finish(long bytes, long total) {
            sink.progress(bytes, total < 0 ? bytes : total);
        }
    }
}
