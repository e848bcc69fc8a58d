package dev.burrow.tree;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Page;
import dev.burrow.client.FileSystemApi;
import dev.burrow.client.FileSystemQuery;
import dev.burrow.client.PostHogClient;

/**
 * {@link LiveSource} over a client. Give it a client built for background work: sharing the
 * window's {@code RateBudget}, with no 429 waits in its retry policy (live refresh backs off
 * itself).
 */
public final class ClientLiveSource implements LiveSource {

    private final FileSystemApi api;

    public ClientLiveSource(PostHogClient client) {
        this.api = client.fileSystem();
    }

    @Override
    public Page<FileSystemEntry> children(String folder, int limit, int offset) {
        return api.list(FileSystemQuery.children(folder).withLimit(limit).withOffset(offset));
    }

    @Override
    public Page<FileSystemEntry> createdAfter(String createdAfter, int limit, int offset) {
        FileSystemQuery q = FileSystemQuery.all().withOrderBy("-created_at").withLimit(limit).withOffset(offset);
        return api.list(createdAfter == null ? q : q.withCreatedAfter(createdAfter));
    }

    @Override
    public FileSystemEntry retrieve(String id) {
        return api.retrieve(id);
    }

    @Override
    public Page<FileSystemEntry> everything(int limit, int offset) {
        return api.list(FileSystemQuery.all().withOrderBy("created_at").withLimit(limit).withOffset(offset));
    }
}
