package dev.burrow.ui;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import java.util.Collection;

/**
 * What turning a row's {@code shortcut} flag on or off would do, said before anything changes:
 * a real row made a link may leave its object without a home (PostHog files it under Unfiled
 * again); a link made real gives the object a second home.
 */
public record ShortcutFlagPlan(FileSystemEntry row, boolean on, String consequence, boolean allowed) {

    static ShortcutFlagPlan of(FileSystemEntry row, boolean on, Collection<FileSystemEntry> rows) {
        String name = "“" + row.name() + "”";
        if (row.isFolder() || row.ref() == null) {
            return new ShortcutFlagPlan(row, on, "Only rows of an object (a dashboard, an insight…) can be links.",
                    false);
        }
        FileSystemEntry home = originalOf(row, rows);
        String where = home == null ? null : String.join(" / ", EntryPath.split(home.path()));
        if (on) {
            return new ShortcutFlagPlan(row, true, home == null
                    ? name + " becomes a link, and its object has no real row left: it has no home, and PostHog"
                            + " files it under Unfiled again."
                    : name + " becomes a link to the object's home at " + where + ".", true);
        }
        return new ShortcutFlagPlan(row, false, home == null
                ? name + " becomes the object's home row."
                : name + " becomes a second real row: the object will have two homes (" + where
                        + " and this one).", true);
    }

    /** The real (non-link) row of the same object, other than this row; null when there is none. */
    static FileSystemEntry originalOf(FileSystemEntry row, Collection<FileSystemEntry> rows) {
        if (row.ref() == null) {
            return null;
        }
        for (FileSystemEntry e : rows) {
            if (!e.id().equals(row.id()) && !e.isLink() && !e.isFolder() && row.type().equals(e.type())
                    && row.ref().equals(e.ref())) {
                return e;
            }
        }
        return null;
    }
}
