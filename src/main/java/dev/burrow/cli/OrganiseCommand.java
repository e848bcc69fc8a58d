package dev.burrow.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Json;
import dev.burrow.client.ApiException;
import dev.burrow.client.PostHogClient;
import dev.burrow.settings.Loaded;
import dev.burrow.settings.OrganiseRule;
import dev.burrow.settings.OrganiseRules;
import dev.burrow.tree.ClientBackend;
import dev.burrow.tree.Operation;
import dev.burrow.tree.TreeBackend;
import dev.burrow.tree.TreeIndex;
import dev.burrow.tree.organise.BatchJournal;
import dev.burrow.tree.organise.ClientLookup;
import dev.burrow.tree.organise.DashboardTiles;
import dev.burrow.tree.organise.FileBatchJournalStore;
import dev.burrow.tree.organise.Matches;
import dev.burrow.tree.organise.OrganiseBatch;
import dev.burrow.tree.organise.OrganiseUndo;
import dev.burrow.tree.organise.Plan;
import dev.burrow.tree.organise.Planner;
import dev.burrow.tree.organise.Template;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * {@code burrow organise}: plan with the tree's {@link Planner}, show it, ask, apply it as an
 * {@link OrganiseBatch} journaled per connection; {@code --undo} and {@code --resume} read that
 * journal. Ctrl+C while applying cancels between two requests and keeps what was done.
 */
final class OrganiseCommand {

    static final String USAGE = "usage: burrow organise --where QUERY --to TEMPLATE [--dry-run] [--yes] [--json]\n"
            + "       burrow organise --rule NAME [--dry-run] [--yes] [--json]\n"
            + "       burrow organise --rules [--json]\n"
            + "       burrow organise --undo [--json]\n"
            + "       burrow organise --resume [--json]";

    private final PostHogClient client;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;
    private final InputStream stdin;
    private final boolean interactive;
    private final BatchJournal.Store store;
    private final TreeBackend backend;
    private final LongSupplier nanoClock;
    private final OrganiseRules rules;
    private final String connection;

    /**
     * @param interactive   true when a person can answer on {@code stdin}
     * @param journalRoot   where batches of every connection are journaled
     * @param connection    names this connection's batches and rules: "local" for the local workspace
     *                      (whose address changes at every run), else its base URL and environment
     * @param rules         the saved rules ({@code --rule}, {@code --rules}), shared with the window
     */
    OrganiseCommand(PostHogClient client, PrintStream out, PrintStream err, boolean json, InputStream stdin,
            boolean interactive, Path journalRoot, String connection, LongSupplier nanoClock, OrganiseRules rules) {
        this.client = client;
        this.out = out;
        this.err = err;
        this.json = json;
        this.stdin = stdin;
        this.interactive = interactive;
        this.store = FileBatchJournalStore.forConnection(journalRoot, connection);
        this.backend = new ClientBackend(client);
        this.nanoClock = nanoClock;
        this.rules = rules;
        this.connection = connection;
    }

    void run(Args a) {
        a.allow("organise", "--where", "--to", "--dry-run", "--yes", "--json", "--undo", "--resume", "--rule",
                "--rules");
        if (!a.positional().isEmpty()) {
            throw CliException.usage("organise takes no words of its own: quote the query, e.g. --where 'type:insight"
                    + " path:Unfiled'\n" + USAGE);
        }
        boolean undo = a.flag("--undo");
        boolean resume = a.flag("--resume");
        boolean list = a.flag("--rules");
        String rule = a.value("--rule");
        boolean planning = a.value("--where") != null || a.value("--to") != null || a.flag("--dry-run")
                || rule != null;
        if ((undo ? 1 : 0) + (resume ? 1 : 0) + (planning ? 1 : 0) + (list ? 1 : 0) != 1) {
            throw CliException.usage("give --where and --to, or --rule, or --rules, or --undo, or --resume (one of"
                    + " them)\n" + USAGE);
        }
        if (list) {
            listRules();
        } else if (rule != null) {
            if (a.value("--where") != null || a.value("--to") != null) {
                throw CliException.usage("--rule brings its own --where and --to: give one or the other\n" + USAGE);
            }
            OrganiseRule saved = savedRules().stream().filter(r -> r.named(rule)).findFirst()
                    .orElseThrow(() -> CliException.usage("this connection has no rule named '" + rule + "'."
                            + " `burrow organise --rules` lists its rules; the window's Organise dialog saves them."));
            if (!json) {
                out.println("Rule “" + saved.name() + "”: --where '" + saved.where() + "' --to '" + saved.to() + "'");
            }
            organise(saved.where(), saved.to(), a.flag("--dry-run"), a.flag("--yes"));
        } else if (undo) {
            undo();
        } else if (resume) {
            resume();
        } else {
            organise(a.value("--where"), a.value("--to"), a.flag("--dry-run"), a.flag("--yes"));
        }
    }

