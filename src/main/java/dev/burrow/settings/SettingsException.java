package dev.burrow.settings;

/** Reading or writing a settings file (or talking to a keychain) failed. Never carries a secret. */
public class SettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
