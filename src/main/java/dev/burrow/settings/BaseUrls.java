package dev.burrow.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks and normalises the base URL of a self-hosted PostHog. Messages are for the user and
 * never echo the whole address (it might contain a password in its user-info part).
 */
public final class BaseUrls {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private BaseUrls() {
    }

    /**
     * The address in canonical form: lower-case scheme and host, no trailing slash.
     *
     * @param allowInsecureHttp the user explicitly accepted plain {@code http://} to a host that
     *        isn't this machine
     * @throws InvalidSettingException with a message saying what is wrong
     */
    public static String normalize(String url, boolean allowInsecureHttp) {
        if (url == null || url.isBlank()) {
            throw new InvalidSettingException("Enter the server address, for example https://posthog.example.com");
        }
        String text = url.strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidSettingException("The server address is not a valid URL (" + e.getReason()
                    + "); enter it as https://host[:port][/path]");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null) {
            throw new InvalidSettingException("The server address must start with https://");
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new InvalidSettingException(
                    "The server address must use https:// (or http:// for this machine), not " + scheme + "://");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidSettingException(
                    "The server address must not contain a user name or password; the API key has its own field");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new InvalidSettingException("The server address has no host name; enter it as https://host[:port]");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidSettingException("The server address must not contain a ?query or #fragment");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !isLoopback(host) && !allowInsecureHttp) {
            throw new InvalidSettingException("Plain http:// would send your API key unencrypted to " + host
                    + "; use https://, or explicitly allow insecure http for this server");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return scheme + "://" + host + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + path;
    }

    /** The reason {@link #normalize} would refuse the address, for live validation in a dialog. */
    public static Optional<String> problem(String url, boolean allowInsecureHttp) {
        try {
            normalize(url, allowInsecureHttp);
            return Optional.empty();
        } catch (InvalidSettingException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** {@code localhost}, {@code *.localhost}, {@code 127.0.0.0/8} and {@code ::1}, by their literal form (no DNS). */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || IPV4_LOOPBACK.matcher(h).matches()
                || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }
}
