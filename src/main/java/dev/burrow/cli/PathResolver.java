package dev.burrow.cli;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.client.FileSystemApi;
import dev.burrow.client.FileSystemQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Looks up the paths people type ({@code GET file_system/?path=P}, exact), once per command.
 * Paths are PostHog paths: names joined with {@code /}, {@code \/} inside a name.
 */
final class PathResolver {

    static final int PAGE = 1000;

    private final FileSystemApi fs;
    private final Map<String, ResolvedPath> resolved = new HashMap<>();

    PathResolver(FileSystemApi fs) {
        this.fs = fs;
    }

    /** The canonical escaped form of a user's path; a leading or doubled slash is dropped. */
    static String path(String text) {
        return EntryPath.normalize(text);
    }

    ResolvedPath resolve(String rawPath) {
        String p = path(rawPath);
        if (p.isEmpty()) {
            return new ResolvedPath("", List.of(), true, null);
        }
        ResolvedPath known = resolved.get(p);
        if (known != null) {
            return known;
        }
        List<FileSystemEntry> rows = fs.listAll(FileSystemQuery.all().withPath(p).withLimit(PAGE));
        ResolvedPath t;
        if (rows.stream().anyMatch(FileSystemEntry::isFolder)) {
            t = new ResolvedPath(p, rows, true, null);
        } else {
            List<FileSystemEntry> below = fs.list(FileSystemQuery.all().withParent(p).withLimit(1)).results();
            t = new ResolvedPath(p, rows, !below.isEmpty(), below.isEmpty() ? null : below.get(0));
        }
        resolved.put(p, t);
        return t;
    }

    /** As {@link #resolve}, for a path that must be there: else {@code no such path}, exit 1. */
    ResolvedPath existing(String rawPath) {
        ResolvedPath t = resolve(rawPath);
        if (!t.exists()) {
            throw CliException.noSuchPath(path(rawPath));
        }
        return t;
    }

    /**
     * Tells {@code run}'s index what the tree's rules ask of the path an edit writes: whether it
     * and each of its folders has a folder row, is a folder without one (a row below it), or is
     * not there at all.
     */
    void learnAround(TreeRun run, String target) {
        List<String> paths = new ArrayList<>(EntryPath.ancestors(target));
        paths.add(target);
        for (String p : paths) {
            ResolvedPath t = resolve(p);
            run.know(t.rows());
            if (t.below() != null) {
                run.know(List.of(t.below()));
            }
        }
    }
}
