package dev.burrow.tree;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.client.RateBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Live refresh: changes made elsewhere (the web app, the CLI, another window) appear in the tree
 * by themselves. PostHog has no change feed, so each cycle lists a little: one request for rows
 * created anywhere since the newest seen, then the folders the person can see, least recently
 * listed first, as far as the budget allows. Differences are merged by id ({@link LiveMerge}) in
 * chunks on the owner's thread, so nothing collapses and the window never stalls; changed rows
 * stay marked for a moment.
 *
 * <p>The budget is {@link #LIVE_PER_MINUTE}/{@link #LIVE_PER_HOUR} requests (10 % of PostHog's
 * limits) whatever the tree's size; the requests also draw on the client's shared budget, and a
 * cycle only starts while most of that is free (people's own requests first). A 429 doubles the
 * interval until a cycle succeeds. Cycles run every {@link #FOCUSED} while the window has focus,
 * every {@link #UNFOCUSED} when it has not, never while minimised, held (a batch, a drag) or while
 * the session has work of its own in flight. Owner thread only, except the background reads.
 */
public final class LiveTree {

    public static final Duration FOCUSED = Duration.ofSeconds(20);
    public static final Duration UNFOCUSED = Duration.ofMinutes(2);
    /** How long a row changed elsewhere stays marked. */
    public static final Duration MARK_TIME = Duration.ofSeconds(4);
    /** The full index is fetched again at most this often (longer on trees of many pages). */
    public static final Duration FULL_EVERY = Duration.ofMinutes(15);
    public static final int LIVE_PER_MINUTE = 48;
    public static final int LIVE_PER_HOUR = 480;
    /** Changes applied per hand-off to the owner's thread; hand-offs are a frame apart. */
    public static final int CHUNK = 250;
    static final Duration CHUNK_GAP = Duration.ofMillis(17);
    /** At most this many requests in one cycle. */
    static final int PER_CYCLE = 8;
    static final int PAGE = 1000;
    static final int CREATED_PAGE = 200;
    /** Rows missing from a listing looked up by id per cycle (selected ones first). */
    static final int LOOKUPS = 3;
    /** A cycle starts only while this share of the shared budget's burst is free. */
    static final double USER_SHARE = 0.25;
    private static final int MAX_BACKOFF = 8;

    /** What the window wants to hear; every call arrives on the owner's thread. */
    public interface Listener {
        /** A cycle finished (whether or not it found anything), at {@code atMillis} on the live clock. */
        default void checked(long atMillis) {
        }

        /** A merge finished: so many rows added, changed (renamed, moved) and removed. */
        default void merged(int added, int changed, int removed) {
        }

        /** Selected rows were deleted elsewhere (their names); they have left the selection. */
        default void selectionGone(List<String> names) {
        }

        /** Selected rows were moved or renamed elsewhere (their rows now). */
        default void selectionMoved(List<FileSystemEntry> rows) {
        }

        /** Rows became marked or stopped being marked. */
        default void marksChanged() {
        }

        /** A folder row moved elsewhere from one path to another (views move their expansion). */
        default void folderMoved(String from, String to) {
        }

        /**
         * An edit moved rows into {@code folder}, which had been moved elsewhere to {@code nowAt}
         * (null: deleted elsewhere) just before: the rows are in a folder only the edit brought back.
         */
        default void movedUnder(String edit, String folder, String nowAt) {
        }

        /** The server said to slow down (or failed); the next cycle waits {@code next}. */
        default void backingOff(Duration next, String why) {
        }
    }

    private final TreeSession session;
    private final LiveSource source;
    private final TaskRunner runner;
    private final RateBudget live;
    private final RateBudget shared;
    private final LongSupplier clockMillis;
    private final List<Listener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, Long> lastListed = new HashMap<>();
    private final Map<String, Long> marks = new HashMap<>();
    private final Set<String> urgent = new LinkedHashSet<>();
    private Supplier<Collection<String>> visible = List::of;
    private Supplier<Set<String>> selected = Set::of;
    private boolean started;
    private boolean focused = true;
    private boolean iconified;
    private int holds;
    private boolean sessionBusy;
    /** Bumped by every edit or load the session finishes: a cycle that saw one drops its answer. */
    private int disturbances;
    private int generation;
    private int backoff = 1;
    private boolean inFlight;
    private String watermark;
    private boolean watermarkKnown;
    private long lastChecked = -1;
    private long nextFullAt;
    private FullRefresh full;
    private TaskRunner.Handle timer = new TaskRunner.Handle();
    private TaskRunner.Handle unmark = new TaskRunner.Handle();
    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * @param live        live refresh's own budget ({@link #budget(LongSupplier)})
     * @param shared      the client's budget that people's requests use too (null: none)
     * @param clockMillis the clock for marks, "checked" and the full-index interval
     */
    public LiveTree(TreeSession session, LiveSource source, TaskRunner runner, RateBudget live, RateBudget shared,
            LongSupplier clockMillis) {
        this.session = session;
        this.source = source;
        this.runner = runner;
        this.live = live;
        this.shared = shared;
        this.clockMillis = clockMillis;
        this.generation = session.refreshes();
        this.nextFullAt = clockMillis.getAsLong() + FULL_EVERY.toMillis();
        session.addListener(new TreeSession.Listener() {
            @Override
            public void foldersChanged(Set<String> folderPaths) {
            }

            @Override
            public void finished(String description, String error) {
                disturbances++;
            }

            @Override
            public void busy(int running) {
                disturbances++;
                sessionBusy = running > 0;
            }

            @Override
            public void conflicted(Collection<String> folders) {
                lookAgain(folders);
            }

            @Override
            public void edited(Operation op) {
                verifyTargets(op);
            }
        });
    }

    /** Lists these folders (and the visible ones) as soon as the session is idle. */
    private void lookAgain(Collection<String> folders) {
        urgent.addAll(folders);
        urgent.addAll(visible.get());
        runner.post(LiveTree.this::checkNow);
    }

    /**
     * After a move into folders: one look at each target folder's row (at most two, within the
     * budget). If someone moved or deleted it meanwhile, the move landed in a folder only the move
     * itself brought back: {@link Listener#movedUnder} says so, and the tree there is checked.
     */
    private void verifyTargets(Operation op) {
        if (!(op instanceof MoveOperation m)) {
            return;
        }
        Map<String, String> folders = new java.util.LinkedHashMap<>();
        for (MoveOperation.Step st : m.steps()) {
            String into = dev.burrow.api.EntryPath.parent(dev.burrow.api.EntryPath.normalize(st.target()));
            String from = dev.burrow.api.EntryPath.parent(dev.burrow.api.EntryPath.normalize(st.node().path()));
            TreeNode.Folder f = into.isEmpty() || into.equals(from) ? null : session.index().folder(into);
            if (f != null && !f.rows().isEmpty() && folders.size() < 2) {
                folders.putIfAbsent(f.rows().get(0).id(), into);
            }
        }
        folders.keySet().removeIf(id -> !live.tryReserve());
        if (folders.isEmpty()) {
            return;
        }
        requests.addAndGet(folders.size());
        runner.run(() -> {
            Map<String, String> now = new HashMap<>();
            for (String id : folders.keySet()) {
                try {
                    now.put(id, dev.burrow.api.EntryPath.normalize(source.retrieve(id).path()));
                } catch (dev.burrow.client.ApiException.NotFound gone) {
                    now.put(id, null);
                }
            }
            return now;
        }, now -> {
            for (Map.Entry<String, String> e : folders.entrySet()) {
                String at = now.get(e.getKey());
                if (!e.getValue().equals(at)) {
                    listeners.forEach(l -> l.movedUnder(op.description(), e.getValue(), at));
                    lookAgain(List.of(dev.burrow.api.EntryPath.parent(e.getValue())));
                }
            }
        }, error -> {
        });
    }

    /** Live refresh's own budget: 10 % of PostHog's limits, on the given nanosecond clock. */
    public static RateBudget budget(LongSupplier nanoClock) {
        return new RateBudget(LIVE_PER_MINUTE, LIVE_PER_HOUR, nanoClock);
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    /** Where to look: the folders expanded and on screen, in the order they show. */
    public void watch(Supplier<Collection<String>> visibleFolders, Supplier<Set<String>> selectedIds) {
        this.visible = visibleFolders;
        this.selected = selectedIds;
    }

    // ---- when to run ----------------------------------------------------------------------

    public void start() {
        if (!started) {
            started = true;
            schedule(Duration.ofSeconds(1));
        }
    }

    public void stop() {
        started = false;
        timer.cancel();
        unmark.cancel();
    }

    public void setFocused(boolean value) {
        boolean gained = value && !focused;
        focused = value;
        if (gained && started && lastChecked >= 0 && clockMillis.getAsLong() - lastChecked >= FOCUSED.toMillis()
                && checkNow()) {
            return; // back after a while: look at once
        }
        schedule(interval());
    }

    public void setIconified(boolean value) {
        iconified = value;
        schedule(interval());
    }

    /** A batch or a drag started (true) or ended (false): no cycle runs while one is held. */
    public void hold(boolean value) {
        holds = Math.max(0, holds + (value ? 1 : -1));
        if (holds == 0) {
            schedule(interval());
        }
    }

    /** The interval to the next cycle now: by focus, stretched while backing off. */
    public Duration interval() {
        return (focused ? FOCUSED : UNFOCUSED).multipliedBy(backoff);
    }

    /** When the last cycle finished on the live clock, or -1 before the first. */
    public long lastChecked() {
        return lastChecked;
    }

    /** Requests live refresh has sent (for the status bar's tooltip and benchmarks). */
    public int requests() {
        return requests.get();
    }

    public boolean isMarked(String id) {
        Long until = marks.get(id);
        return until != null && until > clockMillis.getAsLong();
    }

    /** Ids marked now. */
    public Set<String> marked() {
        Set<String> out = new LinkedHashSet<>();
        long now = clockMillis.getAsLong();
        marks.forEach((id, until) -> {
            if (until > now) {
                out.add(id);
            }
        });
        return out;
    }

    private void schedule(Duration delay) {
        timer.cancel();
        if (started && !inFlight) {
            timer = later(delay, this::tick);
        }
    }

    /**
     * A timer on the runner. A runner whose delays pass at once ({@link TaskRunner#sameThread()})
     * would run it inside this call, and so cycle forever: there, timers never fire (checks run
     * only through {@link #checkNow()}).
     */
    private TaskRunner.Handle later(Duration delay, Runnable job) {
        return later(runner, delay, job);
    }

    /** As {@link TaskRunner#postLater}, except that a job a runner would run at once never runs. */
    public static TaskRunner.Handle later(TaskRunner runner, Duration delay, Runnable job) {
        boolean[] scheduling = {true};
        TaskRunner.Handle h = runner.postLater(delay, () -> {
            if (!scheduling[0]) {
                job.run();
            }
        });
        scheduling[0] = false;
        return h;
    }

    private void tick() {
        if (!started) {
            return;
        }
        if (!checkNow()) {
            schedule(interval());
        }
    }

    /**
     * Runs a cycle now unless stopped, one is running or the window says not to (minimised, held, busy);
     * answers whether it started one. F5 and conflicts use it; the timer too.
     */
    public boolean checkNow() {
        if (!started || inFlight || iconified || holds > 0 || sessionBusy) {
            return false;
        }
        if (shared != null && shared.spare() < USER_SHARE) {
            return false; // people's own requests are using the budget: they go first
        }
        if (session.refreshes() != generation) {
            // F5 reloaded everything: that was a full refresh
            generation = session.refreshes();
            full = null;
            nextFullAt = clockMillis.getAsLong() + fullInterval();
        }
        List<String> folders = plan();
        if (full == null && session.index().isComplete() && clockMillis.getAsLong() >= nextFullAt) {
            full = new FullRefresh(disturbances);
        }
        inFlight = true;
        timer.cancel();
        Cycle cycle = new Cycle(folders, full);
        runner.run(cycle::fetch, this::fetched, this::failed);
        return true;
    }

    /** The folders to list this cycle: urgent ones, then visible ones least recently listed first. */
    private List<String> plan() {
        List<String> order = new ArrayList<>(urgent);
        urgent.clear();
        List<String> shown = new ArrayList<>();
        for (String f : visible.get()) {
            if (!order.contains(f) && watchable(f)) {
                shown.add(f);
            }
        }
        shown.sort(java.util.Comparator.comparingLong(f -> lastListed.getOrDefault(f, Long.MIN_VALUE)));
        order.addAll(shown);
        return order;
    }

    private boolean watchable(String folder) {
        return session.index().isComplete() || session.state(folder) instanceof FolderState.Loaded;
    }

    private long fullInterval() {
        long pages = Math.max(1, (session.index().size() + PAGE - 1) / PAGE);
        // the full refresh takes at most half of the hourly budget
        return Math.max(FULL_EVERY.toMillis(), pages * 3_600_000L / (LIVE_PER_HOUR / 2));
    }

    // ---- one cycle ------------------------------------------------------------------------

    /** One cycle's reads: built on the owner's thread, fetched in the background, merged back. */
    private final class Cycle {
        final int gen;
        final int seen;
        final String after;
        final List<String> folders;
        final List<FileSystemEntry> rowsForWatermark;
        /** The newest created_at of the rows the index loaded, when known: the first look starts there. */
        final String indexNewest;
        final FullRefresh fullRefresh;
        final boolean firstLook;
        final List<FileSystemEntry> created = new ArrayList<>();
        final Map<String, List<FileSystemEntry>> listings = new java.util.LinkedHashMap<>();
        final Set<String> completeListings = new java.util.HashSet<>();
        final Map<String, FileSystemEntry> found = new HashMap<>();
        final Set<String> notFound = new java.util.HashSet<>();
        List<FileSystemEntry> lookups = List.of();
        String newest;
        /**
         * The first look at a tree whose newest row is unknown (a lazy tree): the one row it reads
         * only sets where the next look starts. It was there before the tree opened, so it is no
         * change from elsewhere (it was merged and said as "1 change from elsewhere" at every connect).
         */
        boolean probe;
        boolean createdComplete = true;
        Duration throttled;
        RuntimeException failure;
        int sent;

        Cycle(List<String> folders, FullRefresh fullRefresh) {
            this.gen = generation;
            this.seen = disturbances;
            this.after = watermarkKnown ? watermark : null;
            this.folders = folders;
            // a complete index knows the newest row; a lazy one asks the server for its newest instead.
            // The index's load noted its newest row off the FX thread: copying 100,000 rows here held
            // the FX thread ~20-40 ms at the start of a merge; the copy is left for an index made otherwise.
            boolean fromIndex = !watermarkKnown && session.index().isComplete();
            this.indexNewest = fromIndex ? session.indexNewestCreated() : null;
            this.rowsForWatermark = !fromIndex ? null : indexNewest != null ? List.of()
                    : List.copyOf(session.index().rows());
            this.firstLook = !watermarkKnown;
            this.fullRefresh = fullRefresh;
        }

        boolean token() {
            if (sent >= PER_CYCLE || !live.tryReserve()) {
                return false;
            }
            sent++;
            requests.incrementAndGet();
            return true;
        }

        /** Background: the reads, as far as the budget allows; a 429 ends the cycle. */
        Cycle fetch() {
            try {
                String since = rowsForWatermark != null ? LiveMerge.newest(rowsForWatermark, indexNewest) : after;
                probe = since == null;
                newest = since;
                int offset = 0;
                int size = firstLook && rowsForWatermark == null ? 1 : CREATED_PAGE;
                while (token()) {
                    var page = source.createdAfter(since, size, offset);
                    created.addAll(page.results());
                    offset += page.results().size();
                    createdComplete = page.results().size() < size || size == 1;
                    newest = LiveMerge.newest(page.results(), newest);
                    if (createdComplete) {
                        break;
                    }
                }
                for (String f : folders) {
                    if (!list(f)) {
                        break;
                    }
                }
                if (fullRefresh != null) {
                    fullRefresh.fetch(this);
                }
            } catch (dev.burrow.client.ApiException.Throttled t) {
                throttled = Duration.ofSeconds(Math.max(1, t.waitSeconds()));
            } catch (RuntimeException e) {
                failure = e;
            }
            return this;
        }

        private boolean list(String folder) {
            List<FileSystemEntry> rows = new ArrayList<>();
            int offset = 0;
            while (true) {
                if (!token()) {
                    if (!rows.isEmpty()) {
                        listings.put(folder, rows); // a part: updates only, no removals
                    }
                    return false;
                }
                var page = source.children(folder, PAGE, offset);
                rows.addAll(page.results());
                offset += page.results().size();
                if (page.results().size() < PAGE || offset >= page.count()) {
                    listings.put(folder, rows);
                    completeListings.add(folder);
                    return true;
                }
            }
        }

        /** Background: looks up rows that left a listed folder: moved (found) or deleted (404). */
        Cycle lookUp() {
            try {
                for (FileSystemEntry r : lookups) {
                    try {
                        found.put(r.id(), source.retrieve(r.id()));
                    } catch (dev.burrow.client.ApiException.NotFound gone) {
                        notFound.add(r.id());
                    }
                }
            } catch (dev.burrow.client.ApiException.Throttled t) {
                throttled = Duration.ofSeconds(Math.max(1, t.waitSeconds()));
            } catch (RuntimeException e) {
                failure = e;
            }
            return this;
        }

        boolean stale() {
            return gen != session.refreshes() || seen != disturbances;
        }
    }

    /** A full refresh in progress: pages of every row, gathered over cycles with the budget left over. */
    private final class FullRefresh {
        final int seen;
        final Map<String, FileSystemEntry> rows = new HashMap<>();
        int offset;
        long total = -1;
        boolean done;

        FullRefresh(int seen) {
            this.seen = seen;
        }

        void fetch(Cycle c) {
            while (!done && c.token()) {
                var page = source.everything(PAGE, offset);
                for (FileSystemEntry r : page.results()) {
                    rows.put(r.id(), r);
                }
                offset += page.results().size();
                total = page.count();
                done = page.results().size() < PAGE || offset >= total;
            }
        }
    }

    private void failed(Throwable error) {
        inFlight = false;
        backOff(Duration.ZERO, TreeSession.message(error));
    }

    private void backOff(Duration serverWait, String why) {
        backoff = Math.min(MAX_BACKOFF, backoff * 2);
        if (shared != null && !serverWait.isZero()) {
            shared.pause(serverWait); // everyone on this key waits as the server asked
        }
        Duration next = interval().compareTo(serverWait) >= 0 ? interval() : serverWait;
        for (Listener l : listeners) {
            l.backingOff(next, why);
        }
        inFlight = false;
        schedule(next);
    }

    private boolean failedCycle(Cycle c) {
        if (c.throttled != null) {
            backOff(c.throttled, "The server asked to slow down.");
            return true;
        }
        if (c.failure != null) {
            backOff(Duration.ZERO, TreeSession.message(c.failure));
            return true;
        }
        return false;
    }

    private void fetched(Cycle c) {
        if (failedCycle(c)) {
            return;
        }
        backoff = 1;
        if (c.stale()) {
            finishCycle(false); // an edit or load happened meanwhile: its answers may be older than the index
            return;
        }
        TreeIndex index = session.index();
        if (c.sent > 0) {
            watermark = c.newest;
            watermarkKnown = true;
        }
        if (!c.createdComplete && index.isComplete()) {
            nextFullAt = clockMillis.getAsLong(); // more rows came than a cycle reads: fetch everything next
        }
        Map<String, LiveChange> changes = new java.util.LinkedHashMap<>();
        if (!c.probe) {
            LiveMerge.changed(index, c.created).forEach(ch -> changes.put(ch.id(), ch));
        }
        List<FileSystemEntry> missing = new ArrayList<>();
        long now = clockMillis.getAsLong();
        for (Map.Entry<String, List<FileSystemEntry>> e : c.listings.entrySet()) {
            String folder = e.getKey();
            lastListed.put(folder, now);
            boolean complete = c.completeListings.contains(folder) && knowsEveryChild(folder);
            for (LiveChange ch : LiveMerge.folder(index, folder, e.getValue(), complete, missing)) {
                changes.putIfAbsent(ch.id(), ch);
            }
        }
        if (c.fullRefresh != null && c.fullRefresh.done) {
            FullRefresh f = c.fullRefresh;
            boolean whole = f.seen == disturbances && f.total == f.rows.size();
            List<LiveChange> all = whole ? LiveMerge.everything(index, f.rows) : LiveMerge.changed(index, f.rows.values());
            all.forEach(ch -> changes.putIfAbsent(ch.id(), ch));
            full = null;
            nextFullAt = now + fullInterval();
        }
        missing.removeIf(r -> changes.containsKey(r.id()));
        Set<String> sel = selected.get();
        List<FileSystemEntry> ordered = new ArrayList<>(missing);
        ordered.sort(java.util.Comparator.comparingInt(r -> sel.contains(r.id()) ? 0 : 1));
        List<FileSystemEntry> lookups = new ArrayList<>();
        for (FileSystemEntry r : ordered) {
            if (lookups.size() < LOOKUPS && (sel.contains(r.id()) || c.sent < PER_CYCLE) && live.tryReserve()) {
                requests.incrementAndGet();
                lookups.add(r);
            }
        }
        if (lookups.isEmpty()) {
            settle(c, changes, missing);
            return;
        }
        c.lookups = lookups;
        runner.run(c::lookUp, looked -> {
            if (failedCycle(looked)) {
                return;
            }
            if (looked.stale()) {
                finishCycle(false);
                return;
            }
            settle(looked, changes, missing);
        }, this::failed);
    }

    /** True when the index holds every child of the folder, so that a row it lacks on the server is gone. */
    private boolean knowsEveryChild(String folder) {
        return session.index().isComplete()
                || session.state(folder) instanceof FolderState.Loaded l && !l.hasMore();
    }

    /** Turns missing rows into moves (found elsewhere) or removals, then merges everything. */
    private void settle(Cycle c, Map<String, LiveChange> changes, List<FileSystemEntry> missing) {
        TreeIndex index = session.index();
        for (FileSystemEntry gone : missing) {
            FileSystemEntry there = c.found.get(gone.id());
            if (there != null) {
                if (!LiveMerge.same(there, gone)) {
                    changes.put(gone.id(), new LiveChange.Put(there, index.byId(gone.id())));
                }
            } else if (index.byId(gone.id()) != null) {
                changes.put(gone.id(), new LiveChange.Gone(index.byId(gone.id())));
            }
        }
        merge(new ArrayList<>(changes.values()), c);
    }

    // ---- merging --------------------------------------------------------------------------

    private void merge(List<LiveChange> changes, Cycle c) {
        Set<String> sel = selected.get();
        List<String> goneNames = new ArrayList<>();
        List<FileSystemEntry> movedRows = new ArrayList<>();
        for (LiveChange ch : changes) {
            if (sel.contains(ch.id())) {
                if (ch instanceof LiveChange.Gone g) {
                    goneNames.add(g.before().name());
                } else if (ch instanceof LiveChange.Put p && p.moved()) {
                    movedRows.add(p.row());
                }
            }
        }
        applyChunk(changes, 0, c, new int[3], new Merged(), () -> {
            if (!goneNames.isEmpty()) {
                listeners.forEach(l -> l.selectionGone(goneNames));
            }
            if (!movedRows.isEmpty()) {
                listeners.forEach(l -> l.selectionMoved(movedRows));
            }
        });
    }

    /** What the chunks of one merge changed so far: said to the session once, after the last chunk. */
    private static final class Merged {
        final Set<String> touched = new LinkedHashSet<>();
        final Map<String, String> elsewhere = new HashMap<>();

        void tell(TreeSession session) {
            if (!touched.isEmpty() || !elsewhere.isEmpty()) {
                session.changedElsewhere(touched, elsewhere);
            }
        }
    }

    /**
     * Applies changes [from, from + CHUNK) to the index now and the rest a frame later, so no
     * hand-off runs long; the views hear of it once, after the last chunk (each announcement
     * refilled the folders again: four refills of the same folder for 1,000 changes).
     */
    private void applyChunk(List<LiveChange> changes, int from, Cycle c, int[] counts, Merged merged, Runnable after) {
        if (c.stale()) {
            merged.tell(session); // what the chunks before merged shows
            finishCycle(false); // an edit started between chunks: the rest waits for the next cycle
            return;
        }
        TreeIndex index = session.index();
        int to = Math.min(changes.size(), from + CHUNK);
        Set<String> touched = merged.touched;
        Map<String, String> elsewhere = merged.elsewhere;
        long until = clockMillis.getAsLong() + MARK_TIME.toMillis();
        for (LiveChange ch : changes.subList(from, to)) {
            FileSystemEntry now = index.byId(ch.id());
            touched.addAll(LiveMerge.apply(index, ch));
            if (ch instanceof LiveChange.Put p) {
                counts[now == null ? 0 : 1]++;
                marks.put(p.id(), until);
                if (now != null) {
                    elsewhere.put(p.id(), now.name());
                    if (now.isFolder() && !now.path().equals(p.row().path())) {
                        String from0 = dev.burrow.api.EntryPath.normalize(now.path());
                        String to0 = dev.burrow.api.EntryPath.normalize(p.row().path());
                        listeners.forEach(l -> l.folderMoved(from0, to0));
                    }
                }
            } else if (now != null) {
                counts[2]++;
                elsewhere.put(ch.id(), now.name());
            }
        }
        if (to < changes.size()) {
            runner.postLater(CHUNK_GAP, () -> applyChunk(changes, to, c, counts, merged, after));
            return;
        }
        merged.tell(session);
        if (!changes.isEmpty()) {
            after.run();
            listeners.forEach(l -> l.merged(counts[0], counts[1], counts[2]));
            listeners.forEach(Listener::marksChanged);
            unmark.cancel();
            unmark = later(MARK_TIME, this::unmark);
        }
        finishCycle(true);
    }

    private void unmark() {
        long now = clockMillis.getAsLong();
        if (marks.values().removeIf(until -> until <= now)) {
            listeners.forEach(Listener::marksChanged);
        }
        if (!marks.isEmpty()) {
            unmark = later(MARK_TIME, this::unmark);
        }
    }

    private void finishCycle(boolean checked) {
        inFlight = false;
        if (checked) {
            lastChecked = clockMillis.getAsLong();
            for (Listener l : listeners) {
                l.checked(lastChecked);
            }
        }
        schedule(interval());
    }
}
