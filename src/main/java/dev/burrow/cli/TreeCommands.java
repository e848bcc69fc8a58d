package dev.burrow.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.CountResult;
import dev.burrow.api.DeletedObject;
import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Json;
import dev.burrow.client.EntryFields;
import dev.burrow.client.FileSystemApi;
import dev.burrow.client.FileSystemQuery;
import dev.burrow.client.PostHogClient;
import dev.burrow.tree.ClientBackend;
import dev.burrow.tree.MoveJournal;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The project-tree verbs: ls, find, mkdir, mv, rm, shortcut, link, count. */
final class TreeCommands {

    private static final int PAGE = 1000;

    /** What a PATH names: its rows (folders preferred for folder operations) and whether rows lie below it. */
    record Target(String path, List<FileSystemEntry> rows, boolean hasBelow) {

        boolean isRoot() {
            return path.isEmpty();
        }

        List<FileSystemEntry> folderRows() {
            return rows.stream().filter(FileSystemEntry::isFolder).toList();
        }

        List<FileSystemEntry> itemRows() {
            return rows.stream().filter(r -> !r.isFolder()).toList();
        }

        boolean exists() {
            return isRoot() || !rows.isEmpty() || hasBelow;
        }

        boolean isFolder() {
            return isRoot() || !folderRows().isEmpty() || hasBelow;
        }

        boolean isSynthetic() {
            return isFolder() && folderRows().isEmpty();
        }
    }

    private final PostHogClient client;
    private final FileSystemApi fs;
    private final PrintStream out;
    private final boolean json;

    private MoveJournal.Store journals = MoveJournal.Store.inMemory();

    /** Where row-by-row folder moves keep their journal, so a run cut short can be finished. */
    TreeCommands journals(MoveJournal.Store store) {
        this.journals = store;
        return this;
    }

    TreeCommands(PostHogClient client, PrintStream out, boolean json) {
        this.client = client;
        this.fs = client.fileSystem();
        this.out = out;
        this.json = json;
    }

    /** The canonical escaped form of a user's path; a leading or doubled slash is dropped. */
    static String path(String text) {
        return EntryPath.normalize(text);
    }

    Target resolve(String rawPath) {
        String p = path(rawPath);
        if (p.isEmpty()) {
            return new Target("", List.of(), true);
        }
        List<FileSystemEntry> rows = fs.listAll(FileSystemQuery.all().withPath(p).withLimit(PAGE));
        boolean below = rows.stream().anyMatch(FileSystemEntry::isFolder)
                || fs.list(FileSystemQuery.all().withParent(p).withLimit(1)).count() > 0;
        return new Target(p, rows, below);
    }

    private Target existing(String rawPath) {
        Target t = resolve(rawPath);
        if (!t.exists()) {
            throw CliException.noSuchPath(path(rawPath));
        }
        return t;
    }

    private void print(ObjectNode doc) {
        out.println(Rows.pretty(doc));
    }

    private static String shown(String path) {
        return path.isEmpty() ? "/" : path;
    }

    // ---- ls -------------------------------------------------------------------------------

