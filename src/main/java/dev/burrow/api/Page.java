package dev.burrow.api;

import java.util.List;

/**
 * A limit/offset page: {@code next} and {@code previous} are absolute URLs or null.
 * {@code users} is present on {@code file_system/} lists only.
 */
public record Page<T>(long count, String next, String previous, List<T> results, List<BasicUser> users) {
}
