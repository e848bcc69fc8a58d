package dev.burrow.settings;

import java.util.Locale;

/**
 * A saved organise rule of one connection: what to pick (PostHog's search language) and where it
 * goes (a folder template), under a name; {@code tidy} rules run together as "Keep Unfiled tidy".
 */
public record OrganiseRule(String name, String where, String to, boolean tidy) {

    /** Longest name a rule may have. */
    public static final int MAX_NAME = 80;

    public OrganiseRule {
        name = name == null ? "" : name.strip();
        if (name.isEmpty()) {
            throw new InvalidSettingException("A rule needs a name.");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidSettingException("A rule's name can have at most " + MAX_NAME + " characters.");
        }
        if (where == null || where.isBlank()) {
            throw new InvalidSettingException("The rule “" + name + "” has no query: say what it organises.");
        }
        if (to == null || to.isBlank()) {
            throw new InvalidSettingException("The rule “" + name + "” has no folder template: say where things go.");
        }
    }

    /** True when {@code other} names this rule (names are compared without case). */
    public boolean named(String other) {
        return other != null && name.toLowerCase(Locale.ROOT).equals(other.strip().toLowerCase(Locale.ROOT));
    }
}
