package dev.burrow.server.store;

/** The orders a {@code file_system/} list can come in (§5). */
public enum TreeOrder {
    /** Case-insensitive path: the default. */
    PATH_IGNORING_CASE("path_lower"),
    /** Folders first, then case-insensitive path: any list filtered by depth. */
    FOLDERS_FIRST("is_folder DESC, path_lower"),
    PATH("path"),
    PATH_DESCENDING("path DESC"),
    CREATED("created_at"),
    CREATED_DESCENDING("created_at DESC"),
    /** A lookup by ref: the object's own rows before its link rows. */
    OWN_ROWS_FIRST("(shortcut IS NULL), shortcut"),
    /**
     * A search's default: the haystack starts with the lower-cased path, so this is the same
     * order, and the search index hands rows over in it.
     */
    SEARCH("haystack");

    final String sql;

    TreeOrder(String sql) {
        this.sql = sql;
    }
}
