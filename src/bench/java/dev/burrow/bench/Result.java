package dev.burrow.bench;

/**
 * One line of the report. {@code figure} and {@code baseline} are medians in {@code unit} (or
 * counts), measured in the same run; {@code ratio} is figure / baseline unless {@code note} says
 * otherwise; {@code met} is null where the issue sets no target.
 */
public record Result(String name, double figure, double baseline, double ratio, String unit, String target,
        Boolean met, String note) {

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

    static Result failed(String name, String target, String why) {
        return new Result(name, Double.NaN, Double.NaN, Double.NaN, "", target, false, "could not run: " + why);
    }
}
