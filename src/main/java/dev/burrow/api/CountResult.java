package dev.burrow.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer of {@code count} and {@code count_by_path}; older servers send only {@code count},
 * as {@code unfiled} does (its count is the rows it made): absent fields are null and not written.
 */
public record CountResult(long count,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FileSystemEntry> entries,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean hasMore) {

    /** Only a count, as {@code unfiled} answers. */
    public static CountResult of(long count) {
        return new CountResult(count, null, null);
    }
}
