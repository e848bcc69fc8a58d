package dev.burrow.server;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code burrow serve}: runs the local workspace server until SIGINT or SIGTERM. */
public final class ServeCommand {

    static final String HELP = """
            Usage: burrow serve [--host 127.0.0.1] [--port N] [--data DIR]
                                [--api-key KEY[=SCOPE,SCOPE…]]… [--seed demo|empty|N]
                                [--rate-limit] [--environment ID] [--exports sync|async]

            Runs the local workspace: PostHog's project-tree API on a SQLite file.

              --host HOST         address to bind (default 127.0.0.1)
              --port N            port (default 8010; 0 picks a free one)
              --data DIR          folder of the SQLite store (default: Burrow's data folder)
              --api-key KEY       accept this personal API key; repeatable. KEY=SCOPE,… limits
                                  it to those scopes (file_system:read, file_system:write,
                                  file_system_shortcut:read|write, export:read|write,
                                  insight:read, dashboard:read, query:read, *).
                                  Without any, a key is generated and printed.
              --seed demo|empty|N a new store gets the demo project (default), nothing, or N
                                  synthetic rows
              --rate-limit        enforce PostHog's 480/minute and 4,800/hour per key
              --environment ID    the environment id served (default 1)
              --exports sync|async  sync (default): an export's create answers once its file
                                  is rendered; async: it answers at once with has_content
                                  false and the file is rendered in the background

            Prints `listening on http://HOST:PORT` when ready.
            """;

    private final PrintStream out;
    private final PrintStream err;

    public ServeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String[] args) {
        ServerConfig config;
        boolean generated;
        try {
            String host = "127.0.0.1";
            int port = 8010;
            Path data = DataFolder.defaultPath();
            List<ApiKey> keys = new ArrayList<>();
            String seed = "demo";
            boolean rateLimit = false;
            int environment = 1;
            ServerConfig.ExportRendering exports = ServerConfig.ExportRendering.SYNC;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--help", "-h" -> {
                        out.print(HELP);
                        return 0;
                    }
                    case "--host" -> host = value(args, ++i, a);
                    case "--port" -> port = intValue(args, ++i, a, 0, 65535);
                    case "--data" -> data = Path.of(value(args, ++i, a));
                    case "--api-key" -> keys.add(ApiKey.parse(value(args, ++i, a)));
                    case "--seed" -> {
                        seed = value(args, ++i, a);
                        if (!seed.equals("demo") && !seed.equals("empty")) {
                            intValue(args, i, a, 0, 10_000_000);
                        }
                    }
                    case "--rate-limit" -> rateLimit = true;
                    case "--environment" -> environment = intValue(args, ++i, a, 1, Integer.MAX_VALUE);
                    case "--exports" -> exports = ServerConfig.ExportRendering.parse(value(args, ++i, a));
                    default -> throw new IllegalArgumentException("unknown option '" + a + "'");
                }
            }
            generated = keys.isEmpty();
            if (generated) {
                keys.add(new ApiKey(generateKey(), java.util.Set.of()));
            }
            config = new ServerConfig(host, port, data, keys, seed, rateLimit, environment, exports);
        } catch (IllegalArgumentException e) {
            err.println("burrow serve: " + e.getMessage());
            err.println("Run `burrow serve --help` for the options.");
            return 2;
        }

        System.setProperty("sun.net.httpserver.nodelay", "true");
        LocalServer server;
        try {
            server = LocalServer.start(config);
        } catch (Exception e) {
            err.println("burrow serve: could not start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stop = new CountDownLatch(1);
        // SIGINT and SIGTERM end the wait below, so the store is closed and the exit code is 0.
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> stop.countDown());
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // not on this platform: the shutdown hook still closes the store
            }
        }
        Thread hook = new Thread(server::close, "burrow-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (generated) {
            // Printing a freshly generated key is the point: the user has no other way to learn it.
            out.println("api key: " + config.keys().get(0).secret());
        }
        out.println("listening on " + server.baseUrl());
        out.flush();
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
        return 0;
    }

    /** A key in PostHog's personal-key shape: {@code phx_} and 43 random characters. */
    public static String generateKey() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder("phx_");
        for (int i = 0; i < 43; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int intValue(String[] args, int i, String option, int min, int max) {
        String v = value(args, i, option);
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", not " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not '" + v + "'");
        }
    }
}
