package dev.burrow.server.render;

/**
 * A render that could not produce a file. {@link #getMessage} is the export's {@code exception}
 * text; {@link #exceptionType} and {@link #failureType} are what PostHog records beside it.
 */
public final class RenderFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** PostHog's failure classes. */
    public static final String USER = "user";
    public static final String SYSTEM = "system";
    public static final String UNKNOWN = "unknown";

    private final String exceptionType;
    private final String failureType;

    public RenderFailure(String message, String exceptionType, String failureType) {
        super(message, null, false, false);
        this.exceptionType = exceptionType;
        this.failureType = failureType;
    }

    public String exceptionType() {
        return exceptionType;
    }

    public String failureType() {
        return failureType;
    }
}
