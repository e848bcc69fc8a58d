package dev.burrow.settings;

import java.util.Optional;

/**
 * A settings value read from disk, with what went wrong if the file could not be used (it was
 * then kept aside and {@code value} holds the defaults). The GUI shows {@code problem} once.
 */
public record Loaded<T>(T value, Optional<String> problem) {

    public Loaded {
        problem = problem == null ? Optional.empty() : problem;
    }
}
