package dev.burrow.client;

import java.nio.file.Path;
import java.time.Duration;

/** How a download ended, short of an error. */
public sealed interface DownloadOutcome {

    /** The file is complete under its final name. */
    record Saved(Path file, long bytes, String contentType) implements DownloadOutcome {
    }

    /** The server has no content yet (404, or 409 with {@code Retry-After}, or an empty 200); poll the export and try later. */
    record NotReady(Duration retryAfter, String reason) implements DownloadOutcome {
    }

    /** Cancelled: nothing is left behind, neither the final file nor the temporary one. */
    record Cancelled(long bytesReceived) implements DownloadOutcome {
    }
}
