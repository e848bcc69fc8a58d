package dev.burrow.tree.organise;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.ObjectType;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which dashboard folder each insight belongs to for {@code {dashboard}}: the folder of the
 * first dashboard, by tree path, whose tiles show the insight. Dashboards are read in that order
 * and reading stops once every insight asked about has its dashboard, so a project with many
 * dashboards costs only the requests it needs.
 */
public final class DashboardTiles {

    /** For templates without {@code {dashboard}}: no insight has a dashboard. */
    public static final DashboardTiles NONE = new DashboardTiles(Map.of(), 0);

    /** Tree order as PostHog lists it: case-insensitive path, then the path itself. */
    static final Comparator<FileSystemEntry> TREE_ORDER = Comparator
            .comparing((FileSystemEntry r) -> EntryPath.normalize(r.path()).toLowerCase(Locale.ROOT))
            .thenComparing(r -> EntryPath.normalize(r.path()))
            .thenComparing(FileSystemEntry::id);

    private final Map<String, String> folderByInsight;
    private final int dashboardsRead;

    private DashboardTiles(Map<String, String> folderByInsight, int dashboardsRead) {
        this.folderByInsight = Map.copyOf(folderByInsight);
        this.dashboardsRead = dashboardsRead;
    }

    /**
     * Reads dashboards' tiles (background thread) until each insight of {@code insightRefs}
     * (short ids) has a dashboard or every dashboard is read.
     *
     * @param dashboards the dashboard rows of the tree (link rows are left out: a dashboard's
     *                   folder is where its own row lives)
     */
    public static DashboardTiles load(OrganiseLookup lookup, Collection<FileSystemEntry> dashboards,
            Collection<String> insightRefs) {
        Set<String> wanted = new HashSet<>(insightRefs);
        wanted.remove(null);
        List<FileSystemEntry> ordered = dashboards.stream()
                .filter(r -> ObjectType.DASHBOARD.wire().equals(r.type()) && !r.isLink() && r.ref() != null)
                .sorted(TREE_ORDER).toList();
        Map<String, String> found = new HashMap<>();
        Set<String> readRefs = new HashSet<>();
        int read = 0;
        for (FileSystemEntry dashboard : ordered) {
            if (found.size() == wanted.size()) {
                break;
            }
            if (!readRefs.add(dashboard.ref())) {
                continue; // two rows for one dashboard: the first by path has the say
            }
            read++;
            String folder = EntryPath.parent(EntryPath.normalize(dashboard.path()));
            for (String insight : lookup.insightsOn(dashboard.ref())) {
                if (wanted.contains(insight)) {
                    found.putIfAbsent(insight, folder);
                }
            }
        }
        return new DashboardTiles(found, read);
    }

    /** The folder of the insight's first dashboard, or null when it is on none. */
    public String folderOf(String insightRef) {
        return insightRef == null ? null : folderByInsight.get(insightRef);
    }

    /** How many dashboards were read (one request each). */
    public int dashboardsRead() {
        return dashboardsRead;
    }
}
