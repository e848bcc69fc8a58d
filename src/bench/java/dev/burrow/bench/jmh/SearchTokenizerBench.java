package dev.burrow.bench.jmh;

import dev.burrow.server.search.SearchTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/** The search tokenizer over typical queries, against a bare whitespace split of the same text. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SearchTokenizerBench {

    private final String[] queries = {
        "signups", "daily active users", "checkout -draft type:insight", "\"Café Signups\" path:Product/Growth",
        "retention user:me", "!archive 'Q3 report' churn", "name:Revenue type:dashboard -old", "a b c d e f g h",
    };

    @Benchmark
    public void tokenizer(Blackhole bh) {
        for (String q : queries) {
            bh.consume(SearchTokenizer.tokenize(q));
        }
    }

    @Benchmark
    public void baselineWhitespaceSplit(Blackhole bh) {
        for (String q : queries) {
            List<String> out = new ArrayList<>();
            int start = -1;
            for (int i = 0; i <= q.length(); i++) {
                boolean space = i == q.length() || Character.isWhitespace(q.charAt(i));
                if (space && start >= 0) {
                    out.add(q.substring(start, i));
                    start = -1;
                } else if (!space && start < 0) {
                    start = i;
                }
            }
            bh.consume(out);
        }
    }
}