    // ---- saved rules --------------------------------------------------------------------------

    private List<OrganiseRule> savedRules() {
        Loaded<List<OrganiseRule>> loaded = rules.load(connection);
        loaded.problem().ifPresent(p -> err.println("burrow: " + p));
        return loaded.value();
    }

    /** {@code --rules}: this connection's saved rules, in the order they were saved. */
    private void listRules() {
        List<OrganiseRule> saved = savedRules();
        if (json) {
            ObjectNode doc = Json.object();
            ArrayNode list = doc.putArray("rules");
            for (OrganiseRule r : saved) {
                list.addObject().put("name", r.name()).put("where", r.where()).put("to", r.to()).put("tidy", r.tidy());
            }
            out.println(Rows.pretty(doc));
            return;
        }
        if (saved.isEmpty()) {
            out.println("No saved rules for this connection: save one in the window's Organise dialog.");
            return;
        }
        for (OrganiseRule r : saved) {
            out.println(r.name() + (r.tidy() ? "  (Keep Unfiled tidy)" : ""));
            out.println("  --where '" + r.where() + "' --to '" + r.to() + "'");
        }
    }

    // ---- plan and apply -------------------------------------------------------------------------

    private void organise(String where, String to, boolean dryRun, boolean yes) {
        if (where == null || where.isBlank()) {
            throw CliException.usage("--where needs a query in PostHog's search language, e.g. 'type:insight"
                    + " path:Unfiled'\n" + USAGE);
        }
        if (to == null) {
            throw CliException.usage("--to needs a folder template, e.g. 'Insights/{creator}'\n" + USAGE);
        }
        Template template = Template.parse(to);
        Plan plan = plan(where, template);
        if (dryRun || plan.isEmpty()) {
            show(plan, null);
            return;
        }
        if (!yes) {
            if (!interactive) {
                throw CliException.usage("refusing to move " + PlanReport.count(plan.moves().size(), "item")
                        + " without --yes: standard input is not a terminal, so there is nobody to ask."
                        + " Check the plan with --dry-run, then add --yes.");
            }
            if (!confirmed(plan)) {
                out.println("Nothing changed.");
                return;
            }
        }
        OrganiseBatch batch = OrganiseBatch.of(plan, store);
        apply(batch, new TreeIndex());
        show(plan, batch);
    }

    /** The plan, from the server's search and the folder rows (and the dashboards, for {@code {dashboard}}). */
    private Plan plan(String where, Template template) {
        ClientLookup lookup = new ClientLookup(client);
        Matches matches = lookup.search(where);
        TreeIndex index = new TreeIndex();
        index.putAll(lookup.rowsOfType(FileSystemEntry.FOLDER));
        index.putAll(matches.rows());
        DashboardTiles tiles = DashboardTiles.NONE;
        if (template.usesDashboard()) {
            List<FileSystemEntry> dashboards = lookup.rowsOfType("dashboard");
            index.putAll(dashboards);
            tiles = DashboardTiles.load(lookup, dashboards, matches.rows().stream()
                    .filter(r -> "insight".equals(r.type())).map(FileSystemEntry::ref).toList());
        }
        return Planner.plan(index, matches, template, tiles);
    }

    private void show(Plan plan, OrganiseBatch batch) {
        if (json) {
            ObjectNode doc = PlanReport.json(plan);
            if (batch != null) {
                doc.set("applied", PlanReport.applied(batch));
            }
            out.println(Rows.pretty(doc));
        } else if (batch == null) {
            PlanReport.text(plan, out);
            if (!plan.isEmpty()) {
                out.println("Dry run: nothing was changed.");
            }
        } else {
            out.println(PlanReport.appliedText(batch));
        }
    }

