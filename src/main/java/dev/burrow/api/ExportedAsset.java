package dev.burrow.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One export as PostHog sends it (contract/exports.md §2). Older servers omit {@code exception},
 * {@code expires_after} and {@code user_access_level}; those are then null.
 */
public record ExportedAsset(
        long id,
        Long dashboard,
        Long insight,
        String exportFormat,
        String createdAt,
        boolean hasContent,
        JsonNode exportContext,
        String filename,
        String expiresAfter,
        String exception,
        String userAccessLevel) {

    /** True when the export is done one way or the other: it has content or it failed. */
    public boolean isFinished() {
        return hasContent || exception != null;
    }
}
