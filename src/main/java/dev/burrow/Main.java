package dev.burrow;

import dev.burrow.cli.Cli;
import dev.burrow.server.ServeCommand;
import dev.burrow.settings.Connections;
import java.io.PrintStream;
import java.util.Arrays;

/** Entry point: no arguments open the window, {@code serve} runs the local server, other verbs the CLI. */
public final class Main {

    static final String USAGE = """
            Burrow %s — a desktop file browser for PostHog's project tree.

            Usage:
              burrow                      open the window on the local workspace
              burrow serve [options]      run the local workspace server headless
              burrow VERB [options]       work on a project tree from the command line (the local
                                          workspace unless a connection is given)
              burrow --help               show this help
              burrow --version            show the version

            Run `burrow serve --help` for the server's options.

            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command line and returns the exit code; the window case returns when it closes. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            dev.burrow.ui.BurrowApp.launchWindow(args, LocalWorkspace::startDefault, Version.current());
            return 0;
        }
        String verb = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (verb) {
            case "--help", "-h", "help" -> {
                out.printf(USAGE, Version.current());
                out.print(Cli.help());
                return 0;
            }
            case "--version", "-V", "version" -> {
                out.println("burrow " + Version.current());
                return 0;
            }
            case "serve" -> {
                return new ServeCommand(out, err).run(rest);
            }
            default -> {
                if (Cli.isVerb(verb)) {
                    return new Cli(System.getenv(), Connections::open, LocalWorkspace::startDefault).run(verb, rest, out, err);
                }
                err.println("burrow: unknown command '" + verb + "'. Run `burrow --help`.");
                return Cli.EXIT_USAGE;
            }
        }
    }
}
