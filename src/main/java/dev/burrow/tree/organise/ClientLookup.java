package dev.burrow.tree.organise;

import dev.burrow.api.BasicUser;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Page;
import dev.burrow.client.FileSystemApi;
import dev.burrow.client.FileSystemQuery;
import dev.burrow.client.PageIterator;
import dev.burrow.client.PostHogClient;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link OrganiseLookup} over a {@link PostHogClient}: the server's search, paged, and dashboard reads. */
public final class ClientLookup implements OrganiseLookup {

    /** Rows per search page: each page costs the server a whole search, so few large ones (PostHog sets no maximum). */
    static final int PAGE = 10_000;

    private final PostHogClient client;
    private final FileSystemApi fs;

    public ClientLookup(PostHogClient client) {
        this.client = client;
        this.fs = client.fileSystem();
    }

    @Override
    public Matches search(String query) {
        Map<String, FileSystemEntry> rows = new LinkedHashMap<>();
        Map<Long, BasicUser> users = new HashMap<>();
        try (PageIterator<FileSystemEntry> pages = fs.pages(FileSystemQuery.all().withSearch(query).withLimit(PAGE))) {
            while (pages.hasNext()) {
                Page<FileSystemEntry> page = pages.next();
                // a row that shifted between pages while they were read counts once
                page.results().forEach(r -> rows.putIfAbsent(r.id(), r));
                if (page.users() != null) {
                    page.users().forEach(u -> users.putIfAbsent(u.id(), u));
                }
            }
        }
        return new Matches(query, List.copyOf(rows.values()), users);
    }

    @Override
    public List<String> insightsOn(String dashboardRef) {
        long id;
        try {
            id = Long.parseLong(dashboardRef.strip());
        } catch (NumberFormatException e) {
            return List.of(); // not a dashboard id PostHog could have written
        }
        return client.dashboards().insightShortIds(id);
    }

    @Override
    public List<FileSystemEntry> rowsOfType(String type) {
        return fs.listAll(FileSystemQuery.all().withType(type).withLimit(PAGE));
    }
}
