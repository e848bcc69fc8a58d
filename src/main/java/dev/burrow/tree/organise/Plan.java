package dev.burrow.tree.organise;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.client.RateBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What organising would do: every move, every matched row it leaves alone and why, the folders
 * it creates first. A plan sends nothing; {@link OrganiseBatch} applies it.
 *
 * @param query      the search text that picked the rows
 * @param template   the folder template as written
 * @param matched    how many rows the query matched
 * @param moves      one per row that moves, in the server's search order
 * @param skipped    matched rows that stay, each with the reason
 * @param newFolders folder rows to create before the moves, parents first
 * @param clashes    ids of moves whose name is already taken in their destination, by a row there
 *                   or by another move (PostHog allows it; a preview says so)
 */
public record Plan(String query, String template, int matched, List<Move> moves, List<Skip> skipped,
        List<String> newFolders, Set<String> clashes) {

    /**
     * One row's move. {@code from} is the path exactly as stored (undo writes it back
     * byte for byte); {@code to} is canonical. A folder row moves with everything below it.
     */
    public record Move(String id, String from, String to, FileSystemEntry row) {

        /** The folder the row arrives in ("" is the top level). */
        public String folder() {
            return folderOf(to);
        }

        public boolean isFolder() {
            return row.isFolder();
        }
    }

    /** A matched row that stays where it is. */
    public record Skip(String id, String path, String reason) {
    }

    /** PostHog's limits for a personal API key, which the client's budget keeps to. */
    static final int PER_MINUTE = 480;
    static final int PER_HOUR = 4800;

    public Plan {
        moves = List.copyOf(moves);
        skipped = List.copyOf(skipped);
        newFolders = List.copyOf(newFolders);
        clashes = Set.copyOf(clashes);
    }

    /** A plan without name clashes (a part of another plan, tests). */
    public Plan(String query, String template, int matched, List<Move> moves, List<Skip> skipped,
            List<String> newFolders) {
        this(query, template, matched, moves, skipped, newFolders, Set.of());
    }

    /** Requests applying costs: one per move and one per new folder, nothing else. */
    public int requests() {
        return moves.size() + newFolders.size();
    }

    public boolean isEmpty() {
        return moves.isEmpty();
    }

    /**
     * The parent of a canonical path ({@link EntryPath#normalize}): everything before its last
     * {@code /} that is not escaped. The same as {@link EntryPath#parent}, without splitting.
     */
    static String folderOf(String canonical) {
        for (int i = canonical.length() - 1; i >= 0; i--) {
            if (canonical.charAt(i) == '/') {
                int backslashes = 0;
                for (int j = i - 1; j >= 0 && canonical.charAt(j) == '\\'; j--) {
                    backslashes++;
                }
                if (backslashes % 2 == 0) {
                    return canonical.substring(0, i);
                }
            }
        }
        return "";
    }

    /** The moves by destination folder, folders in case-insensitive path order, moves in plan order. */
    public Map<String, List<Move>> byDestination() {
        Map<String, List<Move>> groups = new HashMap<>();
        for (Move m : moves) {
            groups.computeIfAbsent(m.folder(), k -> new ArrayList<>()).add(m);
        }
        List<String> folders = new ArrayList<>(groups.keySet());
        folders.sort(Comparator.comparing((String f) -> f.toLowerCase(Locale.ROOT)).thenComparing(Comparator.naturalOrder()));
        Map<String, List<Move>> ordered = new LinkedHashMap<>();
        folders.forEach(f -> ordered.put(f, groups.get(f)));
        return ordered;
    }

    /**
     * How long the requests take at PostHog's rate limit, as the client's budget spaces them
     * (a burst, then a steady pace), without the server's own time.
     */
    public Duration timeAtRateLimit() {
        int n = requests();
        if (n == 0) {
            return Duration.ZERO;
        }
        RateBudget budget = new RateBudget(PER_MINUTE, PER_HOUR, () -> 0L);
        Duration last = Duration.ZERO;
        for (int i = 0; i < n; i++) {
            last = budget.reserve();
        }
        return last;
    }
}
