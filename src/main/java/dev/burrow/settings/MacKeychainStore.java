package dev.burrow.settings;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The macOS login keychain through {@code /usr/bin/security}, as generic passwords with service
 * {@code dev.burrow} and account {@code <ref>}.
 *
 * <p>{@code security add-generic-password … -w SECRET} would put the key on the command line, where
 * {@code ps} shows it. Instead the command is written to {@code security -i} (interactive mode) on
 * stdin, so the key never becomes a process argument. That mode has no documented quoting, so only
 * keys made of {@code [A-Za-z0-9._~+/=:@-]} are accepted (PostHog personal API keys are
 * {@code phx_} + letters and digits); anything else is refused with a clear message.
 *
 * <p>Not exercised on macOS in Burrow's CI. {@link #isAvailable()} is a full round trip (store, read
 * back, delete a random probe value), so if the mechanism doesn't work on a machine,
 * {@link SecretStores#best} falls back to the file store instead of losing keys.
 */
public final class MacKeychainStore implements SecretStore {

    static final String SERVICE = "dev.burrow";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._~+/=:@-]{1,1024}");
    /** {@code errSecItemNotFound} as {@code security}'s exit status. */
    private static final int NOT_FOUND = 44;

    private final String executable;
    private final Duration timeout;

    public MacKeychainStore() {
        this("/usr/bin/security", Duration.ofSeconds(30));
    }

    MacKeychainStore(String executable, Duration timeout) {
        this.executable = executable;
        this.timeout = timeout;
    }

    /** True when the keychain stores, returns and deletes a probe value within {@code probeTimeout}. */
    public boolean isAvailable(Duration probeTimeout) {
        MacKeychainStore probe = new MacKeychainStore(executable, probeTimeout);
        String ref = "burrow-probe-" + UUID.randomUUID();
        String value = "probe-" + UUID.randomUUID();
        try {
            probe.put(ref, value);
            boolean ok = probe.get(ref).filter(value::equals).isPresent();
            probe.delete(ref);
            return ok;
        } catch (SettingsException | IllegalArgumentException e) {
            return false;
        }
    }

    public boolean isAvailable() {
        return isAvailable(Duration.ofSeconds(3));
    }

    /** What is written to {@code security -i}: one command line; package-private for tests. */
    static String addCommandLine(String ref, String secret) {
        if (secret == null || !SAFE.matcher(secret).matches()) {
            throw new IllegalArgumentException("This key has characters the macOS keychain bridge can't pass safely "
                    + "(allowed: letters, digits and . _ ~ + / = : @ -)");
        }
        return "add-generic-password -U -s " + SERVICE + " -a " + Commands.checkRef(ref) + " -w " + secret + "\n";
    }

    @Override
    public Optional<String> get(String ref) {
        Commands.Result r = run(List.of(executable, "find-generic-password", "-s", SERVICE, "-a",
                Commands.checkRef(ref), "-w"), null, "read");
        if (r.exit() == 0) {
            return Optional.of(Commands.chompLine(r.out()));
        }
        if (r.exit() == NOT_FOUND) {
            return Optional.empty();
        }
        throw failure("read", ref, r);
    }

    @Override
    public void put(String ref, String secret) {
        Commands.Result r = run(List.of(executable, "-i"), addCommandLine(ref, secret), "store");
        // Interactive mode may exit 0 even when the command failed: read the value back to be sure.
        if (r.exit() != 0 || !get(ref).filter(secret::equals).isPresent()) {
            throw new SecretStoreException("Could not store the key " + ref + " in the macOS keychain (exit "
                    + r.exit() + ")");
        }
    }

    @Override
    public void delete(String ref) {
        Commands.Result r = run(List.of(executable, "delete-generic-password", "-s", SERVICE, "-a",
                Commands.checkRef(ref)), null, "delete");
        if (r.exit() != 0 && r.exit() != NOT_FOUND) {
            throw failure("delete", ref, r);
        }
    }

    private Commands.Result run(List<String> command, String stdin, String verb) {
        try {
            return Commands.run(command, stdin, timeout);
        } catch (IOException e) {
            throw new SecretStoreException("Could not " + verb + " the key in the macOS keychain: " + executable
                    + " could not be run (" + e.getMessage() + ")", e);
        } catch (TimeoutException e) {
            throw new SecretStoreException("Could not " + verb + " the key in the macOS keychain: no answer within "
                    + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SecretStoreException("Interrupted while trying to " + verb + " the key in the macOS keychain");
        }
    }

    private static SecretStoreException failure(String verb, String ref, Commands.Result r) {
        return new SecretStoreException("Could not " + verb + " the key " + ref + " in the macOS keychain (exit "
                + r.exit() + ")");
    }

    @Override
    public String describe() {
        return "macOS keychain (security)";
    }

    @Override
    public String toString() {
        return "MacKeychainStore[" + describe() + "]";
    }
}
