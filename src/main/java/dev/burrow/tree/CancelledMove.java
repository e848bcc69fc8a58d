package dev.burrow.tree;

import java.util.function.BiConsumer;

/**
 * What a cancelled move leaves: it stopped between two requests, and a folder moving row by row
 * already put back its own rows. Steps the server completed before the cancel (other items of
 * the same move) are put back too, so a cancel leaves the tree as it was and the undo history
 * untouched. If putting back fails, the part that moved becomes an undo step of its own, so that
 * the history still says what the server holds.
 */
final class CancelledMove {

    /** Runs an edit without a cancel of its own and hands on its outcome (message or null, failure). */
    interface PutBack {
        void perform(Operation back, BiConsumer<String, Throwable> then);
    }

    private CancelledMove() {
    }

    /**
     * Settles {@code move}, cancelled with {@code cancel}. {@code history} is null for an undo or
     * redo (its step stays as it is); {@code done} hears the message and the cancel, or the
     * failure that kept something moved.
     */
    static void settle(MoveOperation move, Throwable cancel, String label, EditHistory history, PutBack putBack,
            BiConsumer<String, Throwable> done) {
        MoveOperation part = move.completedPart();
        if (part == null) {
            done.accept(label + " — cancelled; nothing changed.", cancel);
            return;
        }
        Operation back = part.inverse();
        if (back == null) {
            kept(part, label, history, "the server merged it into a folder already there.", cancel, done);
            return;
        }
        putBack.perform(back, (msg, error) -> {
            if (msg == null) {
                done.accept(label + " — cancelled; what had moved is back where it was.", cancel);
            } else {
                kept(part, label, history, msg, error, done);
            }
        });
    }

    private static void kept(MoveOperation part, String label, EditHistory history, String why, Throwable error,
            BiConsumer<String, Throwable> done) {
        if (history != null) {
            history.done(part);
        }
        String undo = history != null ? " Undo takes it back." : "";
        done.accept(label + " — cancelled, but what had moved stays moved: " + why + undo, error);
    }
}
