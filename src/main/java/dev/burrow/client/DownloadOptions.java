package dev.burrow.client;

import java.time.Duration;
import java.util.Objects;

/**
 * @param fallbackName     the name when the server sends none (use the export's {@code filename})
 * @param progress         told bytes so far, throttled to {@code progressInterval}
 * @param cancellation     cancel from another thread; null for none
 * @param progressInterval the least time between two progress reports
 */
public record DownloadOptions(String fallbackName, DownloadProgress progress, Cancellation cancellation,
        Duration progressInterval) {

    public DownloadOptions {
        progress = progress == null ? DownloadProgress.NONE : progress;
        cancellation = cancellation == null ? new Cancellation() : cancellation;
        progressInterval = progressInterval == null ? Duration.ofMillis(100) : progressInterval;
    }

    public static DownloadOptions defaults() {
        return new DownloadOptions(null, null, null, null);
    }

    public DownloadOptions withFallbackName(String v) {
        return new DownloadOptions(v, progress, cancellation, progressInterval);
    }

    public DownloadOptions withProgress(DownloadProgress v) {
        return new DownloadOptions(fallbackName, Objects.requireNonNull(v), cancellation, progressInterval);
    }

    public DownloadOptions withCancellation(Cancellation v) {
        return new DownloadOptions(fallbackName, progress, Objects.requireNonNull(v), progressInterval);
    }

    public DownloadOptions withProgressInterval(Duration v) {
        return new DownloadOptions(fallbackName, progress, cancellation, Objects.requireNonNull(v));
    }
}
