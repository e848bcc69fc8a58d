package dev.burrow.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The format of one settings file: the version this build writes (in the document's
 * {@code "version"} field) and the steps that bring an older document up to it, one version at
 * a time. A document of a newer version is refused whole ({@link NewerFormatException}): it is
 * not read in part, not moved aside, and not written over, so going back to an older Burrow
 * leaves the newer one's settings as they were.
 *
 * <p>Changing a file's layout: add a step to its format (that is the version bump) and change
 * its record. To add a field, give the record component a default for when it is missing; the
 * step may then leave the document as it is (older builds still must not read the file, since
 * they would drop the field at their next save) or fill the field in. To rename, move or drop a
 * field, the step rewrites the old layout. Never change a step that has shipped.
 */
public final class DocumentFormat {

    private final String name;
    private final List<UnaryOperator<ObjectNode>> steps;

    /**
     * @param name  the file's name, for messages
     * @param steps {@code steps.get(i)} turns a document of version {@code i + 1} into one of
     *              version {@code i + 2}; the current version is {@code steps.size() + 1}
     */
    public DocumentFormat(String name, List<UnaryOperator<ObjectNode>> steps) {
        this.name = name;
        this.steps = List.copyOf(steps);
    }

    /** The version this build writes. */
    public int current() {
        return steps.size() + 1;
    }

    /** The version a document says it has; 1 for a document from before versions were written. */
    static int versionOf(JsonNode document) {
        JsonNode v = document.path("version");
        return v.isIntegralNumber() ? v.asInt() : 1;
    }

    /**
     * Brings {@code document} (read from {@code file}) to the current version, in place.
     *
     * @throws NewerFormatException when a newer Burrow wrote it
     */
    ObjectNode upgrade(ObjectNode document, Path file) {
        int version = versionOf(document);
        if (version > current()) {
            throw new NewerFormatException(file, name, version, current());
        }
        ObjectNode doc = document;
        for (int v = Math.max(version, 1); v < current(); v++) {
            doc = steps.get(v - 1).apply(doc);
            doc.put("version", v + 1);
        }
        return doc;
    }

    /** Refuses to write over {@code existing} (the document now in the file) when a newer Burrow wrote it. */
    void checkWritable(JsonNode existing, Path file) {
        int version = versionOf(existing);
        if (version > current()) {
            throw new NewerFormatException(file, name, version, current());
        }
    }

    /** A settings file written by a newer Burrow: left as it is, neither read nor written. */
    public static final class NewerFormatException extends SettingsException {

        private static final long serialVersionUID = 1L;

        NewerFormatException(Path file, String name, int found, int known) {
            super(file + " was written by a newer Burrow (" + name + " format " + found + "; this one knows up to "
                    + known + "). It was left as it is: update Burrow to use it.");
        }
    }
}
