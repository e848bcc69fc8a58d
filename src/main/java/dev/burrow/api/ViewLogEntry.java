package dev.burrow.api;

/** One of the caller's recorded views, as {@code GET file_system/log_view/} lists them. */
public record ViewLogEntry(String type, String ref, String viewedAt) {
}
