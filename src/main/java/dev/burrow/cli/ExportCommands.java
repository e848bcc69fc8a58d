package dev.burrow.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.ExportedAsset;
import dev.burrow.api.Insight;
import dev.burrow.api.Json;
import dev.burrow.client.DownloadOptions;
import dev.burrow.client.DownloadOutcome;
import dev.burrow.client.ExportQuery;
import dev.burrow.client.NewExport;
import dev.burrow.client.PageIterator;
import dev.burrow.client.PostHogClient;
import dev.burrow.client.Sleeper;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/** {@code exports} and {@code export}: list, and create → poll → download. */
final class ExportCommands {

    static final Map<String, String> FORMATS = Map.of("png", NewExport.PNG, "csv", NewExport.CSV, "xlsx",
            NewExport.XLSX, "pdf", NewExport.PDF);

    /** The first wait between polls; each further wait is 1.5 times longer, up to {@link #MAX_POLL}. */
    static final Duration FIRST_POLL = Duration.ofSeconds(1);
    static final Duration MAX_POLL = Duration.ofSeconds(10);
    static final long DEFAULT_TIMEOUT_SECONDS = 300;

    private final PostHogClient client;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;
    private final Sleeper sleeper;
    private final LongSupplier clock;

    ExportCommands(PostHogClient client, PrintStream out, PrintStream err, boolean json, Sleeper sleeper,
            LongSupplier nanoClock) {
        this.client = client;
        this.out = out;
        this.err = err;
        this.json = json;
        this.sleeper = sleeper;
        this.clock = nanoClock;
    }

    void list(Args a) {
        a.allow("exports", "--json");
        if (!a.positional().isEmpty()) {
            throw CliException.usage("usage: burrow exports [--json]");
        }
        List<ExportedAsset> all = new ArrayList<>();
        try (PageIterator<ExportedAsset> pages = client.exports().pages(ExportQuery.all().withLimit(100))) {
            pages.rows().forEach(all::add);
        }
        if (json) {
            ObjectNode doc = Json.object();
            doc.put("count", all.size());
            ArrayNode results = doc.putArray("results");
            all.forEach(x -> results.add(Rows.export(x)));
            out.println(Rows.pretty(doc));
            return;
        }
        for (ExportedAsset x : all) {
            String target = x.dashboard() != null ? "dashboard " + x.dashboard()
                    : x.insight() != null ? "insight " + x.insight() : "query";
            out.printf(Locale.ROOT, "%-6d %-5s %-16s %-8s %s%n", x.id(), extension(x.exportFormat()), target,
                    x.hasContent() ? "ready" : x.exception() != null ? "failed" : "pending", x.filename());
            if (x.exception() != null && !x.hasContent()) {
                out.println("       failed: " + x.exception());
            }
        }
    }

    private static String extension(String mime) {
        return FORMATS.entrySet().stream().filter(e -> e.getValue().equals(mime)).map(Map.Entry::getKey).findFirst()
                .orElse(mime);
    }

    void export(Args a) {
        a.allow("export", "--dashboard", "--insight", "--format", "--output", "--timeout", "--json");
        if (!a.positional().isEmpty()) {
            throw CliException.usage("export takes no positional arguments (got '" + a.positional().get(0) + "')");
        }
        String dashboard = a.value("--dashboard");
        String insight = a.value("--insight");
        if ((dashboard == null) == (insight == null)) {
            throw CliException.usage("export needs exactly one of --dashboard ID or --insight ID|SHORT_ID");
        }
        String formatName = a.value("--format");
        if (formatName == null) {
            throw CliException.usage("export needs --format png|csv|xlsx|pdf");
        }
        String format = FORMATS.get(formatName.toLowerCase(Locale.ROOT));
        if (format == null) {
            throw CliException.usage("unknown format '" + formatName + "'; use png, csv, xlsx or pdf");
        }
        Path folder = Path.of(a.value("--output") == null ? "." : a.value("--output")).toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw CliException.usage("the output folder '" + folder + "' does not exist; create it or pass -o DIR");
        }
        if (!Files.isWritable(folder)) {
            throw CliException.usage("the output folder '" + folder + "' is not writable; pass another -o DIR");
        }
        long timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
        if (a.value("--timeout") != null) {
            try {
                timeoutSeconds = Long.parseLong(a.value("--timeout"));
            } catch (NumberFormatException e) {
                timeoutSeconds = -1;
            }
            if (timeoutSeconds <= 0) {
                throw CliException.usage("--timeout needs a positive number of seconds");
            }
        }
        long deadline = clock.getAsLong() + Duration.ofSeconds(timeoutSeconds).toNanos();

