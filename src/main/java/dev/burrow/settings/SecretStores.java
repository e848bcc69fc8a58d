package dev.burrow.settings;

import java.nio.file.Path;
import java.util.Locale;

/** Picks where API keys go on this machine. */
public final class SecretStores {

    private SecretStores() {
    }

    /**
     * The OS keychain where one answers (macOS keychain; on Linux and other Unixes the Secret
     * Service through {@code secret-tool}), else {@link FileSecretStore} in {@code configDir}.
     * Windows uses the file store (with an owner-only ACL): the Credential Manager can't be read
     * back from {@code cmdkey} or stock PowerShell without native code. Probing can take a few
     * seconds when a keychain hangs, so call this off the FX thread.
     */
    public static SecretStore best(Path configDir) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac") || os.contains("darwin")) {
            MacKeychainStore mac = new MacKeychainStore();
            if (mac.isAvailable()) {
                return mac;
            }
        } else if (!os.contains("win")) {
            SecretToolStore tool = new SecretToolStore();
            if (tool.isAvailable()) {
                return tool;
            }
        }
        return new FileSecretStore(configDir);
    }
}
