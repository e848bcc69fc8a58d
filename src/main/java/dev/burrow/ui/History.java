package dev.burrow.ui;

import dev.burrow.tree.EditHistory;
import dev.burrow.tree.TreeSession;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** What the undo and redo buttons say: whether there is a step, and its name ("Undo: Move 3 items…"). */
public final class History {

    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper("Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper("Redo");

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    /** Reads the session's history again (after every step); null: no session, nothing to undo. */
    void follow(TreeSession s) {
        EditHistory h = s == null ? null : s.history();
        canUndo.set(h != null && h.canUndo());
        canRedo.set(h != null && h.canRedo());
        undoText.set(h != null && h.undoLabel() != null ? h.undoLabel() : "Undo");
        redoText.set(h != null && h.redoLabel() != null ? h.redoLabel() : "Redo");
    }
}
