package dev.burrow.settings;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Profiles and their API keys together, for the connection dialog and the CLI: saving a profile
 * with a key puts the key in the {@link SecretStore} and only its ref in {@code profiles.json};
 * deleting a profile deletes its key. Thread-safe; does disk and keychain I/O, so call it off the
 * FX thread.
 */
public final class Connections {

    private final ProfileStore store;
    private final SecretStore secrets;
    private ProfileSet profiles;
    private final Optional<String> loadProblem;

    public Connections(ProfileStore store, SecretStore secrets) {
        this.store = store;
        this.secrets = secrets;
        Loaded<ProfileSet> loaded = store.load();
        this.profiles = loaded.value();
        this.loadProblem = loaded.problem();
    }

    /** The profiles in {@code configDir} with the best secret store of this machine. */
    public static Connections open(Path configDir) {
        return new Connections(new ProfileStore(configDir), SecretStores.best(configDir));
    }

    public synchronized ProfileSet profiles() {
        return profiles;
    }

    public synchronized ConnectionProfile active() {
        return profiles.activeProfile();
    }

    /** Why the profiles file couldn't be read at start (it was kept aside), to show the user once. */
    public Optional<String> loadProblem() {
        return loadProblem;
    }

    public SecretStore secrets() {
        return secrets;
    }

    /**
     * Adds or replaces (by {@code oldName}, or by the profile's own name when {@code oldName} is
     * null) a profile. With a non-null {@code apiKey} the key is stored first, under the profile's
     * secret ref or a new one; a null key keeps the stored one.
     */
    public synchronized ConnectionProfile save(String oldName, ConnectionProfile profile, String apiKey) {
        ConnectionProfile p = profile;
        if (apiKey != null) {
            if (p.isLocal()) {
                throw new InvalidSettingException("The local workspace makes its own key at each start");
            }
            String key = apiKey.strip();
            if (key.isEmpty()) {
                throw new InvalidSettingException("Enter the personal API key");
            }
            String ref = p.secretRef() != null ? p.secretRef() : ConnectionProfile.newSecretRef();
            secrets.put(ref, key);
            p = p.withSecretRef(ref);
        }
        ProfileSet next = profiles.replace(oldName == null ? p.name() : oldName, p);
        store.save(next);
        profiles = next;
        return p;
    }

    /** Removes a profile and then its key. The local workspace can't be deleted. */
    public synchronized void delete(String name) {
        Optional<ConnectionProfile> old = profiles.find(name);
        ProfileSet next = profiles.without(name);
        store.save(next);
        profiles = next;
        old.map(ConnectionProfile::secretRef).ifPresent(secrets::delete);
    }

    public synchronized void activate(String name) {
        ProfileSet next = profiles.withActive(name);
        store.save(next);
        profiles = next;
    }

    /** The stored key of a profile; empty for the local workspace or when none was stored. */
    public Optional<String> apiKey(ConnectionProfile profile) {
        return profile.secretRef() == null ? Optional.empty() : secrets.get(profile.secretRef());
    }

    @Override
    public String toString() {
        return "Connections[" + store + ", secrets in " + secrets.describe() + "]";
    }
}
