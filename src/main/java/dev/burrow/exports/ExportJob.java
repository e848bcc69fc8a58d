package dev.burrow.exports;

import dev.burrow.api.ExportedAsset;
import dev.burrow.client.ApiException;
import dev.burrow.client.Cancellation;
import dev.burrow.client.DownloadOptions;
import dev.burrow.client.DownloadOutcome;
import dev.burrow.client.NewExport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * One export from request to file: create (or pick up an existing export), poll politely until
 * the server reports content or an exception, then download into the chosen folder through the
 * client's safe download (temp file, atomic rename, never overwriting, a name that can't escape
 * the folder). {@link #run} blocks: call it off the FX thread.
 */
public final class ExportJob {

    /** Waits between polls; tests pass one that doesn't sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final ExportService service;
    private final Path folder;
    private final Cancellation cancellation = new Cancellation();
    private final Sleeper sleeper;
    private final Clock clock;
    private final Duration timeout;
    private volatile ExportState state = new ExportState.Creating();

    public ExportJob(ExportService service, Path folder, Duration timeout) {
        this(service, folder, timeout, d -> Thread.sleep(d.toMillis()), Clock.systemUTC());
    }

    public ExportJob(ExportService service, Path folder, Duration timeout, Sleeper sleeper, Clock clock) {
        this.service = service;
        this.folder = folder;
        this.timeout = timeout;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    public ExportState state() {
        return state;
    }

    /** Stops the job: polling ends, a download in flight is abandoned and leaves no file. */
    public void cancel() {
        cancellation.cancel();
    }

    /** Creates the export, then follows it to a file. */
    public ExportState run(NewExport request, Consumer<ExportState> listener) {
        set(new ExportState.Creating(), listener);
        ExportedAsset asset;
        try {
            asset = service.create(request);
        } catch (ApiException e) {
            return set(new ExportState.Failed(null, e.getMessage()), listener);
        }
        return follow(asset, listener);
    }

    /** Follows an export that already exists (a retry of the download, or one listed on connect). */
    public ExportState follow(ExportedAsset created, Consumer<ExportState> listener) {
        ExportedAsset asset = created;
        Instant start = clock.instant();
        PollSchedule schedule = PollSchedule.forFormat(asset.exportFormat());
        long polls = 0;
        try {
            while (true) {
                if (cancellation.isCancelled()) {
                    return set(new ExportState.Cancelled(asset.id()), listener);
                }
                if (asset.exception() != null) {
                    return set(new ExportState.Failed(asset.id(), asset.exception()), listener);
                }
                if (asset.hasContent()) {
                    ExportState s = download(asset, listener);
                    if (s != null) {
                        return s;
                    }
                }
                Duration elapsed = Duration.between(start, clock.instant());
                if (timeout != null && elapsed.compareTo(timeout) > 0) {
                    return set(new ExportState.Failed(asset.id(), "The export was not ready after "
                            + timeout.toSeconds() + " s. It may still finish: retry later."), listener);
                }
                set(new ExportState.Rendering(asset.id(), polls), listener);
                sleeper.sleep(schedule.delayAfter(elapsed));
                polls++;
                asset = service.retrieve(asset.id());
            }
        } catch (ApiException e) {
            if (e instanceof ApiException.NotFound) {
                return set(new ExportState.Failed(asset.id(), "The export is gone: it expired or was never"
                        + " visible to this key."), listener);
            }
            return set(new ExportState.Failed(asset.id(), e.getMessage()), listener);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return set(new ExportState.Cancelled(asset.id()), listener);
        }
    }

    /** Downloads; answers null when the server says the content is not there yet (keep polling). */
    private ExportState download(ExportedAsset asset, Consumer<ExportState> listener) {
        long id = asset.id();
        set(new ExportState.Downloading(id, 0, -1), listener);
        DownloadOptions options = DownloadOptions.defaults()
                .withFallbackName(asset.filename() != null ? asset.filename() : "export-" + id)
                .withCancellation(cancellation)
                .withProgress((bytes, total) -> set(new ExportState.Downloading(id, bytes, total), listener));
        DownloadOutcome outcome = service.download(asset, folder, options);
        if (outcome instanceof DownloadOutcome.Saved saved) {
            return set(new ExportState.Saved(id, saved.file(), saved.bytes()), listener);
        }
        if (outcome instanceof DownloadOutcome.Cancelled) {
            return set(new ExportState.Cancelled(id), listener);
        }
        return null;
    }

    private ExportState set(ExportState s, Consumer<ExportState> listener) {
        state = s;
        listener.accept(s);
        return s;
    }
}
