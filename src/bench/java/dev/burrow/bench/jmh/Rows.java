package dev.burrow.bench.jmh;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A deterministic tree of rows shaped like the synthetic seed: folders rows first, skewed fan-out. */
final class Rows {

    private static final String[] WORDS = {"Growth", "Activation", "Retention", "Onboarding", "Billing", "Search",
        "Mobile", "Web", "Platform", "Experiments", "Q1", "Q2", "Reports", "Archive"};
    private static final String[] FILES = {"Daily active users", "Signups", "Pageviews", "Checkout", "Churn",
        "Revenue", "Café conversions", "Errors / warnings", "Latency \\ p99"};

    private Rows() {
    }

    static List<FileSystemEntry> tree(int n) {
        Random random = new Random(42);
        List<FileSystemEntry> out = new ArrayList<>(n);
        List<String> folders = new ArrayList<>();
        int id = 0;
        for (int a = 0; a < 6 && out.size() < n; a++) {
            String area = "Area " + a;
            folders.add(area);
            out.add(row(id++, area, true));
        }
        while (out.size() < n) {
            String parent = folders.get(random.nextInt(folders.size()));
            if (EntryPath.depth(parent) < 6 && random.nextInt(20) == 0) {
                String f = parent + "/" + WORDS[random.nextInt(WORDS.length)] + " " + id;
                folders.add(f);
                out.add(row(id++, f, true));
            } else {
                String name = FILES[random.nextInt(FILES.length)] + " " + id;
                out.add(row(id++, parent + "/" + EntryPath.escape(name), false));
            }
        }
        return out;
    }

    static List<String> paths(int n) {
        List<String> out = new ArrayList<>(n);
        for (FileSystemEntry e : tree(n)) {
            out.add(e.path());
        }
        return out;
    }

    private static FileSystemEntry row(int id, String path, boolean folder) {
        return new FileSystemEntry(String.format("0190%028x", id), path, EntryPath.depth(path),
                folder ? FileSystemEntry.FOLDER : "insight", folder ? null : Integer.toString(id), null, null, false,
                "2026-01-01T00:00:00Z", null, null, null);
    }
}
