package dev.burrow.api;

/** The fields of a PostHog dashboard the browser shows; everything else is ignored. */
public record Dashboard(long id, String name, String description, Boolean deleted, String createdAt) {
}
