package dev.burrow.api;

/** One of the caller's starred items ({@code file_system_shortcut}, contract/file_system.md §15). */
public record Star(String id, String path, String type, String ref, String href, Integer order, String createdAt,
        String userAccessLevel) {
}
