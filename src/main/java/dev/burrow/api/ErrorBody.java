package dev.burrow.api;

/**
 * PostHog's error body. Raised errors carry all four fields; errors a viewset returns directly
 * carry only {@code detail} (contract/file_system.md §16).
 */
public record ErrorBody(String type, String code, String detail, String attr) {

    public static ErrorBody detailOnly(String detail) {
        return new ErrorBody(null, null, detail, null);
    }
}
