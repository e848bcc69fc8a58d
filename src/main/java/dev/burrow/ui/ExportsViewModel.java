package dev.burrow.ui;

import dev.burrow.api.ExportedAsset;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.client.ExportQuery;
import dev.burrow.client.NewExport;
import dev.burrow.client.PostHogClient;
import dev.burrow.exports.ExportJob;
import dev.burrow.exports.ExportService;
import dev.burrow.exports.ExportState;
import dev.burrow.tree.TaskRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The export panel's state: the exports of this connection and the commands on them. */
public final class ExportsViewModel {

    /** A format people pick, and its MIME type on the wire. */
    public enum Format {
        PNG("PNG image", NewExport.PNG),
        CSV("CSV", NewExport.CSV),
        XLSX("Excel (XLSX)", NewExport.XLSX),
        PDF("PDF", NewExport.PDF);

        public final String label;
        public final String mime;

        Format(String label, String mime) {
            this.label = label;
            this.mime = mime;
        }

        static String labelOf(String mime) {
            for (Format f : values()) {
                if (f.mime.equals(mime)) {
                    return f.name();
                }
            }
            return mime;
        }
    }

    /** One line of the panel. Its state changes on the FX thread. */
    public static final class Line {
        private final String title;
        private final String format;
        private final ObjectProperty<ExportState> state = new SimpleObjectProperty<>();
        private final ObjectProperty<ExportedAsset> asset = new SimpleObjectProperty<>();
        private final NewExport request;
        private volatile ExportJob job;

        Line(String title, String format, NewExport request) {
            this.title = title;
            this.format = format;
            this.request = request;
        }

        public String title() {
            return title;
        }

        public String format() {
            return format;
        }

        public ReadOnlyObjectProperty<ExportState> stateProperty() {
            return state;
        }

        public ReadOnlyObjectProperty<ExportedAsset> assetProperty() {
            return asset;
        }

