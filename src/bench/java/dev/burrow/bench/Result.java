package dev.burrow.bench;

import java.util.List;

/**
 * One line of the report. {@code figure} and {@code baseline} are medians in {@code unit} (or
 * counts), measured in the same run; {@code ratio} is figure / baseline unless {@code note} says
 * otherwise. A target row has a {@code target} and {@code met}; an informational row has neither
 * ({@code met} null). {@code runs} are the single measurements behind the figure, {@code load}
 * the machine's load average while they ran (either may be null).
 */
public record Result(String name, double figure, double baseline, double ratio, String unit, String target,
        Boolean met, String note, List<Double> runs, String load) {

    public Result(String name, double figure, double baseline, double ratio, String unit, String target, Boolean met,
            String note) {
        this(name, figure, baseline, ratio, unit, target, met, note, null, null);
    }

    static Result of(String name, double figure, double baseline, String unit, String target, double limit,
            boolean lowerIsBetter, String note) {
        double ratio = baseline == 0 ? Double.NaN : figure / baseline;
        boolean met = lowerIsBetter ? ratio <= limit : ratio >= limit;
        return new Result(name, figure, baseline, ratio, unit, target, met, note);
    }

    /** A row whose pass/fail is given by the caller (absolute limits such as heap). */
    static Result judged(String name, double figure, double baseline, double ratio, String unit, String target,
            boolean met, String note) {
        return new Result(name, figure, baseline, ratio, unit, target, met, note);
    }

    /** An informational row: no target, not judged. */
    static Result info(String name, double figure, double baseline, String unit, String note) {
        return new Result(name, figure, baseline, baseline == 0 ? Double.NaN : figure / baseline, unit, null, null,
                note);
    }

    Result withRuns(List<Double> values) {
        return new Result(name, figure, baseline, ratio, unit, target, met, note, List.copyOf(values), load);
    }

    Result withLoad(String value) {
        return new Result(name, figure, baseline, ratio, unit, target, met, note, runs, value);
    }

    static Result failed(String name, String target, String why) {
        return new Result(name, Double.NaN, Double.NaN, Double.NaN, "", target, false, "could not run: " + why);
    }
}
