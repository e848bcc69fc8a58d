package dev.burrow.bench;

import dev.burrow.bench.jmh.PathCodecBench;
import dev.burrow.bench.jmh.SearchTokenizerBench;
import dev.burrow.bench.jmh.TreeIndexBench;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** The hot pure code under JMH, each against a naive floor in the same run; no targets in the issue. */
final class JmhScenarios {

    private JmhScenarios() {
    }

    static List<Result> run() throws Exception {
        Options opt = new OptionsBuilder()
                .include(PathCodecBench.class.getName())
                .include(SearchTokenizerBench.class.getName())
                .include(TreeIndexBench.class.getName())
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .jvmArgs("-Xmx1g")
                .build();
        Collection<RunResult> results = new Runner(opt).run();
        Map<String, double[]> p50 = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            String method = name.substring(name.lastIndexOf('.') + 1);
            p50.put(method, new double[] {r.getPrimaryResult().getStatistics().getPercentile(50)});
        }
        List<Result> out = new ArrayList<>();
        out.add(row("JMH path codec: normalize, ancestors, parent, leaf of 1,024 paths", p50, "entryPath",
                "baselineStringSplit", "µs", "String.split / indexOf floor (ignores escapes)"));
        out.add(row("JMH search tokenizer: 8 typical queries", p50, "tokenizer", "baselineWhitespaceSplit", "µs",
                "bare whitespace split floor (no quotes, negation)"));
        out.add(row("JMH tree index: build from 100,000 rows in pages of 1,000", p50, "treeIndex", "baselineHashMaps",
                "ms", "floor: HashMap by id + lists by parent path"));
        return out;
    }

    private static Result row(String name, Map<String, double[]> p50, String figure, String baseline, String unit,
            String note) {
        double f = p50.containsKey(figure) ? p50.get(figure)[0] : Double.NaN;
        double b = p50.containsKey(baseline) ? p50.get(baseline)[0] : Double.NaN;
        return new Result(name, f, b, f / b, unit + " p50", "none (reported)", null, note);
    }
}
