package dev.burrow.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The status bar's sentence and the last failure, shared by the window's view models. */
final class StatusLine {

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper();

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    void say(String sentence) {
        text.set(sentence);
    }

    /** Shows a failure; {@link #lastErrorProperty()} hears it even when it repeats the last one. */
    void fail(String message) {
        lastError.set(null);
        lastError.set(message);
        text.set(message);
    }
}
