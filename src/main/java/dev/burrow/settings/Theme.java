package dev.burrow.settings;

/** The window theme; {@code SYSTEM} follows the operating system's light/dark setting. */
public enum Theme {
    LIGHT, DARK, SYSTEM
}
