package dev.burrow.ui;

import dev.burrow.tree.TreeSession;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** What the undo and redo buttons say: whether there is a step, and its name ("Undo move …"). */
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
        canUndo.set(s != null && s.canUndo());
        canRedo.set(s != null && s.canRedo());
        undoText.set(s != null && s.undoDescription() != null ? "Undo " + lower(s.undoDescription()) : "Undo");
        redoText.set(s != null && s.redoDescription() != null ? "Redo " + lower(s.redoDescription()) : "Redo");
    }

    private static String lower(String description) {
        return description.isEmpty() ? description
                : Character.toLowerCase(description.charAt(0)) + description.substring(1);
    }
}
