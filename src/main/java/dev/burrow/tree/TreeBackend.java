package dev.burrow.tree;

import dev.burrow.api.CountResult;
import dev.burrow.api.DeletedObject;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Page;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the tree needs of a server. {@link ClientBackend} answers it over HTTP; tests may use
 * that against the local server or a recorded double. Every method blocks: call it off the
 * FX thread. Failures are the client's {@code ApiException}s (unchecked).
 */
public interface TreeBackend {

    /** One page of a folder's direct children, folders first ({@code folder} "" is the root). */
    Page<FileSystemEntry> children(String folder, int limit, int offset);

    /** How many rows the tree has (one small request). */
    long total();

    /** Every row of the tree, delivered page by page in order; answers the total. */
    long everything(int pageSize, Consumer<List<FileSystemEntry>> pages);

    /** Every row below a folder at any depth (PostHog's {@code parent=} filter), all pages. */
    List<FileSystemEntry> descendants(String folder);

    /** The rows whose path is exactly {@code path} ({@code ?path=P}). */
    List<FileSystemEntry> rowsAt(String path);

    /** The rows standing for one object ({@code ?type=T&ref=R}). */
    List<FileSystemEntry> rowsFor(String type, String ref);

    /** Rows matching PostHog's search language. */
    List<FileSystemEntry> search(String text, int limit);

    /** Creates a row like {@code template} (its path, type, ref, href, meta, shortcut); the server sets the id. */
    FileSystemEntry create(FileSystemEntry template);

    FileSystemEntry retrieve(String id);

    /** PATCH of {@code path} only: this row alone moves. */
    FileSystemEntry patchPath(String id, String path);

    /** PATCH of {@code shortcut}. */
    FileSystemEntry patchShortcut(String id, boolean shortcut);

    /** True when the server has {@code POST …/move} (PostHog and the local server do). */
    boolean supportsMove();

    /** {@code POST …/move}: a folder carries its descendants in one request. */
    FileSystemEntry move(String id, String newPath);

    FileSystemEntry link(String id, String newPath);

    /** DELETE; answers the server's {@code deleted} list (empty for a 204). */
    List<DeletedObject> delete(String id);

    /** {@code POST undo_delete} for the given objects, restoring each at its path. */
    void undoDelete(List<DeletedObject> items);

    CountResult count(String folderPath);

    /** Hears that a restored row got {@code newId} in place of {@code oldId}; backends may ignore it. */
    default void aliased(String oldId, String newId) {
    }

    /** The caller's stars ({@code file_system_shortcut}), in the server's order. */
    default List<dev.burrow.api.Star> stars() {
        throw new UnsupportedOperationException("This server keeps no stars.");
    }

    /** Stars what {@code template} points at (path, type, ref, href, order); answers the server's star. */
    default dev.burrow.api.Star addStar(dev.burrow.api.Star template) {
        throw new UnsupportedOperationException("This server keeps no stars.");
    }

    /** Removes one star. */
    default void removeStar(String starId) {
        throw new UnsupportedOperationException("This server keeps no stars.");
    }
}
