package dev.burrow.settings;

/** A keychain or secret file refused an operation. The message names the store and the ref, never the secret. */
public final class SecretStoreException extends SettingsException {

    private static final long serialVersionUID = 1L;

    public SecretStoreException(String message) {
        super(message);
    }

    public SecretStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
