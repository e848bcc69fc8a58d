package dev.burrow.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.DeletedObject;
import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Json;
import dev.burrow.client.PostHogClient;
import dev.burrow.tree.ClientBackend;
import dev.burrow.tree.DeleteOperation;
import dev.burrow.tree.LinkOperation;
import dev.burrow.tree.MoveJournal;
import dev.burrow.tree.MoveOperation;
import dev.burrow.tree.NewFolderOperation;
import dev.burrow.tree.ShortcutOperation;
import dev.burrow.tree.TreeNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The verbs that edit the project tree: mkdir, mv, rm, shortcut, link ({@link TreeQueries} reads
 * it). This class resolves the paths people type and prints the outcome; what an edit does — PATCH, {@code POST move} or a
 * journaled row-by-row move, which rows a delete takes and in which order, the folder rows the
 * server files — is decided by the tree's operations, the same the window runs ({@link TreeRun}).
 */
final class TreeCommands {

    private final PostHogClient client;
    private final PathResolver paths;
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
        this.paths = new PathResolver(client.fileSystem());
        this.out = out;
        this.json = json;
    }

    private TreeRun run(boolean serverMove) {
        return new TreeRun(new ClientBackend(client, serverMove));
    }

    private void print(ObjectNode doc) {
        out.println(Rows.pretty(doc));
    }

    private static String shown(String path) {
        return path.isEmpty() ? "/" : path;
    }

    // ---- mkdir ----------------------------------------------------------------------------

    void mkdir(Args a) {
        a.allow("mkdir", "--parents", "--json");
        String p = PathResolver.path(a.exactly(1, "burrow mkdir PATH [-p] [--json]").get(0));
        if (p.isEmpty()) {
            throw CliException.usage("mkdir needs a folder path, not the root");
        }
        ResolvedPath t = paths.resolve(p);
        FileSystemEntry row;
        if (!t.folderRows().isEmpty()) {
            if (!a.flag("--parents")) {
                throw CliException.refused("'" + p + "' already exists");
            }
            row = t.folderRows().get(0);
        } else if (!t.itemRows().isEmpty()) {
            throw CliException.refused("'" + p + "' already exists (a " + t.itemRows().get(0).type() + ")");
        } else {
            NewFolderOperation made = NewFolderOperation.named(EntryPath.parent(p), EntryPath.leaf(p));
            run(true).run(made);
            row = made.created();
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

    /** One source of {@code mv}: what it names, the path it gets, and the tree's move (null: unchanged). */
    private record Move(ResolvedPath source, String to, MoveOperation op) {
    }

    void mv(Args a) {
        a.allow("mv", "--json", "--no-server-move");
        List<String> pos = a.positional();
        if (pos.size() < 2) {
            throw CliException.usage("usage: burrow mv SRC… DEST [--json]");
        }
        String destRaw = pos.get(pos.size() - 1);
        ResolvedPath dest = paths.resolve(destRaw);
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
        List<Move> moves = new ArrayList<>();
        for (String raw : sources) {
            ResolvedPath s = paths.existing(raw);
            if (s.isRoot()) {
                throw CliException.usage("cannot move the root");
            }
            String to = into ? EntryPath.child(dest.path(), EntryPath.leaf(s.path())) : dest.path();
            if (to.equals(s.path())) {
                moves.add(new Move(s, to, null));
                continue;
            }
            MoveOperation op = into ? MoveOperation.into(s.nodes(), dest.path(), journals)
                    : MoveOperation.to(s.nodes(), dest.path(), journals);
            if (op.refusal() != null) {
                throw CliException.usage("cannot move '" + s.path() + "' there: " + op.refusal());
            }
            moves.add(new Move(s, to, op));
        }
        TreeRun run = run(!a.flag("--no-server-move"));
        ArrayNode moved = Json.MAPPER.createArrayNode();
        for (Move m : moves) {
            ResolvedPath s = m.source();
            String method = "unchanged";
            long rows = 0;
            if (m.op() != null) {
                if (s.isFolder()) {
                    paths.learnAround(run, m.to());
                    rows = s.folderRows().size() + client.fileSystem().countByPath(s.path()).count();
                } else {
                    rows = s.itemRows().size();
                }
                run.run(m.op());
                method = s.isFolder() && m.op().sentAsMove(0) ? "move" : "patch";
            }
            ObjectNode o = moved.addObject();
            o.put("from", s.path());
            o.put("to", m.to());
            o.put("method", method);
            o.put("rows", rows);
            if (!json) {
                out.println(method.equals("unchanged") ? "unchanged: " + s.path()
                        : s.path() + " -> " + m.to() + "  (" + rows + (rows == 1 ? " row" : " rows") + ")");
            }
        }
        if (json) {
            ObjectNode doc = Json.object();
            doc.set("moved", moved);
            print(doc);
        }
    }

    // ---- rm -------------------------------------------------------------------------------

    void rm(Args a) {
        a.allow("rm", "--recursive", "--json");
        ResolvedPath t = paths.existing(a.exactly(1, "burrow rm [-r] PATH [--json]").get(0));
        if (t.isRoot()) {
            throw CliException.usage("refusing to delete the root");
        }
        if (t.isFolder() && !a.flag("--recursive")) {
            throw CliException.usage("'" + t.path() + "' is a folder; use rm -r to delete it and everything in it");
        }
        DeleteOperation op = DeleteOperation.of(t.nodes());
        run(true).run(op);
        List<DeletedObject> deleted = op.deleted();
        if (json) {
            ObjectNode doc = Json.object();
            doc.put("path", t.path());
            ArrayNode d = doc.putArray("deleted");
            deleted.forEach(x -> d.add(Rows.deleted(x)));
            doc.put("rows", op.removedRows().size());
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
        ResolvedPath t = paths.existing(pos.get(1));
        if (t.rows().isEmpty()) {
            throw CliException.refused("'" + shown(t.path()) + "' has no row of its own to mark");
        }
        List<FileSystemEntry> rows = t.isFolder() ? t.folderRows() : t.itemRows();
        List<FileSystemEntry> changed = new ArrayList<>();
        TreeRun run = run(true);
        for (FileSystemEntry r : rows) {
            run.run(new ShortcutOperation(r, on));
            changed.add(run.index().byId(r.id()));
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
        ResolvedPath s = paths.existing(pos.get(0));
        if (s.rows().isEmpty()) {
            throw CliException.refused("'" + shown(s.path()) + "' has no row of its own to link");
        }
        ResolvedPath d = paths.resolve(pos.get(1));
        TreeNode node = s.nodes().get(0);
        LinkOperation op;
        if (d.exists() && d.isFolder()) {
            op = new LinkOperation(node, d.path());
        } else if (d.exists()) {
            throw CliException.refused("'" + d.path() + "' already exists");
        } else {
            op = LinkOperation.at(node, d.path());
        }
        TreeRun run = run(true);
        run.know(d.rows());
        run.run(op);
        FileSystemEntry created = run.index().byId(op.resultIds().get(0));
        if (json) {
            ObjectNode doc = Json.object();
            doc.set("created", Rows.row(created));
            print(doc);
        } else {
            out.println(s.path() + " -> " + created.path() + "  (link)");
        }
    }
}
