package dev.burrow.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One export as PostHog sends it (contract/exports.md §2). Older servers omit {@code exception},
 * {@code expires_after} and {@code user_access_level}; those are then null. The local server
 * sends no {@code user_access_level} (it is not written when null).
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
        @JsonInclude(JsonInclude.Include.NON_NULL) String userAccessLevel) {

    /** True when the export is done one way or the other: it has content or it failed. */
    @JsonIgnore
    public boolean isFinished() {
        return hasContent || exception != null;
    }
}
