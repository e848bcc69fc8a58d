package dev.burrow.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.CountResult;
import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Json;
import dev.burrow.client.FileSystemApi;
import dev.burrow.client.FileSystemQuery;
import dev.burrow.tree.TreeIndex;
import dev.burrow.tree.TreeNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The verbs that read the project tree: ls, find, count. {@code ls -R} lays the rows out with the
 * tree's own index (folders first, synthetic folders for rows without a folder row, counts).
 */
final class TreeQueries {

    private static final int PAGE = PathResolver.PAGE;

    private final FileSystemApi fs;
    private final PathResolver paths;
    private final PrintStream out;
    private final boolean json;

    TreeQueries(FileSystemApi fs, PrintStream out, boolean json) {
        this.fs = fs;
        this.paths = new PathResolver(fs);
        this.out = out;
        this.json = json;
    }

    private static String path(String text) {
        return PathResolver.path(text);
    }

    private void print(ObjectNode doc) {
        out.println(Rows.pretty(doc));
    }

    // ---- ls -------------------------------------------------------------------------------

    void ls(Args a) {
        a.allow("ls", "--recursive", "--json");
        if (a.positional().size() > 1) {
            throw CliException.usage("usage: burrow ls [PATH] [-R] [--json]");
        }
        String raw = a.positional().isEmpty() ? "" : a.positional().get(0);
        ResolvedPath t = paths.existing(raw);
        boolean recursive = a.flag("--recursive");
        List<FileSystemEntry> listed = new ArrayList<>();
        Map<String, Long> counts = new HashMap<>();
        if (!t.isFolder()) {
            listed.addAll(t.itemRows());
        } else if (recursive) {
            FileSystemQuery q = FileSystemQuery.all().withLimit(PAGE);
            TreeIndex index = new TreeIndex();
            index.putAll(fs.listAll(t.isRoot() ? q : q.withParent(t.path())));
            walk(index, t.path(), listed, counts);
        } else {
            listed.addAll(fs.listAll(FileSystemQuery.children(t.path()).withLimit(PAGE)));
            for (FileSystemEntry r : listed) {
                if (r.isFolder()) {
                    counts.computeIfAbsent(path(r.path()), p -> fs.countByPath(p).count());
                }
            }
        }
        if (json) {
            ObjectNode doc = Json.object();
            doc.put("path", t.path());
            doc.put("recursive", recursive);
            doc.put("count", listed.size());
            ArrayNode results = doc.putArray("results");
            for (FileSystemEntry r : listed) {
                ObjectNode o = Rows.row(r);
                o.put("descendants", r.isFolder() ? counts.get(path(r.path())) : null);
                results.add(o);
            }
            print(doc);
            return;
        }
        int width = listed.stream().mapToInt(r -> r.type() == null ? 0 : r.type().length()).max().orElse(0);
        for (FileSystemEntry r : listed) {
            String name = recursive || !t.isFolder() ? r.path() : EntryPath.escape(r.name());
            StringBuilder line = new StringBuilder();
            line.append(String.format(Locale.ROOT, "%-" + Math.max(width, 1) + "s  ", r.type() == null ? "" : r.type()));
            line.append(name);
            if (r.isFolder()) {
                line.append('/');
                Long n = counts.get(path(r.path()));
                if (n != null) {
                    line.append("  (").append(n).append(n == 1 ? " item)" : " items)");
                }
                if (r.id() == null) {
                    line.append("  [no folder row]");
                }
            }
            if (r.isLink()) {
                line.append("  [link]");
            }
            out.println(line);
        }
    }

    /**
     * The rows below {@code folder} depth-first in the tree's order (folders first, then by
     * name), each folder's rows before what is in it, a folder without a row as a row with a null
     * id; fills {@code counts} with the number of rows below each folder.
     */
    private static void walk(TreeIndex index, String folder, List<FileSystemEntry> listed, Map<String, Long> counts) {
        for (TreeNode node : index.children(folder)) {
            if (node instanceof TreeNode.Folder f) {
                listed.addAll(f.isSynthetic() ? List.of(Rows.synthetic(f.path())) : f.rows());
                counts.put(f.path(), (long) index.countBelow(f.path()));
                walk(index, f.path(), listed, counts);
            } else {
                listed.add(node.row());
            }
        }
    }

    // ---- find -----------------------------------------------------------------------------

    void find(Args a) {
        a.allow("find", "--json");
        if (a.positional().isEmpty()) {
            throw CliException.usage("usage: burrow find QUERY [--json]");
        }
        String query = String.join(" ", a.positional());
        List<FileSystemEntry> rows = fs.listAll(FileSystemQuery.all().withSearch(query).withLimit(PAGE));
        if (json) {
            ObjectNode doc = Json.object();
            doc.put("search", query);
            doc.put("count", rows.size());
            doc.set("results", Rows.rows(rows));
            print(doc);
            return;
        }
        int width = rows.stream().mapToInt(r -> r.type() == null ? 0 : r.type().length()).max().orElse(1);
        for (FileSystemEntry r : rows) {
            out.printf(Locale.ROOT, "%-" + width + "s  %s%s%n", r.type() == null ? "" : r.type(), r.path(),
                    r.isFolder() ? "/" : "");
        }
    }

    // ---- count ----------------------------------------------------------------------------

    void count(Args a) {
        a.allow("count", "--json");
        ResolvedPath t = paths.existing(a.exactly(1, "burrow count PATH [--json]").get(0));
        if (!t.isFolder()) {
            throw CliException.refused("'" + t.path() + "' is not a folder; count counts what is below a folder");
        }
        CountResult c = t.isRoot()
                ? new CountResult(fs.list(FileSystemQuery.all().withLimit(1)).count(), List.of(), null)
                : fs.countByPath(t.path());
        if (json) {
            ObjectNode doc = Json.object();
            doc.put("path", t.path());
            doc.put("count", c.count());
            doc.set("entries", Rows.rows(c.entries() == null ? List.of() : c.entries()));
            doc.put("has_more", c.hasMore() == null ? c.entries() == null || c.entries().size() < c.count()
                    : c.hasMore());
            print(doc);
        } else {
            out.println(c.count());
        }
    }
}
