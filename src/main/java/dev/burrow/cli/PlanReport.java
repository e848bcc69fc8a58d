package dev.burrow.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.burrow.api.Json;
import dev.burrow.tree.organise.BatchJournal;
import dev.burrow.tree.organise.OrganiseBatch;
import dev.burrow.tree.organise.OrganiseUndo;
import dev.burrow.tree.organise.Plan;
import dev.burrow.tree.organise.PlanSentences;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** How {@code burrow organise} shows plans and results: text for people, one JSON document for scripts. */
final class PlanReport {

    private PlanReport() {
    }

    /** Every move OLD → NEW grouped by destination, the skipped rows with reasons, the request count. */
    static void text(Plan plan, PrintStream out) {
        Set<String> fresh = new HashSet<>(plan.newFolders());
        for (Map.Entry<String, List<Plan.Move>> group : plan.byDestination().entrySet()) {
            String folder = group.getKey().isEmpty() ? "/ (the top level)" : group.getKey() + "/";
            out.println(folder + (fresh.contains(group.getKey()) ? "  [new folder]" : ""));
            for (Plan.Move m : group.getValue()) {
                out.println("  " + m.from() + " → " + m.to() + (m.isFolder() ? "  (a folder, with its contents)" : "")
                        + (plan.clashes().contains(m.id()) ? "  (its name is taken there: PostHog keeps both)" : ""));
            }
        }
        if (!plan.skipped().isEmpty()) {
            out.println("Skipped " + plan.skipped().size() + ":");
            for (Plan.Skip s : plan.skipped()) {
                out.println("  " + s.path() + "  — " + s.reason());
            }
        }
        out.println(summary(plan));
    }

    /** "12 moves into 3 folders, 2 new folders: 14 requests (within PostHog's rate limit, no waiting)." */
    static String summary(Plan plan) {
        return PlanSentences.summary(plan);
    }

    static String count(int n, String noun) {
        return PlanSentences.count(n, noun);
    }

    /** {@code {"moves":[{"id","from","to"}],"skipped":[{"id","path","reason"}],"requests":N,"new_folders":[…]}} */
    static ObjectNode json(Plan plan) {
        ObjectNode doc = Json.object();
        ArrayNode moves = doc.putArray("moves");
        for (Plan.Move m : plan.moves()) {
            moves.addObject().put("id", m.id()).put("from", m.from()).put("to", m.to());
        }
        ArrayNode skipped = doc.putArray("skipped");
        for (Plan.Skip s : plan.skipped()) {
            skipped.addObject().put("id", s.id()).put("path", s.path()).put("reason", s.reason());
        }
        doc.put("requests", plan.requests());
        ArrayNode folders = doc.putArray("new_folders");
        plan.newFolders().forEach(folders::add);
        return doc;
    }

    /** What a run of a batch did, for {@code "applied"} and {@code "resumed"}. */
    static ObjectNode applied(OrganiseBatch batch) {
        ObjectNode o = Json.object();
        o.put("batch", batch.journalId());
        o.put("outcome", batch.outcome().name().toLowerCase(Locale.ROOT));
        o.put("moved", batch.done() - batch.vanished().size());
        o.put("total", batch.total());
        ArrayNode created = o.putArray("folders_created");
        batch.createdFolders().keySet().forEach(created::add);
        ArrayNode vanished = o.putArray("vanished");
        batch.vanished().forEach(vanished::add);
        return o;
    }

    /** A finished run in words. */
    static String appliedText(OrganiseBatch batch) {
        int moved = batch.done() - batch.vanished().size();
        String text = switch (batch.outcome()) {
            case CANCELLED -> "Cancelled after " + count(moved, "move") + " of " + batch.total()
                    + "; what moved stays.";
            default -> "Moved " + count(moved, "item") + ".";
        };
        if (!batch.createdFolders().isEmpty()) {
            text += " Created " + count(batch.createdFolders().size(), "folder") + ".";
        }
        if (!batch.vanished().isEmpty()) {
            text += " " + count(batch.vanished().size(), "row") + " had been deleted meanwhile and did not move.";
        }
        return text + " To put everything back: burrow organise --undo";
    }

    /** {@code {"batch","restored":[{"id","from","to"}],"left_alone":[{"id","path","now"}],"folders_removed","folders_kept"}} */
    static ObjectNode undone(String journalId, OrganiseUndo undo) {
        ObjectNode o = Json.object();
        o.put("batch", journalId);
        ArrayNode restored = o.putArray("restored");
        for (BatchJournal.Entry e : undo.restored()) {
            restored.addObject().put("id", e.id()).put("from", e.to()).put("to", e.from());
        }
        ArrayNode alone = o.putArray("left_alone");
        for (OrganiseUndo.LeftAlone l : undo.leftAlone()) {
            alone.addObject().put("id", l.id()).put("path", l.batchPath()).put("now", l.now());
        }
        ArrayNode removed = o.putArray("folders_removed");
        undo.removedFolders().forEach(removed::add);
        ArrayNode kept = o.putArray("folders_kept");
        undo.keptFolders().forEach(kept::add);
        return o;
    }

    static void undoneText(String description, OrganiseUndo undo, PrintStream out) {
        out.println("Undid “" + description + "”: put back " + count(undo.restored().size(), "item") + ".");
        if (!undo.leftAlone().isEmpty()) {
            out.println("Left alone, changed since the batch (" + undo.leftAlone().size() + "):");
            undo.leftAlone().forEach(l -> out.println("  " + l.sentence()));
        }
        if (!undo.removedFolders().isEmpty()) {
            out.println("Removed the folders it had created: " + String.join(", ", undo.removedFolders()));
        }
        if (!undo.keptFolders().isEmpty()) {
            out.println("Kept folders it had created that hold something else now: "
                    + String.join(", ", undo.keptFolders()));
        }
    }
}
