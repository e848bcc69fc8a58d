package dev.burrow.ui;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.settings.OrganiseRule;
import dev.burrow.settings.OrganiseRules;
import dev.burrow.tree.Operation;
import dev.burrow.tree.TaskRunner;
import dev.burrow.tree.TreeIndex;
import dev.burrow.tree.TreeSession;
import dev.burrow.tree.organise.BatchJournal;
import dev.burrow.tree.organise.DashboardTiles;
import dev.burrow.tree.organise.Matches;
import dev.burrow.tree.organise.OrganiseBatch;
import dev.burrow.tree.organise.OrganiseLookup;
import dev.burrow.tree.organise.OrganiseUndo;
import dev.burrow.tree.organise.Plan;
import dev.burrow.tree.organise.PlanSentences;
import dev.burrow.tree.organise.Planner;
import dev.burrow.tree.organise.Template;
import dev.burrow.tree.organise.TemplateException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Organise dialog's state and commands, with the same planner and batch as
 * {@code burrow organise}: while the query or the template changes, a plan is made in the
 * background (debounced; a newer change drops the older plan) and shown as an
 * {@link OrganisePreview}; {@link #apply} runs it as one step of the window's history, with
 * progress and cancel. It also offers batches of this connection that were cut short (resume or
 * undo, as {@code --resume} and {@code --undo}) and keeps the connection's saved rules.
 * Holds no nodes; the toolkit only through the {@link TaskRunner}; everything on the owner's thread.
 */
public final class OrganiseViewModel {

    /** How long typing must pause before a plan is made. */
    static final Duration DEBOUNCE = Duration.ofMillis(300);
    /** Progress reaches the owner's thread at most this often. */
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** Something to tell after an undo: the rows it left alone because they changed since. */
    public record Notice(String header, List<String> lines) {
    }

    private final TaskRunner runner;
    private final StatusLine status;
    private final TreeViewModel tree;
    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty template = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<OrganisePreview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper planning = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper applying = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper tidyStep = new ReadOnlyStringWrapper("");
    private final ObservableList<BatchJournal> interrupted = FXCollections.observableArrayList();
    private final ObservableList<OrganiseRule> rules = FXCollections.observableArrayList();
    // made once: an unmodifiable view listens weakly, so a view made per call could lose its listeners
    private final ObservableList<BatchJournal> interruptedView = FXCollections.unmodifiableObservableList(interrupted);
    private final ObservableList<OrganiseRule> rulesView = FXCollections.unmodifiableObservableList(rules);
    private final BooleanBinding canApply;
    private final Deque<OrganiseRule> tidyQueue = new ArrayDeque<>();
    private int tidyTotal;

    private Function<MainViewModel.Target, BatchJournal.Store> stores = t -> BatchJournal.Store.inMemory();
    private OrganiseRules rulesStore;
    private BatchJournal.Store store = BatchJournal.Store.inMemory();
    private OrganiseLookup lookup;
    private String connection;
    private TaskRunner.Handle debounce = done();
    private TaskRunner.Handle planned = done();
    private OrganiseBatch running;
    /** What the undo being reconciled left alone, told once the session has said it finished. */
    private Notice pendingNotice;

    OrganiseViewModel(TaskRunner runner, StatusLine status, TreeViewModel tree) {
        this.runner = runner;
        this.status = status;
        this.tree = tree;
        canApply = Bindings.createBooleanBinding(() -> preview.get() != null && preview.get().canApply()
                && error.get() == null && !planning.get() && !applying.get(), preview, error, planning, applying);
        query.addListener((o, a, b) -> replan());
        template.addListener((o, a, b) -> replan());
    }

    private static TaskRunner.Handle done() {
        TaskRunner.Handle h = new TaskRunner.Handle();
        h.complete();
        return h;
    }

    /** How batches and rules name a connection: as the command line does ("local", or URL#environment). */
    public static String connectionKey(MainViewModel.Target t) {
        return t.local() ? "local" : t.baseUrl() + "#" + t.environment();
    }

    // ---- Properties ---------------------------------------------------------------------------

    /** What to organise, in PostHog's search language. */
    public StringProperty queryProperty() {
        return query;
    }

    /** Where it goes: a folder template ({@code Insights/{creator}}). */
    public StringProperty templateProperty() {
        return template;
    }

    /** The plan for what is typed now; null while there is none (nothing typed, a mistake, planning). */
    public ReadOnlyObjectProperty<OrganisePreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** What is wrong with the query or the template, or why planning failed; null when nothing is. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What is still missing (the query, the template) before there can be a preview; "" when nothing is. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty planningProperty() {
        return planning.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty applyingProperty() {
        return applying.getReadOnlyProperty();
    }

    /** True when there is a plan with moves, no mistake, and nothing running. */
    public BooleanBinding canApplyProperty() {
        return canApply;
    }

    /** Share of the batch's requests sent, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the last batch did ("Moved 12 items…", "Cancelled after…"); "" before. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** Rows an undo left alone, named; the view shows it once and may clear it ({@link #dismissNotice}). */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** "Keep Unfiled tidy: rule 2 of 3 — Unfiled insights", or "" when no set is running. */
    public ReadOnlyStringProperty tidyStepProperty() {
        return tidyStep.getReadOnlyProperty();
    }

    /** Batches of this connection cut short in an earlier run (a crash, a failure): resume or undo. */
    public ObservableList<BatchJournal> interrupted() {
        return interruptedView;
    }

    /** This connection's saved rules, in the order they were saved. */
    public ObservableList<OrganiseRule> rules() {
        return rulesView;
    }

    // ---- Wiring -------------------------------------------------------------------------------

    /** Where each connection journals its batches (the app: files; tests: memory). */
    public void setJournalStores(Function<MainViewModel.Target, BatchJournal.Store> value) {
        this.stores = value;
    }

    /** Where saved rules live; null: none can be saved. */
    public void setRules(OrganiseRules value) {
        this.rulesStore = value;
    }

    /** The window opened a connection: its journal, its rules, and any batch of it cut short. */
    void connect(MainViewModel.Target target, OrganiseLookup reads) {
        cancelPlan();
        this.lookup = reads;
        this.connection = connectionKey(target);
        this.store = stores.apply(target);
        preview.set(null);
        interrupted.clear();
        rules.clear();
        checkInterrupted();
        TreeSession session = tree.session();
        if (session != null) {
            // after the window's own listener has said "… — done": the names of what undo left alone follow it
            session.addListener(new TreeSession.Listener() {
                @Override
                public void foldersChanged(java.util.Set<String> folderPaths) {
                }

                @Override
                public void finished(String description, String failure) {
                    Notice n = pendingNotice;
                    pendingNotice = null;
                    if (n != null) {
                        status.say(n.header() + " " + String.join("; ", n.lines()));
                        notice.set(n);
                    }
                }
            });
        }
        OrganiseRules saved = rulesStore;
        String key = connection;
        if (saved != null) {
            runner.run(() -> saved.load(key), loaded -> {
                if (key.equals(connection)) {
                    rules.setAll(loaded.value());
                    loaded.problem().ifPresent(status::say);
                }
            }, e -> status.say("Saved organise rules could not be read: " + TreeSession.message(e)));
        }
        replan();
    }

    private void checkInterrupted() {
        BatchJournal.Store s = store;
        runner.run(s::interrupted, found -> {
            if (s == store) {
                interrupted.setAll(found);
            }
        }, e -> status.say("Interrupted organise batches could not be read: " + TreeSession.message(e)));
    }

    // ---- Planning -----------------------------------------------------------------------------

    /**
     * Opens the dialog on a folder: organise what is below it. The query is the folder's path with
     * a trailing {@code /} as plain text (a substring of the stored path, as PostHog's search
     * matches it); {@code path:} would take the value as one folder name.
     */
    public void startWith(String folderPath) {
        if (folderPath == null || folderPath.isEmpty()) {
            return;
        }
        String p = folderPath.replace("\"", "") + "/";
        query.set(p.matches(".*\\s.*") ? "\"" + p + "\"" : p);
    }

    private void cancelPlan() {
        debounce.cancel();
        planned.cancel();
        planning.set(false);
    }

    /** Checks what is typed at once; plans it once typing pauses. */
    private void replan() {
        cancelPlan();
        preview.set(null);
        String q = query.get() == null ? "" : query.get().strip();
        boolean noTemplate = template.get() == null || template.get().isBlank();
        error.set(null);
        if (q.isEmpty() || noTemplate) {
            // not a mistake yet: the dialog says what is missing instead of a preview
            hint.set(q.isEmpty() ? "Say what to organise, e.g. type:insight path:Unfiled"
                    : "Say where it goes: a folder template, e.g. Insights/{creator}");
            return;
        }
        hint.set("");
        Template t;
        try {
            t = Template.parse(template.get());
        } catch (TemplateException e) {
            error.set(e.getMessage());
            return;
        }
        error.set(null);
        if (applying.get()) {
            return;
        }
        planning.set(true);
        debounce = runner.postLater(DEBOUNCE, () -> plan(q, t));
    }

    private void plan(String q, Template t) {
        TreeSession s = tree.session();
        OrganiseLookup reads = lookup;
        if (s == null || reads == null) {
            planning.set(false);
            error.set("Not connected yet.");
            return;
        }
        // With the whole tree in the index the plan uses it; otherwise it reads the folder rows, as the command line does.
        boolean whole = s.index().isComplete();
        planned = runner.run(() -> fetch(reads, q, t, whole), f -> {
            planning.set(false);
            Plan plan = Planner.plan(f.index() == null ? s.index() : f.index(), f.matches(), t, f.tiles());
            preview.set(OrganisePreview.of(plan));
        }, e -> {
            planning.set(false);
            error.set("Could not plan: " + TreeSession.message(e));
        });
    }

    private record Fetched(Matches matches, DashboardTiles tiles, TreeIndex index) {
    }

    private static Fetched fetch(OrganiseLookup reads, String q, Template t, boolean whole) {
        Matches m = reads.search(q);
        TreeIndex index = null;
        if (!whole) {
            index = new TreeIndex();
            index.putAll(reads.rowsOfType(FileSystemEntry.FOLDER));
            index.putAll(m.rows());
        }
        DashboardTiles tiles = DashboardTiles.NONE;
        if (t.usesDashboard()) {
            List<FileSystemEntry> dashboards = reads.rowsOfType("dashboard");
            if (index != null) {
                index.putAll(dashboards);
            }
            tiles = DashboardTiles.load(reads, dashboards,
                    m.rows().stream().filter(r -> "insight".equals(r.type())).map(FileSystemEntry::ref).toList());
        }
        return new Fetched(m, tiles, index);
    }

    // ---- Applying -----------------------------------------------------------------------------

    /** Runs the plan shown as one step of the window's history; Ctrl+Z puts every row back. */
    public void apply() {
        OrganisePreview shown = preview.get();
        if (!canApply.get() || shown == null) {
            return;
        }
        run(OrganiseBatch.of(shown.plan(), store));
    }

    /** Stops the batch before its next request; what was done stays (and can be undone). */
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    private void run(OrganiseBatch batch) {
        running = batch;
        applying.set(true);
        progress.set(0);
        outcome.set("");
        long[] last = {0};
        batch.onProgress((sent, total) -> {
            long now = System.nanoTime();
            if (sent == total || now - last[0] >= PROGRESS_EVERY_NANOS) {
                last[0] = now;
                runner.post(() -> {
                    if (running == batch) {
                        progress.set(total == 0 ? 1 : sent / (double) total);
                        status.say(batch.description() + ": " + PlanSentences.count(sent, "request") + " of " + total
                                + " sent…");
                    }
                });
            }
        });
        execute(batch, msg -> {
            applying.set(false);
            running = null;
            outcome.set(msg == null ? finished(batch) : "Stopped after " + PlanSentences.count(batch.done(), "move")
                    + " of " + batch.total() + ": " + msg + " Nothing is half done: finish it or put it back below.");
            if (msg != null) {
                checkInterrupted();
            }
            replan();
            if (msg == null && batch.outcome() == OrganiseBatch.Outcome.COMPLETE && !tidyQueue.isEmpty()) {
                nextRule();
            } else if (msg != null || batch.outcome() != OrganiseBatch.Outcome.COMPLETE) {
                stopTidy();
            }
        });
    }

    private static String finished(OrganiseBatch batch) {
        String moved = PlanSentences.count(batch.done() - batch.vanished().size(), "item");
        String gone = batch.vanished().isEmpty() ? ""
                : " " + PlanSentences.count(batch.vanished().size(), "item") + " had been deleted meanwhile.";
        if (batch.outcome() == OrganiseBatch.Outcome.CANCELLED) {
            return "Cancelled after " + batch.done() + " of " + batch.total() + " moves: what moved stays where it is"
                    + " now (" + moved + ")." + gone + " Ctrl+Z puts it back.";
        }
        return "Moved " + moved + "." + gone + " Ctrl+Z puts every one back.";
    }

    /** Runs an organise operation as one history step, reporting what its undo leaves alone. */
    private void execute(Operation op, java.util.function.Consumer<String> then) {
        tree.edits().execute(new OrganiseStep(op, this::undone), then);
    }

    /** An undo was reconciled: name the rows it left alone, after the session's own "done". */
    private void undone(OrganiseUndo undo) {
        List<String> lines = new java.util.ArrayList<>();
        undo.leftAlone().forEach(l -> lines.add(l.sentence()));
        undo.keptFolders().forEach(f -> lines.add(f + " — a folder it made, kept: something else is in it now"));
        if (lines.isEmpty()) {
            return;
        }
        String header = "Put back " + PlanSentences.count(undo.restored().size(), "item") + "; left alone "
                + PlanSentences.count(lines.size(), "row") + " changed since the batch:";
        pendingNotice = new Notice(header, List.copyOf(lines));
    }

    public void dismissNotice() {
        notice.set(null);
    }

    // ---- Interrupted batches ------------------------------------------------------------------

    /** Finishes a batch cut short (an undo cut short is finished by undoing the rest), as {@code --resume}. */
    public void resume(BatchJournal journal) {
        interrupted.remove(journal);
        if (journal.state() == BatchJournal.State.UNDOING) {
            putBack(journal);
        } else {
            run(OrganiseBatch.resume(journal, store));
        }
    }

    /** Puts back what a batch cut short did, as {@code --undo}. */
    public void putBack(BatchJournal journal) {
        interrupted.remove(journal);
        execute(OrganiseUndo.of(journal, store), msg -> {
            if (msg != null) {
                checkInterrupted();
            }
        });
    }

    // ---- Rules --------------------------------------------------------------------------------

    /** Saves what is typed as a rule of this connection ({@code tidy}: part of "Keep Unfiled tidy"). */
    public void saveRule(String name, boolean tidy) {
        OrganiseRules saved = rulesStore;
        String key = connection;
        if (saved == null || key == null) {
            status.fail("Rules can't be saved here.");
            return;
        }
        OrganiseRule rule;
        try {
            Template.parse(template.get());
            rule = new OrganiseRule(name, query.get(), template.get(), tidy);
        } catch (IllegalArgumentException e) {
            status.fail(e.getMessage());
            return;
        }
        runner.run(() -> saved.put(key, rule), all -> {
            if (key.equals(connection)) {
                rules.setAll(all);
            }
            status.say("Saved the rule “" + rule.name() + "”.");
        }, e -> status.fail("The rule could not be saved: " + TreeSession.message(e)));
    }

    public void deleteRule(OrganiseRule rule) {
        OrganiseRules saved = rulesStore;
        String key = connection;
        if (saved == null || key == null) {
            return;
        }
        runner.run(() -> saved.remove(key, rule.name()), all -> {
            if (key.equals(connection)) {
                rules.setAll(all);
            }
            status.say("Deleted the rule “" + rule.name() + "”.");
        }, e -> status.fail("The rule could not be deleted: " + TreeSession.message(e)));
    }

    /** Puts a rule's query and template in the fields: its preview follows. */
    public void useRule(OrganiseRule rule) {
        query.set(rule.where());
        template.set(rule.to());
    }

    /** "Keep Unfiled tidy": the tidy rules one after another, each previewed; Apply or {@link #skipRule} moves on. */
    public void runTidy() {
        tidyQueue.clear();
        rules.stream().filter(OrganiseRule::tidy).forEach(tidyQueue::add);
        tidyTotal = tidyQueue.size();
        if (tidyTotal == 0) {
            status.say("No rule is part of “Keep Unfiled tidy” yet: save one with that box ticked.");
            return;
        }
        nextRule();
    }

    /** Leaves the rule shown as it is and previews the next one of the set. */
    public void skipRule() {
        if (tidyQueue.isEmpty()) {
            stopTidy();
        } else {
            nextRule();
        }
    }

    private void nextRule() {
        OrganiseRule r = tidyQueue.poll();
        tidyStep.set("Keep Unfiled tidy: rule " + (tidyTotal - tidyQueue.size()) + " of " + tidyTotal + " — "
                + r.name());
        useRule(r);
    }

    private void stopTidy() {
        tidyQueue.clear();
        tidyStep.set("");
    }
}