    private boolean confirmed(Plan plan) {
        if (plan.moves().size() <= 50) {
            PlanReport.text(plan, out);
        } else {
            plan.byDestination().forEach((folder, moves) -> out.println((folder.isEmpty() ? "/" : folder + "/") + "  ← "
                    + PlanReport.count(moves.size(), "item")));
            out.println(PlanReport.summary(plan) + " (--dry-run lists every move.)");
        }
        out.print("Move " + PlanReport.count(plan.moves().size(), "item") + "? [y/N] ");
        out.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            return answer != null && List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Runs a batch (a fresh one or a resumed one) with progress on stderr at most once a second;
     * Ctrl+C cancels it between two requests. A failure ends the command with the exit code of its
     * kind and says how to finish or revert what was done.
     */
    private void apply(OrganiseBatch batch, TreeIndex index) {
        long[] lastShown = {nanoClock.getAsLong()};
        batch.onProgress((sent, total) -> {
            long now = nanoClock.getAsLong();
            if (now - lastShown[0] >= TimeUnit.SECONDS.toNanos(1) && sent < total) {
                lastShown[0] = now;
                err.printf(Locale.ROOT, "organise: %,d of %,d requests sent…%n", sent, total);
            }
        });
        CountDownLatch settled = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            batch.cancel();
            try {
                settled.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "burrow-organise-cancel");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            run(batch, index);
        } catch (ApiException | IllegalStateException failure) {
            int code = failure instanceof ApiException.Network ? Cli.EXIT_NETWORK : Cli.EXIT_REFUSED;
            throw new CliException(code, "stopped after " + PlanReport.count(batch.done(), "move") + " of "
                    + batch.total() + ": " + failure.getMessage() + " Nothing is half done: run `burrow organise"
                    + " --resume` to finish, or `burrow organise --undo` to put back what moved.");
        } finally {
            if (batch.outcome() == OrganiseBatch.Outcome.CANCELLED && !json) {
                err.println("organise: cancelled after " + PlanReport.count(batch.done(), "move") + " of "
                        + batch.total() + "; what moved stays (burrow organise --undo puts it back).");
            }
            settled.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl+C: the hook is running and has what it waited for
            }
        }
    }

    private void run(Operation op, TreeIndex index) {
        OrganiseBatch.runHere(op, index, backend);
    }

    // ---- undo and resume ----------------------------------------------------------------------------

    private void undo() {
        BatchJournal last = store.lastUndoable();
        if (last == null) {
            nothing("Nothing to undo: no organise batch of this connection is on record.");
            return;
        }
        OrganiseUndo undo = OrganiseUndo.of(last, store);
        reverting(undo);
        if (json) {
            out.println(Rows.pretty(PlanReport.undone(last.id(), undo)));
        } else {
            PlanReport.undoneText(last.description(), undo, out);
        }
    }

    /** Runs an undo; a failure says that running it again finishes it (it checks every row anew). */
    private void reverting(OrganiseUndo undo) {
        try {
            run(undo, new TreeIndex());
        } catch (ApiException | IllegalStateException failure) {
            int code = failure instanceof ApiException.Network ? Cli.EXIT_NETWORK : Cli.EXIT_REFUSED;
            throw new CliException(code, "undo stopped after putting back " + PlanReport.count(undo.restored().size(),
                    "item") + ": " + failure.getMessage() + " Run `burrow organise --undo` again to finish it.");
        }
    }

    private void resume() {
        List<BatchJournal> cut = store.interrupted();
        if (cut.isEmpty()) {
            nothing("Nothing to resume: no organise batch of this connection was cut short.");
            return;
        }
        ArrayNode resumed = Json.MAPPER.createArrayNode();
        for (BatchJournal journal : cut) {
            if (journal.state() == BatchJournal.State.UNDOING) {
                // an undo cut short: finishing it means undoing the rest
                OrganiseUndo undo = OrganiseUndo.of(journal, store);
                reverting(undo);
                resumed.add(PlanReport.undone(journal.id(), undo));
                if (!json) {
                    PlanReport.undoneText(journal.description(), undo, out);
                }
                continue;
            }
            OrganiseBatch batch = OrganiseBatch.resume(journal, store);
            apply(batch, new TreeIndex());
            resumed.add(PlanReport.applied(batch));
            if (!json) {
                out.println("Finished “" + journal.description() + "”. " + PlanReport.appliedText(batch));
            }
        }
        if (json) {
            ObjectNode doc = Json.object();
            doc.set("resumed", resumed);
            out.println(Rows.pretty(doc));
        }
    }

    private void nothing(String sentence) {
        if (json) {
            ObjectNode doc = Json.object();
            doc.putNull("batch");
            doc.put("message", sentence);
            out.println(Rows.pretty(doc));
        } else {
            out.println(sentence);
        }
    }
}
