package dev.burrow.ui;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.client.PostHogClient;
import dev.burrow.exports.ExportJob;
import dev.burrow.exports.ExportService;
import dev.burrow.exports.ExportState;
import dev.burrow.tree.TaskRunner;
import dev.burrow.tree.TreeSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Quick look's pictures: a PNG export of a dashboard or insight, made on demand through the
 * exports API, downloaded into a folder of this run and kept for the rest of it. No nodes.
 */
final class Previews {

    /** What a preview reports, on the owner's thread. */
    interface Listener {
        void progress(String sentence);

        void ready(Path png);

        void failed(String message);
    }

    private final TaskRunner runner;
    private final Supplier<PostHogClient> client;
    private final Map<String, Path> made = new HashMap<>();
    private PostHogClient cachedFor;
    private Path folder;

    Previews(TaskRunner runner, Supplier<PostHogClient> client) {
        this.runner = runner;
        this.client = client;
    }

    /** Whether a row has a preview to make: a dashboard or an insight. */
    static boolean previewable(FileSystemEntry row) {
        return ExportsViewModel.formatsFor(row).contains(ExportsViewModel.Format.PNG);
    }

    /** The preview of a row from this run, if one was made. */
    Path cached(FileSystemEntry row) {
        PostHogClient c = client.get();
        return c == cachedFor ? made.get(row.id()) : null;
    }

    /** Makes (or reuses) the preview of a row; the answer cancels it. */
    Runnable show(FileSystemEntry row, Listener listener) {
        PostHogClient c = client.get();
        if (c != cachedFor) {
            made.clear();
            cachedFor = c;
        }
        Path known = made.get(row.id());
        if (known != null && Files.exists(known)) {
            listener.ready(known);
            return () -> { };
        }
        if (c == null) {
            listener.failed("Not connected yet.");
            return () -> { };
        }
        listener.progress("Rendering a preview of “" + row.name() + "”…");
        ExportJob[] job = new ExportJob[1];
        boolean[] cancelled = new boolean[1];
        runner.run(() -> {
            ExportJob j = new ExportJob(ExportService.over(c.exports()), folder(), Duration.ofMinutes(2));
            synchronized (job) {
                job[0] = j;
                if (cancelled[0]) {
                    j.cancel();
                }
            }
            Class<?>[] last = new Class<?>[1];
            return j.run(ExportsViewModel.request(c, row, ExportsViewModel.Format.PNG), state -> {
                if (state.getClass() != last[0]) {
                    last[0] = state.getClass();
                    runner.post(() -> listener.progress(sentence(state, row)));
                }
            });
        }, end -> {
            if (end instanceof ExportState.Saved saved && saved.file() != null) {
                saved.file().toFile().deleteOnExit();
                if (c == cachedFor) {
                    made.put(row.id(), saved.file());
                }
                listener.ready(saved.file());
            } else if (end instanceof ExportState.Failed f) {
                listener.failed(f.message());
            } else if (!(end instanceof ExportState.Cancelled)) {
                listener.failed("The server made no picture of “" + row.name() + "”.");
            }
        }, e -> listener.failed(TreeSession.message(e)));
        return () -> {
            synchronized (job) {
                cancelled[0] = true;
                if (job[0] != null) {
                    job[0].cancel();
                }
            }
        };
    }

    private static String sentence(ExportState state, FileSystemEntry row) {
        return state instanceof ExportState.Downloading ? "Downloading the preview of “" + row.name() + "”…"
                : "Rendering a preview of “" + row.name() + "”…";
    }

    /** This run's folder of previews (made on first use, on the background thread). */
    private synchronized Path folder() throws IOException {
        if (folder == null) {
            folder = Files.createTempDirectory("burrow-previews");
            folder.toFile().deleteOnExit();
        }
        return folder;
    }
}
