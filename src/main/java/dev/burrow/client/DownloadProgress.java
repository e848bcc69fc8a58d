package dev.burrow.client;

/** Progress of a download, at most a few times a second and once at the end. */
@FunctionalInterface
public interface DownloadProgress {

    DownloadProgress NONE = (bytes, total) -> {
    };

    /** @param total the full size, or -1 when the server did not say */
    void progress(long bytes, long total);
}
