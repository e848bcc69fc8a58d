package dev.burrow.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.Semaphore;

/**
 * How much of the machine a long listing may take. Pages are fetched several at once (more over
 * a real network, where each waits a round trip; fewer from a server on this machine, which needs
 * the same cores), but at most (cores − 1) answers are decoded at the same time, so that the
 * window's thread always finds a core while a large tree loads.
 */
final class PageConcurrency {

    /** Pages in flight from a server on this machine: one being answered while the last is decoded. */
    static final int LOCAL = 2;
    /** Pages in flight over a network: enough to hide a round trip of ~100 ms behind the decoding. */
    static final int REMOTE = 8;

    private static final Semaphore DECODERS = new Semaphore(decoders(Runtime.getRuntime().availableProcessors()));

    private PageConcurrency() {
    }

    /** The decoders that may run at once on a machine with this many cores: all but one, at least one. */
    static int decoders(int cores) {
        return Math.max(1, cores - 1);
    }

    static int forBaseUrl(String baseUrl) {
        return isLocal(baseUrl) ? LOCAL : REMOTE;
    }

    /** True for a loopback host (named or numeric); never resolves a name over the network. */
    static boolean isLocal(String baseUrl) {
        String host;
        try {
            host = URI.create(baseUrl).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.startsWith("[")) {
            return false; // a name: not looked up here
        }
        try {
            return InetAddress.getByName(h.startsWith("[") ? h.substring(1, h.length() - 1) : h).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    interface Decoding<T> {
        T decode() throws IOException;
    }

    /** Decodes under the machine-wide limit of decoders. */
    static <T> T decode(Decoding<T> work) throws IOException {
        DECODERS.acquireUninterruptibly();
        try {
            return work.decode();
        } finally {
            DECODERS.release();
        }
    }
}
