package dev.burrow.server.store;

/** The orders a {@code file_system/} list can come in (§5). */
public enum TreeOrder {
    /** Case-insensitive path, then type: the default (the order of the index fs_order). */
    PATH_IGNORING_CASE("path_lower, type"),
    /** Folders first, then case-insensitive path: any list filtered by depth. */
    FOLDERS_FIRST("is_folder DESC, path_lower"),
    PATH("path"),
    PATH_DESCENDING("path DESC"),
    CREATED("created_at"),
    CREATED_DESCENDING("created_at DESC"),
    /** A lookup by ref: the object's own rows before its link rows. */
    OWN_ROWS_FIRST("(shortcut IS NULL), shortcut"),
    /**
     * A search's default: case-insensitive path, then case-insensitive type (the order of the
     * index fs_listing, which a search scans, so it hands rows over in order and stops at the
     * page's end).
     */
    SEARCH("path_lower, lower(type)");

    final String sql;

    TreeOrder(String sql) {
        this.sql = sql;
    }
}
