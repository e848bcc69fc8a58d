package dev.burrow.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;

/**
 * All connection profiles and which one is active; immutable. The local workspace profile is
 * always there (added first if missing) and can't be removed; names are unique ignoring case; an
 * unknown active name falls back to the local workspace.
 */
public record ProfileSet(List<ConnectionProfile> profiles, String active) {

    public ProfileSet {
        List<ConnectionProfile> list = new ArrayList<>();
        Set<String> names = new HashSet<>();
        boolean hasLocal = false;
        for (ConnectionProfile p : profiles == null ? List.<ConnectionProfile>of() : profiles) {
            if (p == null) {
                continue;
            }
            if (p.isLocal()) {
                if (hasLocal) {
                    throw new InvalidSettingException("There can be only one local workspace connection");
                }
                hasLocal = true;
            }
            if (!names.add(key(p.name()))) {
                throw new InvalidSettingException("There is already a connection named \u201c" + p.name() + "\u201d");
            }
            list.add(p);
        }
        if (!hasLocal) {
            ConnectionProfile local = ConnectionProfile.localWorkspace();
            if (names.contains(key(local.name()))) {
                throw new InvalidSettingException("The name \u201c" + local.name() + "\u201d is kept for the local workspace");
            }
            list.add(0, local);
        }
        profiles = List.copyOf(list);
        String wanted = active;
        active = list.stream().filter(p -> wanted != null && p.name().equals(wanted)).findFirst()
                .or(() -> list.stream().filter(ConnectionProfile::isLocal).findFirst()).orElseThrow().name();
    }

    /** Only the local workspace, active. */
    public static ProfileSet defaults() {
        return new ProfileSet(List.of(), null);
    }

    public Optional<ConnectionProfile> find(String name) {
        return profiles.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public ConnectionProfile activeProfile() {
        return find(active).orElseThrow();
    }

    public ConnectionProfile local() {
        return profiles.stream().filter(ConnectionProfile::isLocal).findFirst().orElseThrow();
    }

    /** Adds {@code profile}, or replaces the profile of the same name. */
    public ProfileSet with(ConnectionProfile profile) {
        return replace(profile.name(), profile);
    }

    /**
     * Replaces the profile named {@code oldName} by {@code profile} (a rename when the names
     * differ), or adds it when there is none; the active choice follows a rename.
     */
    public ProfileSet replace(String oldName, ConnectionProfile profile) {
        List<ConnectionProfile> list = new ArrayList<>(profiles);
        int i = indexOf(oldName);
        if (i >= 0) {
            if (list.get(i).isLocal() != profile.isLocal()) {
                throw new InvalidSettingException("The local workspace connection can't change its kind");
            }
            list.set(i, profile);
        } else {
            list.add(profile);
        }
        return new ProfileSet(list, active.equals(oldName) ? profile.name() : active);
    }

    /** Removes the named profile; the local workspace can't be removed. */
    public ProfileSet without(String name) {
        int i = indexOf(name);
        if (i < 0) {
            return this;
        }
        if (profiles.get(i).isLocal()) {
            throw new InvalidSettingException("The local workspace connection can't be deleted");
        }
        List<ConnectionProfile> list = new ArrayList<>(profiles);
        list.remove(i);
        return new ProfileSet(list, active);
    }

    public ProfileSet withActive(String name) {
        if (indexOf(name) < 0) {
            throw new InvalidSettingException("There is no connection named \u201c" + name + "\u201d");
        }
        return new ProfileSet(profiles, name);
    }

    private int indexOf(String name) {
        for (int i = 0; i < profiles.size(); i++) {
            if (profiles.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
