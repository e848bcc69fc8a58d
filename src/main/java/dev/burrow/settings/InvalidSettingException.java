package dev.burrow.settings;

/**
 * A profile or preference value that can't be accepted. The message is written for the user
 * (the connection dialog shows it as is) and never repeats a secret or a full URL that could
 * carry credentials.
 */
public final class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidSettingException(String message) {
        super(message);
    }
}
