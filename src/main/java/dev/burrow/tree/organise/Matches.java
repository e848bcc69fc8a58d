package dev.burrow.tree.organise;

import dev.burrow.api.BasicUser;
import dev.burrow.api.FileSystemEntry;
import java.util.List;
import java.util.Map;

/**
 * The rows a query matches, as the server's search found them (so they match exactly what
 * Ctrl+F and {@code burrow find} show), and the creators the list's {@code users} named.
 *
 * @param query the search text, in PostHog's search language
 * @param rows  each matching row once, in the server's order
 * @param users the list's {@code users} by id, gathered over every page
 */
public record Matches(String query, List<FileSystemEntry> rows, Map<Long, BasicUser> users) {

    public Matches {
        rows = List.copyOf(rows);
        users = Map.copyOf(users);
    }
}
