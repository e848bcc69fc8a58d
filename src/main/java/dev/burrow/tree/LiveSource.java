package dev.burrow.tree;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Page;

/**
 * The few cheap reads live refresh makes (contract/file_system.md §5). Every method is one
 * request and blocks: call it off the owner's thread. Failures are the client's
 * {@code ApiException}s; a 429 must reach the caller at once (no waiting it out) so that live
 * refresh can back off instead.
 */
public interface LiveSource {

    /** One page of a folder's direct children ({@code parent=F&depth=N+1}; "" is the root). */
    Page<FileSystemEntry> children(String folder, int limit, int offset);

    /**
     * Rows created anywhere after {@code createdAfter} (strictly; null: any), newest first
     * ({@code order_by=-created_at&created_at__gt=…}).
     */
    Page<FileSystemEntry> createdAfter(String createdAfter, int limit, int offset);

    /** One row by id; the client's {@code NotFound} when it is gone. */
    FileSystemEntry retrieve(String id);

    /** One page of every row (the background full-index refresh). */
    Page<FileSystemEntry> everything(int limit, int offset);
}
