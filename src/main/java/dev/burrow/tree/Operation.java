package dev.burrow.tree;

/**
 * One undoable edit of the tree. The owner applies it to the index at once (optimistic), sends
 * it to the server in the background, then reconciles with the answer or reverts.
 */
public interface Operation {

    /** A sentence for the status bar and the undo menu: "Move 3 items to Marketing". */
    String description();

    /** Changes the index as if the server had agreed (owner thread). */
    void applyLocally(TreeIndex index);

    /** Sends the edit (background thread); throws the client's exception on refusal. */
    void send(TreeBackend backend);

    /** Takes the server's answer into the index (owner thread, after {@link #send} succeeded). */
    void reconcile(TreeIndex index);

    /** Puts the index back as it was before {@link #applyLocally} (owner thread, after a failure). */
    void revertLocally(TreeIndex index);

    /** The edit that undoes this one; valid after {@link #send} succeeded. Null if it can't be undone. */
    Operation inverse();

    /**
     * Why this edit must not be sent at all (a folder dropped into itself, a move that changes
     * nothing), or null when it may go. A refused edit sends no request and leaves no undo.
     */
    default String refusal() {
        return null;
    }

    /** Ids of the rows to keep selected afterwards. */
    default java.util.List<String> resultIds() {
        return java.util.List.of();
    }

    /**
     * The nodes this edit leaves in place for the person to see (selected and revealed after an
     * undo or redo); empty when it only takes nodes away, or when {@link #resultIds()} says it.
     */
    default java.util.List<NodeKey> touched() {
        return java.util.List.of();
    }

    /** Hands the edit where to report its requests and hear a cancel (before {@link #send}). */
    default void track(Progress progress) {
    }

    /** True for edits that report to {@link #track}: views show them as background work. */
    default boolean tracked() {
        return false;
    }

    /**
     * False for edits that cannot stop part-way and put back what they did (undoing an organise
     * batch): their progress offers no Cancel.
     */
    default boolean cancellable() {
        return true;
    }
}