        /** "expires 21 Feb" or null. */
        public String expiry() {
            ExportedAsset a = asset.get();
            if (a == null || a.expiresAfter() == null) {
                return null;
            }
            try {
                Instant t = Instant.parse(a.expiresAfter());
                return (t.isBefore(Instant.now()) ? "expired " : "expires ") + a.expiresAfter().substring(0, 10);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    private final TaskRunner runner;
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private static final String CHOOSE_A_FOLDER = "Choose a folder for the download first.";
    private PostHogClient client;

    public ExportsViewModel(TaskRunner runner, Path initialFolder) {
        this.runner = runner;
        this.folder.set(initialFolder);
    }

    public ObservableList<Line> lines() {
        return lines;
    }

    /** Where downloads go. */
    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * Opens a saved file, or its folder, with the desktop's own program (in the background);
     * when that can't be done the panel's message says so, and where the file is.
     */
    public void openOnDesktop(Path file, boolean folderOnly) {
        Path target = file == null ? null : folderOnly ? file.getParent() : file;
        if (target == null || !java.nio.file.Files.exists(target)) {
            message.set("The file is no longer there" + (file == null ? "." : ": " + file + "."));
            return;
        }
        message.set("");
        runner.run(() -> {
            if (!java.awt.Desktop.isDesktopSupported()
                    || !java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
                return "This desktop offers no way to open " + (folderOnly ? "folders" : "files")
                        + " from Burrow. The file is at " + file + ".";
            }
            try {
                java.awt.Desktop.getDesktop().open(target.toFile());
                return "";
            } catch (java.io.IOException | RuntimeException e) {
                return "No program opened " + target.getFileName() + " (" + dev.burrow.tree.TreeSession.message(e)
                        + "). The file is at " + file + ".";
            }
        }, message::set, e -> message.set("Could not open " + target + "."));
    }

    /** Sends the next downloads into {@code target} (chosen in the panel, or remembered). */
    public void useFolder(Path target) {
        folder.set(target);
        if (target != null && message.get().equals(CHOOSE_A_FOLDER)) {
            message.set("");
        }
    }

    /**
     * Which formats the server can make of a row (contract/exports.md): a dashboard as PNG, an
     * insight as PNG, CSV or XLSX. PDF is accepted by PostHog but always fails, so it is not offered.
     */
    public static List<Format> formatsFor(FileSystemEntry row) {
        if (row == null || row.ref() == null) {
            return List.of();
        }
        return switch (row.type()) {
            case "dashboard" -> List.of(Format.PNG);
            case "insight" -> List.of(Format.PNG, Format.CSV, Format.XLSX);
            default -> List.of();
        };
    }

    /** A new connection: forget the lines, list the exports the server still has. */
    public void connect(PostHogClient c) {
        this.client = c;
        for (Line l : lines) {
            ExportJob j = l.job;
            if (j != null) {
                j.cancel();
            }
        }
        lines.clear();
        if (c == null) {
            return;
        }
        runner.run(() -> c.exports().list(ExportQuery.all().withLimit(50)).results(), (List<ExportedAsset> list) -> {
            if (c != client) {
                return;
            }
            for (ExportedAsset a : list) {
                Line l = new Line(titleOf(a), Format.labelOf(a.exportFormat()), null);
                l.asset.set(a);
                l.state.set(a.exception() != null ? new ExportState.Failed(a.id(), a.exception())
                        : a.hasContent() ? new ExportState.Ready(a.id()) : new ExportState.Rendering(a.id(), 0));
                lines.add(l);
            }
        }, e -> message.set("Earlier exports could not be listed: " + dev.burrow.tree.TreeSession.message(e)));
    }

    private static String titleOf(ExportedAsset a) {
        if (a.filename() != null) {
            return a.filename();
        }
        return a.dashboard() != null ? "Dashboard " + a.dashboard() : "Insight " + a.insight();
    }

    /** Exports a dashboard or insight row in a format into the chosen folder. */
    public void export(FileSystemEntry row, Format format) {
        PostHogClient c = client;
        if (c == null || row == null) {
            return;
        }
        Path target = folder.get();
        if (target == null) {
            message.set(CHOOSE_A_FOLDER);
            return;
        }
        message.set(""); // what was said about an earlier export or folder no longer holds
        Line line = new Line(row.name(), format.name(), null);
        line.state.set(new ExportState.Creating());
        lines.add(0, line);
        runner.run(() -> request(c, row, format), request -> start(line, c, request, target), e -> line.state.set(new ExportState.Failed(null,
                dev.burrow.tree.TreeSession.message(e))));
    }

    /** The export request of a dashboard or insight row (reads an insight's id by its short id: blocking). */
    static NewExport request(PostHogClient c, FileSystemEntry row, Format format) {
        return "dashboard".equals(row.type()) ? NewExport.dashboard(Long.parseLong(row.ref()), format.mime)
                : NewExport.insight(insightId(c, row.ref()), format.mime);
    }

    /** The connection's client (null before one), for previews made through the same API. */
    PostHogClient client() {
        return client;
    }

    private static long insightId(PostHogClient c, String ref) {
        try {
            return Long.parseLong(ref);
        } catch (NumberFormatException notNumeric) {
            return c.insights().byShortId(ref).orElseThrow(() -> new IllegalStateException(
                    "The insight " + ref + " was not found on the server.")).id();
        }
    }

    private void start(Line line, PostHogClient c, NewExport request, Path target) {
        ExportJob job = new ExportJob(ExportService.over(c.exports()), target, Duration.ofMinutes(12));
        line.job = job;
        Throttle throttle = new Throttle(runner, line);
        runner.run(() -> job.run(request, throttle::offer), end -> throttle.flush(end), e -> line.state.set(
                new ExportState.Failed(null, dev.burrow.tree.TreeSession.message(e))));
    }

    /** Downloads (again) an export that is listed or failed to download. */
    public void retry(Line line) {
        PostHogClient c = client;
        ExportState s = line.state.get();
        Path target = folder.get();
        if (c == null || target == null) {
            return;
        }
        ExportedAsset known = line.asset.get();
        Long id = known != null ? Long.valueOf(known.id()) : exportIdOf(s);
        if (id == null && line.request != null) {
            start(line, c, line.request, target);
            return;
        }
        if (id == null) {
            return;
        }
        ExportJob job = new ExportJob(ExportService.over(c.exports()), target, Duration.ofMinutes(12));
        line.job = job;
        Throttle throttle = new Throttle(runner, line);
        line.state.set(new ExportState.Rendering(id, 0));
        runner.run(() -> job.follow(c.exports().retrieve(id), throttle::offer), throttle::flush,
                e -> line.state.set(new ExportState.Failed(id, dev.burrow.tree.TreeSession.message(e))));
    }

    private static Long exportIdOf(ExportState s) {
        if (s instanceof ExportState.Rendering r) {
            return r.exportId();
        }
        if (s instanceof ExportState.Ready r) {
            return r.exportId();
        }
        if (s instanceof ExportState.Downloading d) {
            return d.exportId();
        }
        if (s instanceof ExportState.Saved sv) {
            return sv.exportId();
        }
        if (s instanceof ExportState.Failed f) {
            return f.exportId();
        }
        return null;
    }

    public void cancel(Line line) {
        ExportJob j = line.job;
        if (j != null) {
            j.cancel();
        }
    }

    /** Hands job states to the FX thread at most every 100 ms (progress can arrive far faster). */
    private static final class Throttle {
        private final TaskRunner runner;
        private final Line line;
        private final AtomicReference<ExportState> latest = new AtomicReference<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private volatile long lastPost;

        Throttle(TaskRunner runner, Line line) {
            this.runner = runner;
            this.line = line;
        }

        void offer(ExportState s) {
            latest.set(s);
            long now = System.nanoTime();
            boolean important = !(s instanceof ExportState.Downloading);
            if ((important || now - lastPost > 100_000_000L) && scheduled.compareAndSet(false, true)) {
                lastPost = now;
                runner.post(() -> {
                    scheduled.set(false);
                    ExportState v = latest.get();
                    if (v != null) {
                        line.state.set(v);
                    }
                });
            }
        }

        void flush(ExportState end) {
            latest.set(end);
            line.state.set(end);
        }
    }
}
