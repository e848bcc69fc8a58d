package dev.burrow.tree.organise;

import dev.burrow.api.EntryPath;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A destination folder template: literal path text (names joined with {@code /}, a {@code /}
 * inside a name written {@code \/}) and placeholders filled in per row:
 *
 * <ul>
 *   <li>{@code {type}} — the folder PostHog files the type under in Unfiled ({@code Insights}, …);</li>
 *   <li>{@code {creator}} — the creator's first and last name, else e-mail, else {@code Unknown};</li>
 *   <li>{@code {created:yyyy}}, {@code {created:yyyy-MM}}, {@code {created:yyyy-MM-dd}} — the object's creation date, UTC;</li>
 *   <li>{@code {dashboard}} — the folder of the first dashboard (by path) whose tiles show the insight;</li>
 *   <li>{@code {parent}} — the row's current folder.</li>
 * </ul>
 *
 * Names that come from data ({@code {type}}, {@code {creator}}, dates) are escaped as one path
 * segment, so a creator "A/B" stays one folder; {@code {parent}} and {@code {dashboard}} are
 * folder paths and keep their segments. {@code {{} and {@code }}} write a literal brace.
 */
public final class Template {

    /** The date patterns {@code {created:…}} accepts. */
    public static final Set<String> DATE_PATTERNS = Set.of("yyyy", "yyyy-MM", "yyyy-MM-dd");

    /** What a placeholder stands for. */
    enum Kind { TYPE, CREATOR, CREATED, DASHBOARD, PARENT }

    /** One piece of a template: literal path text, or a placeholder (with its date format for CREATED). */
    record Part(String literal, Kind kind, DateTimeFormatter format) {
    }

    private final String text;
    private final List<Part> parts;

    private Template(String text, List<Part> parts) {
        this.text = text;
        this.parts = List.copyOf(parts);
    }

    /** Parses a template; a mistake is a {@link TemplateException} that says what and where. */
    public static Template parse(String text) {
        if (text == null || text.isBlank()) {
            throw new TemplateException("The folder template is empty. Write a folder path such as"
                    + " 'Insights/{creator}', or '/' for the top level.");
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '{' && i + 1 < n && text.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < n && text.charAt(i + 1) == '}') {
                literal.append('}');
                i += 2;
            } else if (c == '}') {
                throw new TemplateException("The folder template has a '}' without its '{' at character " + (i + 1)
                        + ". Write '}}' for a literal brace.");
            } else if (c == '{') {
                int close = text.indexOf('}', i + 1);
                if (close < 0) {
                    throw new TemplateException("The folder template has a '{' that is never closed, at character "
                            + (i + 1) + ".");
                }
                if (literal.length() > 0) {
                    parts.add(new Part(literal.toString(), null, null));
                    literal.setLength(0);
                }
                parts.add(placeholder(text.substring(i + 1, close)));
                i = close + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (literal.length() > 0) {
            parts.add(new Part(literal.toString(), null, null));
        }
        return new Template(text, parts);
    }

    private static Part placeholder(String inside) {
        String name = inside.strip();
        int colon = name.indexOf(':');
        String head = (colon < 0 ? name : name.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        if (head.equals("created")) {
            String pattern = colon < 0 ? "" : name.substring(colon + 1).strip();
            if (!DATE_PATTERNS.contains(pattern)) {
                throw new TemplateException("{" + inside + "} needs a date pattern: {created:yyyy}, {created:yyyy-MM}"
                        + " or {created:yyyy-MM-dd}.");
            }
            return new Part(null, Kind.CREATED, DateTimeFormatter.ofPattern(pattern, Locale.ROOT)
                    .withZone(ZoneOffset.UTC));
        }
        Kind kind = colon >= 0 ? null : switch (head) {
            case "type" -> Kind.TYPE;
            case "creator" -> Kind.CREATOR;
            case "dashboard" -> Kind.DASHBOARD;
            case "parent" -> Kind.PARENT;
            default -> null;
        };
        if (kind == null) {
            throw new TemplateException("The folder template has an unknown placeholder {" + inside + "}. Use {type},"
                    + " {creator}, {created:yyyy}, {created:yyyy-MM}, {dashboard} or {parent}.");
        }
        return new Part(null, kind, null);
    }

    /** The template as the user wrote it. */
    public String text() {
        return text;
    }

    List<Part> parts() {
        return parts;
    }

    /** True when filling it in needs the dashboards' tiles. */
    public boolean usesDashboard() {
        return parts.stream().anyMatch(p -> p.kind() == Kind.DASHBOARD);
    }

    /** Fills the template in from what is known of one row. */
    Filled fill(RowFacts row) {
        return fill(row, new java.util.HashMap<>());
    }

    /** As {@link #fill(RowFacts)}; {@code canonical} remembers filled-in paths already made canonical (few differ). */
    Filled fill(RowFacts row, java.util.Map<String, String> canonical) {
        StringBuilder path = new StringBuilder();
        for (Part p : parts) {
            if (p.kind() == null) {
                path.append(p.literal());
                continue;
            }
            String value;
            switch (p.kind()) {
                case TYPE -> value = EntryPath.escape(row.typeFolder());
                case CREATOR -> value = EntryPath.escape(row.creator());
                case PARENT -> value = row.parent();
                case CREATED -> {
                    if (row.created() == null) {
                        return Filled.skip("it has no creation date");
                    }
                    value = EntryPath.escape(p.format().format(row.created()));
                }
                case DASHBOARD -> {
                    String reason = row.dashboardMissing();
                    if (reason != null) {
                        return Filled.skip(reason);
                    }
                    value = row.dashboardFolder();
                }
                default -> throw new IllegalStateException(p.kind().name());
            }
            path.append(value);
        }
        return new Filled(canonical.computeIfAbsent(path.toString(), EntryPath::normalize), null);
    }

    /** A filled-in destination folder (escaped, canonical; "" is the top level), or why the row has none. */
    record Filled(String folder, String skipped) {
        static Filled skip(String reason) {
            return new Filled(null, reason);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
