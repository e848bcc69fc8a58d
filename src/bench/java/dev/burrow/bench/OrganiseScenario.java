package dev.burrow.bench;

import dev.burrow.client.PostHogClient;
import dev.burrow.tree.ClientBackend;
import dev.burrow.tree.TreeIndex;
import dev.burrow.tree.organise.ClientLookup;
import dev.burrow.tree.organise.DashboardTiles;
import dev.burrow.tree.organise.FileBatchJournalStore;
import dev.burrow.tree.organise.Matches;
import dev.burrow.tree.organise.OrganiseBatch;
import dev.burrow.tree.organise.OrganiseUndo;
import dev.burrow.tree.organise.Plan;
import dev.burrow.tree.organise.Planner;
import dev.burrow.tree.organise.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * #8 organising many rows at once, on the synthetic tree of {@link MoveScenario#SEED} (~111,000
 * rows, {@code Synthetic/Big/Flat} holding 10,000): (a) planning 10,000 moves as the window does
 * it, the whole index already loaded (the server's search, all pages, then the planner);
 * (b) requests per move when applying; (c) applying 1,000 moves on the local workspace, journal
 * on disk, no rate budget (what the server and client cost; PostHog's budget is computed apart).
 * Every apply is undone afterwards, so the reused data folder stays as seeded.
 */
final class OrganiseScenario {

    static final String QUERY = "path:Flat";
    static final String TEMPLATE = "Archive/{type}/{created:yyyy-MM}";
    static final int RUNS = 5;
    /** Plans before the measured ones: the window's preview plans on every keystroke, so it runs warm. */
    static final int WARM_UP = 2;
    static final int APPLIED = 1000;

    private OrganiseScenario() {
    }

    static List<Result> run(ServerProcess server, Path work) throws Exception {
        List<Result> out = new ArrayList<>();
        try (PostHogClient client = IndexScenario.client(server)) {
            CountingBackend backend = new CountingBackend(new ClientBackend(client));
            TreeIndex index = new TreeIndex();
            backend.everything(1000, index::putAll);
            index.markComplete(true);
            ClientLookup lookup = new ClientLookup(client);
            Template template = Template.parse(TEMPLATE);

            // (a) plan time: search + planner, median of RUNS after one warm-up
            List<Double> total = new ArrayList<>();
            List<Double> search = new ArrayList<>();
            List<Double> planner = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            Plan plan = null;
            for (int i = -WARM_UP + 1; i <= RUNS; i++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                Matches matches = lookup.search(QUERY);
                long t1 = System.nanoTime();
                plan = Planner.plan(index, matches, template, DashboardTiles.NONE);
                long t2 = System.nanoTime();
                long c2 = threads.getCurrentThreadCpuTime();
                if (i > 0) {
                    cpu.add(Stats.ms(c2 - c0));
                    search.add(Stats.ms(t1 - t0));
                    planner.add(Stats.ms(t2 - t1));
                    total.add(Stats.ms(t2 - t0));
                }
            }
            int moves = plan.moves().size();
            if (moves < 10_000) {
                throw new IllegalStateException(QUERY + " planned " + moves + " moves, not 10,000");
            }
            out.add(Result.judged(String.format(Locale.ROOT, "8a plan %,d moves on a %,d-row tree", moves, index.size()),
                    Stats.median(total), 1000, Stats.median(total) / 1000, "ms", "≤ 1,000 ms", Stats.median(total) <= 1000,
                    "the window's way, after " + WARM_UP + " warm-up plans: index loaded; the server's search (" + QUERY + ", pages of 10,000) "
                    + median(search) + " ms + Planner " + median(planner) + " ms (" + TEMPLATE + ", "
                    + plan.newFolders().size() + " new folders); runs " + total + "; the planning thread's own CPU time"
                    + " (reading the answer + Planner) " + median(cpu) + " ms; load average " + loadAverage()));

            // (b) and (c): apply the first 1,000 moves, then undo them
            List<Plan.Move> first = plan.moves().subList(0, APPLIED);
            Plan part = new Plan(plan.query(), plan.template(), APPLIED, first, List.of(),
                    Planner.missingFolders(index, first.stream().map(Plan.Move::folder).toList()));
            Path journals = Files.createDirectories(work.resolve("organise-journals"));
            FileBatchJournalStore store = new FileBatchJournalStore(journals);
            List<Double> apply = new ArrayList<>();
            List<Double> undo = new ArrayList<>();
            long requests = 0;
            int created = 0;
            for (int i = 0; i < 3; i++) {
                TreeIndex copy = new TreeIndex();
                copy.putAll(index.rows());
                OrganiseBatch batch = OrganiseBatch.of(part, store);
                batch.applyLocally(copy);
                long before = backend.requests.get();
                long t0 = System.nanoTime();
                batch.send(backend);
                apply.add(Stats.ms(System.nanoTime() - t0));
                requests = backend.requests.get() - before;
                created = batch.createdFolders().size();
                batch.reconcile(copy);
                if (batch.outcome() != OrganiseBatch.Outcome.COMPLETE) {
                    throw new IllegalStateException("the batch ended " + batch.outcome());
                }
                OrganiseUndo back = (OrganiseUndo) batch.inverse();
                back.applyLocally(copy);
                t0 = System.nanoTime();
                back.send(backend);
                undo.add(Stats.ms(System.nanoTime() - t0));
                if (back.restored().size() != APPLIED) {
                    throw new IllegalStateException("undo put back " + back.restored().size() + " of " + APPLIED);
                }
            }
            double perMove = (double) (requests - created) / APPLIED;
            out.add(Result.judged("8b requests per move when applying", perMove, 1.0, perMove, "requests",
                    "1 per move, + 1 per new folder, nothing else", perMove <= 1.0 && requests <= part.requests(),
                    requests + " requests in all: " + (requests - created) + " PATCH for " + APPLIED + " moves and "
                    + created + " POST for " + part.newFolders().size() + " new folders (moves + new folders = "
                    + part.requests() + ")"));
            out.add(new Result("8c apply 1,000 moves on the local workspace", Stats.median(apply), Double.NaN,
                    Double.NaN, "ms", "(recorded)", null, "server and client only, journal on disk; runs " + apply
                    + "; undo of the same runs " + undo + "; at PostHog's rate limit the same "
                    + part.requests() + " requests take " + part.timeAtRateLimit().toSeconds() + " s (the client's"
                    + " budget: 360 at once, then 2 a second)"));
            cleanUp(journals);
        }
        return out;
    }

    /** The machine's 1-minute load average (figures on a shared machine depend on it). */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String median(List<Double> values) {
        return String.format(Locale.ROOT, "%.0f", Stats.median(values));
    }

    private static void cleanUp(Path journals) throws java.io.IOException {
        try (var files = Files.list(journals)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
        }
    }
}
