package dev.burrow.tree;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far a long edit (a folder move row by row) has got, and the person's wish to stop it. The
 * edit reports from the background thread; the owner reads it and may {@link #cancel()} it. A
 * cancelled edit stops between two requests, never in the middle of one.
 */
public final class Progress {

    /** Thrown inside an edit's {@code send} when it was cancelled; the edit has put back what it did. */
    public static final class Cancelled extends java.util.concurrent.CancellationException {
        private static final long serialVersionUID = 1L;

        Cancelled(String message) {
            super(message);
        }
    }

    private final String title;
    private final boolean cancellable;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger total = new AtomicInteger();
    private volatile boolean cancelled;
    private volatile boolean puttingBack;
    private volatile boolean ended;
    /** Reported as requests (an organise batch makes folders too), not rows. */
    private volatile boolean requests;
    private volatile Runnable onChange = () -> { };

    public Progress(String title, boolean cancellable) {
        this.title = title;
        this.cancellable = cancellable;
    }

    /** "Moving 3 items to Marketing". */
    public String title() {
        return title;
    }

    /** False for work that must not stop part-way (putting back what a cancelled move did). */
    public boolean isCancellable() {
        return cancellable;
    }

    /** Requests done so far (rows moved, or put back while {@link #isPuttingBack()}). */
    public int done() {
        return done.get();
    }

    /** Requests known so far; grows while a folder's rows are planned. */
    public int total() {
        return total.get();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** After a cancel: the rows already moved are going back. */
    public boolean isPuttingBack() {
        return puttingBack;
    }

    public boolean isEnded() {
        return ended;
    }

    /** Asks the edit to stop before its next request; true when it will (it was running and may stop). */
    public boolean cancel() {
        if (!cancellable || ended || cancelled) {
            return false;
        }
        cancelled = true;
        changed();
        return true;
    }

    /** Called by the edit between requests: throws once cancelled. */
    void checkNotCancelled() {
        if (cancelled) {
            throw new Cancelled("Cancelled “" + title + "”.");
        }
    }

    /** For edits elsewhere (an organise batch): {@code done} of {@code total} requests are sent. */
    public void report(int done, int total) {
        this.requests = true;
        this.total.set(total);
        this.done.set(done);
        changed();
    }

    void add(int requests) {
        total.addAndGet(requests);
        changed();
    }

    void advance() {
        done.incrementAndGet();
        changed();
    }

    /** The edit starts putting back {@code requests} rows it had moved. */
    void puttingBack(int requests) {
        puttingBack = true;
        done.set(0);
        total.set(requests);
        changed();
    }

    void end() {
        ended = true;
        changed();
    }

    /** Who hears every change (any thread); the session forwards it to its owner's thread. */
    void onChange(Runnable listener) {
        this.onChange = listener;
    }

    private void changed() {
        onChange.run();
    }

    /** A line for the person: "120 of 3,400 rows moved", or what happens after a cancel. */
    public String message() {
        int t = total();
        if (puttingBack) {
            return t > 0 ? String.format("Stopping: putting back %,d of %,d rows", done(), t) : "Stopping: putting back what moved";
        }
        if (cancelled) {
            return "Stopping after this request…";
        }
        if (t > 1) {
            return String.format(requests ? "%,d of %,d requests sent" : "%,d of %,d rows moved", done(), t);
        }
        return "Asking the server…";
    }

    /** Done of total, or -1 while unknown. */
    public double fraction() {
        int t = total();
        return t > 1 ? Math.min(1.0, (double) done() / t) : -1;
    }

    /** The title of an edit's line from its label: "Move 3 items to X" reads "Moving 3 items to X". */
    public static String titleOf(String label) {
        String[][] verbs = {{"Undo: ", "Undoing: "}, {"Redo: ", "Redoing: "}, {"Move ", "Moving "},
            {"Rename ", "Renaming "}, {"Delete ", "Deleting "}};
        for (String[] v : verbs) {
            if (label.startsWith(v[0])) {
                return v[1] + label.substring(v[0].length());
            }
        }
        return label;
    }

    /** True when {@code error} (perhaps wrapped) is a cancel of an edit. */
    public static boolean isCancel(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof Cancelled) {
                return true;
            }
            if (e.getCause() == e) {
                break;
            }
        }
        return false;
    }
}
