package dev.burrow.tree;

import dev.burrow.api.FileSystemEntry;

/**
 * One difference between the server and the index, found by live refresh and applied by id.
 * {@code before} is the index's row when the change was found (null for a row new to it).
 */
public sealed interface LiveChange {

    String id();

    FileSystemEntry before();

    /** A row added, renamed, moved or otherwise changed elsewhere: the index takes the server's row. */
    record Put(FileSystemEntry row, FileSystemEntry before) implements LiveChange {
        @Override
        public String id() {
            return row.id();
        }

        public boolean added() {
            return before == null;
        }

        /** True when the row's path changed (a rename or a move). */
        public boolean moved() {
            return before != null && !before.path().equals(row.path());
        }
    }

    /** A row no longer where the index has it, and not found elsewhere: deleted (or moved out of sight). */
    record Gone(FileSystemEntry before) implements LiveChange {
        @Override
        public String id() {
            return before.id();
        }
    }
}
