package dev.burrow.api;

import java.util.List;

/** The answer of {@code count} and {@code count_by_path}; older servers send only {@code count}. */
public record CountResult(long count, List<FileSystemEntry> entries, Boolean hasMore) {
}
