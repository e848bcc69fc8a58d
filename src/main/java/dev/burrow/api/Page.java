package dev.burrow.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A limit/offset page: {@code next} and {@code previous} are absolute URLs or null.
 * {@code users} is present on {@code file_system/} lists only (null, and not written, elsewhere).
 */
public record Page<T>(long count, String next, String previous, List<T> results,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<BasicUser> users) {
}
