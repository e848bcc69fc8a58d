package dev.burrow.settings;

import java.util.Optional;

/**
 * Where API keys live, addressed by an opaque reference ({@link ConnectionProfile#secretRef()}).
 * Implementations never put a secret in {@code toString}, in an exception message or in a log,
 * and never pass one as a command-line argument.
 */
public interface SecretStore {

    /** The secret stored under {@code ref}, or empty if there is none. */
    Optional<String> get(String ref);

    /** Stores (or replaces) the secret under {@code ref}. */
    void put(String ref, String secret);

    /** Removes the secret under {@code ref}; nothing happens if there is none. */
    void delete(String ref);

    /** Where secrets go, for the user: e.g. "Secret Service (secret-tool)", "file ~/.config/burrow/secrets.json (0600)". */
    String describe();
}