        NewExport request;
        if (dashboard != null) {
            request = NewExport.dashboard(number(dashboard, "--dashboard"), format);
        } else {
            request = insightExport(insight, format);
        }
        ExportedAsset asset = client.exports().create(request);
        err.println("export " + asset.id() + " created; waiting for the server to render it");
        asset = waitForContent(asset, deadline, timeoutSeconds);
        DownloadOutcome.Saved saved = download(asset, folder, deadline, timeoutSeconds);
        if (json) {
            ObjectNode doc = Json.object();
            doc.set("export", Rows.export(asset));
            doc.put("file", saved.file().toAbsolutePath().toString());
            doc.put("bytes", saved.bytes());
            out.println(Rows.pretty(doc));
        } else {
            out.println(saved.file().toAbsolutePath());
        }
    }

    private NewExport insightExport(String idOrShortId, String format) {
        Insight insight;
        if (idOrShortId.chars().allMatch(Character::isDigit) && !idOrShortId.isEmpty()) {
            insight = null;
            long id = Long.parseLong(idOrShortId);
            if (format.equals(NewExport.CSV) || format.equals(NewExport.XLSX)) {
                insight = client.insights().get(id);
            } else {
                return NewExport.insight(id, format);
            }
        } else {
            insight = client.insights().byShortId(idOrShortId)
                    .orElseThrow(() -> CliException.refused("no insight with the short id '" + idOrShortId + "'"));
        }
        NewExport e = NewExport.insight(insight.id(), format);
        // PostHog renders a CSV or XLSX from the query in the context only.
        if ((format.equals(NewExport.CSV) || format.equals(NewExport.XLSX)) && insight.query() != null
                && !insight.query().isNull()) {
            ObjectNode context = Json.object();
            context.set("source", insight.query());
            e = e.withContext(context);
        }
        return e;
    }

    private static long number(String text, String option) {
        try {
            long v = Long.parseLong(text);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        throw CliException.usage(option + " needs a numeric id, not '" + text + "'");
    }

    private ExportedAsset waitForContent(ExportedAsset created, long deadline, long timeoutSeconds) {
        ExportedAsset asset = created;
        Duration wait = FIRST_POLL;
        long start = clock.getAsLong();
        while (!asset.isFinished()) {
            if (clock.getAsLong() + wait.toNanos() > deadline) {
                throw new CliException(Cli.EXIT_NETWORK, "export " + asset.id() + " was not ready within "
                        + timeoutSeconds + " s; see it later with `burrow exports`, or raise --timeout");
            }
            sleep(wait);
            asset = client.exports().retrieve(asset.id());
            long elapsed = Duration.ofNanos(clock.getAsLong() - start).toSeconds();
            err.println("  still rendering… " + elapsed + " s");
            wait = Duration.ofMillis(Math.min(MAX_POLL.toMillis(), wait.toMillis() * 3 / 2));
        }
        if (!asset.hasContent()) {
            throw CliException.refused("the server could not render export " + asset.id() + ": " + asset.exception());
        }
        return asset;
    }

    private DownloadOutcome.Saved download(ExportedAsset asset, Path folder, long deadline, long timeoutSeconds) {
        long[] lastShown = {-1};
        DownloadOptions options = DownloadOptions.defaults().withProgressInterval(Duration.ofMillis(500))
                .withProgress((bytes, total) -> {
                    if (bytes != lastShown[0]) {
                        lastShown[0] = bytes;
                        err.println("  downloaded " + bytes + (total > 0 ? " of " + total : "") + " bytes");
                    }
                });
        Duration wait = FIRST_POLL;
        while (true) {
            DownloadOutcome outcome = client.exports().download(asset, folder, options);
            if (outcome instanceof DownloadOutcome.Saved saved) {
                return saved;
            }
            if (outcome instanceof DownloadOutcome.Cancelled) {
                throw new CliException(Cli.EXIT_NETWORK, "the download of export " + asset.id() + " was cancelled");
            }
            DownloadOutcome.NotReady notReady = (DownloadOutcome.NotReady) outcome;
            Duration next = notReady.retryAfter() != null ? notReady.retryAfter() : wait;
            if (clock.getAsLong() + next.toNanos() > deadline) {
                throw new CliException(Cli.EXIT_NETWORK, "the content of export " + asset.id()
                        + " was not available within " + timeoutSeconds + " s (" + notReady.reason()
                        + "); try again later or raise --timeout");
            }
            err.println("  content not ready yet; retrying");
            sleep(next);
            wait = Duration.ofMillis(Math.min(MAX_POLL.toMillis(), wait.toMillis() * 3 / 2));
        }
    }

    private void sleep(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(Cli.EXIT_NETWORK, "interrupted while waiting for the export");
        }
    }
}
