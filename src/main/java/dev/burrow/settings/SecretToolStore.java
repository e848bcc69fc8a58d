package dev.burrow.settings;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The freedesktop Secret Service (GNOME Keyring, KWallet, KeePassXC…) through libsecret's
 * {@code secret-tool}. The secret travels on the tool's stdin, never as an argument, so it doesn't
 * show in {@code ps}. Items carry the attributes {@code service=dev.burrow} and {@code ref=<ref>}.
 */
public final class SecretToolStore implements SecretStore {

    static final String SERVICE = "dev.burrow";
    static final String PROBE_REF = "burrow-availability-probe";

    private final String executable;
    private final Duration probeTimeout;
    private final Duration timeout;

    public SecretToolStore() {
        this("secret-tool", Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    /** @param timeout for store/lookup/clear; generous, as the keyring may ask the user to unlock it */
    SecretToolStore(String executable, Duration probeTimeout, Duration timeout) {
        this.executable = executable;
        this.probeTimeout = probeTimeout;
        this.timeout = timeout;
    }

    /**
     * Whether a Secret Service answers: a lookup of a probe item finishes in time and either finds
     * it or reports "not found" (exit 1, nothing on stderr). False at once when the tool isn't
     * installed, and after {@code probeTimeout} when the service hangs (e.g. a locked keyring
     * waiting for a prompt nobody sees).
     */
    public boolean isAvailable() {
        try {
            Commands.Result r = Commands.run(lookupCommand(PROBE_REF), null, probeTimeout);
            return r.exit() == 0 || (r.exit() == 1 && r.err().isBlank());
        } catch (IOException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    List<String> storeCommand(String ref) {
        List<String> c = new ArrayList<>(List.of(executable, "store", "--label=Burrow API key (" + ref + ")"));
        c.addAll(attributes(ref));
        return c;
    }

    List<String> lookupCommand(String ref) {
        List<String> c = new ArrayList<>(List.of(executable, "lookup"));
        c.addAll(attributes(ref));
        return c;
    }

    List<String> clearCommand(String ref) {
        List<String> c = new ArrayList<>(List.of(executable, "clear"));
        c.addAll(attributes(ref));
        return c;
    }

    private static List<String> attributes(String ref) {
        return List.of("service", SERVICE, "ref", Commands.checkRef(ref));
    }

    @Override
    public Optional<String> get(String ref) {
        Commands.Result r = run(lookupCommand(ref), null, "read");
        if (r.exit() == 0) {
            return Optional.of(Commands.chompLine(r.out()));
        }
        if (r.exit() == 1 && r.err().isBlank()) {
            return Optional.empty();
        }
        throw failure("read", ref, r);
    }

    @Override
    public void put(String ref, String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("An empty secret can't be stored; delete it instead");
        }
        Commands.Result r = run(storeCommand(ref), secret, "store");
        if (r.exit() != 0) {
            throw failure("store", ref, r);
        }
    }

    @Override
    public void delete(String ref) {
        Commands.Result r = run(clearCommand(ref), null, "delete");
        // secret-tool clear exits 1 without a message when nothing matched.
        if (r.exit() != 0 && !(r.exit() == 1 && r.err().isBlank())) {
            throw failure("delete", ref, r);
        }
    }

    private Commands.Result run(List<String> command, String stdin, String verb) {
        try {
            return Commands.run(command, stdin, timeout);
        } catch (IOException e) {
            throw new SecretStoreException("Could not " + verb + " the key in the Secret Service: " + executable
                    + " could not be run (" + e.getMessage() + ")", e);
        } catch (TimeoutException e) {
            throw new SecretStoreException("Could not " + verb + " the key in the Secret Service: no answer within "
                    + timeout.toSeconds() + " s (is the keyring locked?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SecretStoreException("Interrupted while trying to " + verb + " the key in the Secret Service");
        }
    }

    private static SecretStoreException failure(String verb, String ref, Commands.Result r) {
        // stderr is secret-tool's own message; the secret only ever went to its stdin.
        return new SecretStoreException("Could not " + verb + " the key " + ref + " in the Secret Service (exit "
                + r.exit() + (r.err().isBlank() ? "" : ": " + r.err().strip()) + ")");
    }

    @Override
    public String describe() {
        return "Secret Service (secret-tool)";
    }

    @Override
    public String toString() {
        return "SecretToolStore[" + describe() + "]";
    }
}
