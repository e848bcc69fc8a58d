package dev.burrow.bench.jmh;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.tree.TreeIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building the tree index from 100,000 rows in pages of 1,000 (as the index load does), against
 * the floor: the same rows put into a map by id and grouped by parent path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TreeIndexBench {

    private List<List<FileSystemEntry>> pages;

    @Setup
    public void setup() {
        List<FileSystemEntry> rows = Rows.tree(100_000);
        pages = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += 1000) {
            pages.add(rows.subList(i, Math.min(rows.size(), i + 1000)));
        }
    }

    @Benchmark
    public TreeIndex treeIndex() {
        TreeIndex index = new TreeIndex();
        for (List<FileSystemEntry> page : pages) {
            index.putAll(page);
        }
        index.markComplete(true);
        return index;
    }

    @Benchmark
    public Map<String, List<FileSystemEntry>> baselineHashMaps() {
        Map<String, FileSystemEntry> byId = new HashMap<>();
        Map<String, List<FileSystemEntry>> byParent = new HashMap<>();
        for (List<FileSystemEntry> page : pages) {
            for (FileSystemEntry e : page) {
                byId.put(e.id(), e);
                String p = e.path();
                int last = p.lastIndexOf('/');
                byParent.computeIfAbsent(last < 0 ? "" : p.substring(0, last), k -> new ArrayList<>()).add(e);
            }
        }
        return byParent;
    }
}
