package dev.burrow.ui;

import dev.burrow.api.EntryPath;
import dev.burrow.tree.organise.Plan;
import dev.burrow.tree.organise.PlanSentences;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the Organise dialog shows of a {@link Plan}: the resulting tree of destination folders
 * (new ones marked) with the arriving items, the skipped rows with their reasons, and the
 * sentence with the number of moves, the requests and their time at PostHog's rate limit.
 * Plain data: the view turns it into nodes.
 */
public record OrganisePreview(Plan plan, Entry root, String summary) {

    /** Items listed per destination folder; the rest are counted ("and 12 more"). */
    public static final int LISTED = 200;

    /** What a line of the preview tree is. */
    public enum Kind { FOLDER, NEW_FOLDER, ARRIVING, CLASH, MORE }

    /** One line of the preview tree: a folder (with what it holds) or an arriving item. */
    public record Entry(String name, Kind kind, String detail, List<Entry> children) {

        /** The text of the line, as the view shows it. */
        public String text() {
            return switch (kind) {
                case FOLDER -> name;
                case NEW_FOLDER -> name + "  (new folder)";
                case ARRIVING -> "→ " + name + "  from " + detail;
                case CLASH -> "→ " + name + "  from " + detail + "  (its name is taken there: PostHog keeps both)";
                case MORE -> name;
            };
        }
    }

    public static OrganisePreview of(Plan plan) {
        Set<String> fresh = new HashSet<>(plan.newFolders());
        Builder top = new Builder("/ (the top level)", Kind.FOLDER);
        for (Map.Entry<String, List<Plan.Move>> group : plan.byDestination().entrySet()) {
            Builder folder = top;
            String path = "";
            for (String segment : EntryPath.split(group.getKey())) {
                path = EntryPath.child(path, segment);
                String at = path;
                folder = folder.folders.computeIfAbsent(segment,
                        s -> new Builder(s, fresh.contains(at) ? Kind.NEW_FOLDER : Kind.FOLDER));
            }
            List<Plan.Move> moves = group.getValue();
            for (Plan.Move m : moves.subList(0, Math.min(moves.size(), LISTED))) {
                folder.items.add(new Entry(EntryPath.leaf(m.to()), plan.clashes().contains(m.id()) ? Kind.CLASH : Kind.ARRIVING,
                        m.from(), List.of()));
            }
            if (moves.size() > LISTED) {
                folder.items.add(new Entry("and " + PlanSentences.count(moves.size() - LISTED, "more item"), Kind.MORE,
                        "", List.of()));
            }
        }
        return new OrganisePreview(plan, top.build(), PlanSentences.summary(plan));
    }

    public List<Plan.Skip> skipped() {
        return plan.skipped();
    }

    public boolean canApply() {
        return !plan.isEmpty();
    }

    /** Entries of the tree, depth first (tests, and finding a line). */
    public List<Entry> lines() {
        List<Entry> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Entry e, List<Entry> out) {
        for (Entry c : e.children()) {
            out.add(c);
            collect(c, out);
        }
    }

    private static final class Builder {
        final String name;
        final Kind kind;
        final Map<String, Builder> folders = new LinkedHashMap<>();
        final List<Entry> items = new ArrayList<>();

        Builder(String name, Kind kind) {
            this.name = name;
            this.kind = kind;
        }

        Entry build() {
            List<Entry> children = new ArrayList<>();
            folders.values().forEach(b -> children.add(b.build()));
            children.addAll(items);
            return new Entry(name, kind, "", List.copyOf(children));
        }
    }
}
