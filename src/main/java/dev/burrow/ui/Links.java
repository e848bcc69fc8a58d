package dev.burrow.ui;

import dev.burrow.api.FileSystemEntry;
import java.util.Optional;

/** The web address of a row in PostHog's app, on a PostHog connection. */
final class Links {

    private Links() {
    }

    /** The page of {@code row} in PostHog; empty on the local workspace or for a row PostHog has no page for. */
    static Optional<String> webUrl(MainViewModel.Target target, FileSystemEntry row) {
        if (target == null || target.local() || row == null || row.href() == null || row.href().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(target.baseUrl().replaceAll("/+$", "") + "/project/" + target.environment() + row.href());
    }
}
