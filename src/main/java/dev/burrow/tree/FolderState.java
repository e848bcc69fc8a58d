package dev.burrow.tree;

/** Where a folder's children stand when the tree is loaded folder by folder. */
public sealed interface FolderState {

    record NotLoaded() implements FolderState {
    }

    record Loading() implements FolderState {
    }

    /** Loaded {@code loaded} children; {@code hasMore} when the server has further pages. */
    record Loaded(int loaded, boolean hasMore) implements FolderState {
    }

    record Failed(String message) implements FolderState {
    }

    FolderState NOT_LOADED = new NotLoaded();
    FolderState LOADING = new Loading();
}
