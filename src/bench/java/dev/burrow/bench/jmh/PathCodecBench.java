package dev.burrow.bench.jmh;

import dev.burrow.api.EntryPath;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The path codec over 1,024 real-shaped paths: what the tree index does per row (normalize,
 * parent, ancestors) against the floor of the same walk done with {@code String.split} /
 * {@code lastIndexOf} (which ignores escapes, so it is only a floor).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PathCodecBench {

    private List<String> paths;

    @Setup
    public void setup() {
        paths = Rows.paths(1024);
    }

    @Benchmark
    public void entryPath(Blackhole bh) {
        for (String p : paths) {
            String key = EntryPath.normalize(p);
            bh.consume(EntryPath.ancestors(key));
            bh.consume(EntryPath.parent(key));
            bh.consume(EntryPath.leaf(key));
        }
    }

    @Benchmark
    public void baselineStringSplit(Blackhole bh) {
        for (String p : paths) {
            String[] names = p.split("/");
            String key = String.join("/", names);
            List<String> ancestors = new ArrayList<>(names.length);
            int at = -1;
            while ((at = key.indexOf('/', at + 1)) >= 0) {
                ancestors.add(key.substring(0, at));
            }
            bh.consume(ancestors);
            int last = key.lastIndexOf('/');
            bh.consume(last < 0 ? "" : key.substring(0, last));
            bh.consume(key.substring(last + 1));
        }
    }
}