    void ls(Args a) {
        a.allow("ls", "--recursive", "--json");
        if (a.positional().size() > 1) {
            throw CliException.usage("usage: burrow ls [PATH] [-R] [--json]");
        }
        String raw = a.positional().isEmpty() ? "" : a.positional().get(0);
        Target t = existing(raw);
        boolean recursive = a.flag("--recursive");
        List<FileSystemEntry> listed = new ArrayList<>();
        Map<String, Long> counts = new HashMap<>();
        if (!t.isFolder()) {
            listed.addAll(t.itemRows());
        } else if (recursive) {
            FileSystemQuery q = FileSystemQuery.all().withLimit(PAGE);
            List<FileSystemEntry> all = fs.listAll(t.isRoot() ? q : q.withParent(t.path()));
            listed.addAll(treeOrder(t.path(), all, counts));
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
     * The rows below {@code top} depth-first, folders before other rows among siblings, with a
     * synthetic folder for every folder path that has no row; fills {@code counts} with the
     * number of listed rows below each folder path.
     */
    static List<FileSystemEntry> treeOrder(String top, List<FileSystemEntry> rows, Map<String, Long> counts) {
        Map<String, List<FileSystemEntry>> children = new HashMap<>();
        Map<String, Boolean> folderHasRow = new LinkedHashMap<>();
        int topDepth = EntryPath.depth(top);
        for (FileSystemEntry r : rows) {
            String p = path(r.path());
            List<String> ancestors = EntryPath.ancestors(p);
            for (String anc : ancestors) {
                if (EntryPath.depth(anc) > topDepth) {
                    folderHasRow.putIfAbsent(anc, false);
                    counts.merge(anc, 1L, Long::sum);
                }
            }
            if (r.isFolder()) {
                folderHasRow.put(p, true);
                counts.putIfAbsent(p, 0L);
            }
            children.computeIfAbsent(EntryPath.parent(p), k -> new ArrayList<>()).add(r);
        }
        folderHasRow.forEach((p, has) -> {
            if (!has) {
                children.computeIfAbsent(EntryPath.parent(p), k -> new ArrayList<>()).add(Rows.synthetic(p));
            }
        });
        Comparator<FileSystemEntry> order = Comparator.<FileSystemEntry, Integer>comparing(r -> r.isFolder() ? 0 : 1)
                .thenComparing(r -> r.name().toLowerCase(Locale.ROOT)).thenComparing(r -> r.name());
        List<FileSystemEntry> result = new ArrayList<>();
        walk(path(top), children, order, result, new java.util.HashSet<>());
        return result;
    }

    private static void walk(String folder, Map<String, List<FileSystemEntry>> children,
            Comparator<FileSystemEntry> order, List<FileSystemEntry> result, java.util.Set<String> walked) {
        if (!walked.add(folder)) {
            return;
        }
        List<FileSystemEntry> kids = new ArrayList<>(children.getOrDefault(folder, List.of()));
        kids.sort(order);
        for (FileSystemEntry k : kids) {
            result.add(k);
            if (k.isFolder()) {
                walk(path(k.path()), children, order, result, walked);
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

    // ---- mkdir ----------------------------------------------------------------------------

    void mkdir(Args a) {
        a.allow("mkdir", "--parents", "--json");
        String p = path(a.exactly(1, "burrow mkdir PATH [-p] [--json]").get(0));
        if (p.isEmpty()) {
            throw CliException.usage("mkdir needs a folder path, not the root");
        }
        Target t = resolve(p);
        FileSystemEntry row;
        if (!t.folderRows().isEmpty()) {
            if (!a.flag("--parents")) {
                throw CliException.refused("'" + p + "' already exists");
            }
            row = t.folderRows().get(0);
        } else if (!t.itemRows().isEmpty()) {
            throw CliException.refused("'" + p + "' already exists (a " + t.itemRows().get(0).type() + ")");
        } else {
            row = fs.create(EntryFields.folder(p));
        }
        if (json) {
            ObjectNode doc = Json.object();
            doc.set("created", Rows.row(row));
            print(doc);
        } else {
            out.println(row.path());
        }
    }

    // ---- mv -------------------------------------------------------------------------------

    void mv(Args a) {
        a.allow("mv", "--json", "--no-server-move");
        List<String> pos = a.positional();
        if (pos.size() < 2) {
            throw CliException.usage("usage: burrow mv SRC… DEST [--json]");
        }
        String destRaw = pos.get(pos.size() - 1);
        Target dest = resolve(destRaw);
        boolean into = dest.exists() && dest.isFolder();
        List<String> sources = pos.subList(0, pos.size() - 1);
        if (!into) {
            if (sources.size() > 1) {
                throw dest.exists() ? CliException.refused("'" + dest.path() + "' is not a folder")
                        : CliException.refused("no such folder '" + dest.path() + "'");
            }
            if (dest.exists()) {
                throw CliException.refused("'" + dest.path() + "' already exists");
            }
        }
        // Check every source before moving any.
        List<Target> targets = new ArrayList<>();
        List<String> destinations = new ArrayList<>();
        for (String raw : sources) {
            Target s = existing(raw);
            if (s.isRoot()) {
                throw CliException.usage("cannot move the root");
            }
            String to = into ? EntryPath.child(dest.path(), EntryPath.leaf(s.path())) : dest.path();
            if (s.isFolder() && to.startsWith(s.path() + "/")) {
                throw CliException.usage("cannot move '" + s.path() + "' into itself");
            }
            targets.add(s);
            destinations.add(to);
        }
        boolean serverMove = !a.flag("--no-server-move");
        ArrayNode moved = Json.MAPPER.createArrayNode();
        for (int i = 0; i < targets.size(); i++) {
            Target s = targets.get(i);
            String to = destinations.get(i);
            String method;
            long rows;
            if (to.equals(s.path())) {
                method = "unchanged";
                rows = 0;
            } else if (!s.isFolder()) {
                for (FileSystemEntry r : s.itemRows()) {
                    fs.patch(r.id(), new EntryFields().path(to));
                }
                method = "patch";
                rows = s.itemRows().size();
            } else if (!s.isSynthetic() && serverMove) {
                List<FileSystemEntry> folders = s.folderRows();
                rows = fs.countByPath(s.path()).count() + folders.size();
                fs.move(folders.get(0).id(), to);
                for (FileSystemEntry extra : folders.subList(1, folders.size())) {
                    fs.patch(extra.id(), new EntryFields().path(to));
                }
                method = "move";
            } else {
                rows = moveRowByRow(s, to);
                method = "patch";
            }
            ObjectNode o = moved.addObject();
            o.put("from", s.path());
            o.put("to", to);
            o.put("method", method);
            o.put("rows", rows);
            if (!json) {
                out.println(method.equals("unchanged") ? "unchanged: " + s.path()
                        : s.path() + " -> " + to + "  (" + rows + (rows == 1 ? " row" : " rows") + ")");
            }
        }
        if (json) {
            ObjectNode doc = Json.object();
            doc.set("moved", moved);
            print(doc);
        }
    }

    /**
     * The fallback for servers without {@code move} (and for a folder with no row): a PATCH of
     * each folder row and each descendant, journaled so a refusal midway rolls the moved rows back.
     */
    private long moveRowByRow(Target folder, String to) {
        List<MoveJournal.Entry> entries = new ArrayList<>();
        for (FileSystemEntry r : folder.folderRows()) {
            entries.add(new MoveJournal.Entry(r.id(), r.path(), to));
        }
        String old = folder.path();
        for (FileSystemEntry r : fs.listAll(FileSystemQuery.all().withParent(old).withLimit(PAGE))) {
            String p = path(r.path());
            entries.add(new MoveJournal.Entry(r.id(), r.path(), to + p.substring(old.length())));
        }
        MoveJournal.Store store = journals;
        MoveJournal.Snapshot plan = new MoveJournal.Snapshot(UUID.randomUUID().toString(),
                "Move " + old + " to " + to, entries, 0);
        store.save(plan);
        MoveJournal.resume(store, plan).run(new ClientBackend(client, false));
        return entries.size();
    }

    // ---- rm -------------------------------------------------------------------------------

    void rm(Args a) {
        a.allow("rm", "--recursive", "--json");
        Target t = existing(a.exactly(1, "burrow rm [-r] PATH [--json]").get(0));
        if (t.isRoot()) {
            throw CliException.usage("refusing to delete the root");
        }
        List<DeletedObject> deleted = new ArrayList<>();
        int rows = 0;
        if (t.isFolder()) {
            if (!a.flag("--recursive")) {
                throw CliException.usage("'" + t.path() + "' is a folder; use rm -r to delete it and everything in it");
            }
            if (t.isSynthetic()) {
                // No folder row: delete what is below, outermost first; a deleted folder takes its contents.
                List<FileSystemEntry> below = new ArrayList<>(
                        fs.listAll(FileSystemQuery.all().withParent(t.path()).withLimit(PAGE)));
                below.sort(Comparator.comparingInt((FileSystemEntry r) -> EntryPath.depth(r.path())));
                List<String> gone = new ArrayList<>();
                for (FileSystemEntry r : below) {
                    String p = path(r.path());
                    if (gone.stream().anyMatch(g -> p.startsWith(g + "/"))) {
                        continue;
                    }
                    deleted.addAll(fs.delete(r.id()).deleted());
                    rows++;
                    if (r.isFolder()) {
                        gone.add(p);
                    }
                }
            } else {
                for (FileSystemEntry r : t.folderRows()) {
                    deleted.addAll(fs.delete(r.id()).deleted());
                    rows++;
                }
            }
        } else {
            for (FileSystemEntry r : t.itemRows()) {
                deleted.addAll(fs.delete(r.id()).deleted());
                rows++;
            }
        }
        if (json) {
            ObjectNode doc = Json.object();
            doc.put("path", t.path());
            ArrayNode d = doc.putArray("deleted");
            deleted.forEach(x -> d.add(Rows.deleted(x)));
            doc.put("rows", rows);
            print(doc);
            return;
        }
        out.println("deleted " + t.path());
        for (DeletedObject d : deleted) {
            out.println("  " + d.type() + " " + (d.path() != null ? d.path() : d.ref()) + "  (ref " + d.ref() + ", "
                    + d.mode() + " delete" + (d.canUndo() ? ", the server can restore it" : "") + ")");
        }
    }

    // ---- shortcut ---------------------------------------------------------------------------

    void shortcut(Args a) {
        a.allow("shortcut", "--json");
        List<String> pos = a.exactly(2, "burrow shortcut on|off PATH [--json]");
        boolean on = switch (pos.get(0)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw CliException.usage("usage: burrow shortcut on|off PATH (not '" + pos.get(0) + "')");
        };
        Target t = existing(pos.get(1));
        if (t.rows().isEmpty()) {
            throw CliException.refused("'" + shown(t.path()) + "' has no row of its own to mark");
        }
        List<FileSystemEntry> rows = t.isFolder() ? t.folderRows() : t.itemRows();
        List<FileSystemEntry> changed = new ArrayList<>();
        for (FileSystemEntry r : rows) {
            changed.add(fs.patch(r.id(), new EntryFields().shortcut(on)));
        }
        if (json) {
            ObjectNode doc = Json.object();
            doc.set("results", Rows.rows(changed));
            print(doc);
        } else {
            for (FileSystemEntry r : changed) {
                out.println(r.path() + ": shortcut " + (r.isLink() ? "on" : "off"));
            }
        }
    }

    // ---- link -----------------------------------------------------------------------------

    void link(Args a) {
        a.allow("link", "--json");
        List<String> pos = a.exactly(2, "burrow link SRC DEST [--json]");
        Target s = existing(pos.get(0));
        if (s.rows().isEmpty()) {
            throw CliException.refused("'" + shown(s.path()) + "' has no row of its own to link");
        }
        Target d = resolve(pos.get(1));
        String to;
        if (d.exists() && d.isFolder()) {
            to = EntryPath.child(d.path(), EntryPath.leaf(s.path()));
        } else if (d.exists()) {
            throw CliException.refused("'" + d.path() + "' already exists");
        } else {
            to = d.path();
        }
        FileSystemEntry source = s.isFolder() ? s.folderRows().get(0) : s.itemRows().get(0);
        FileSystemEntry created = fs.link(source.id(), to);
        if (json) {
            ObjectNode doc = Json.object();
            doc.set("created", Rows.row(created));
            print(doc);
        } else {
            out.println(s.path() + " -> " + created.path() + "  (link)");
        }
    }

    // ---- count ----------------------------------------------------------------------------

    void count(Args a) {
        a.allow("count", "--json");
        Target t = existing(a.exactly(1, "burrow count PATH [--json]").get(0));
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
