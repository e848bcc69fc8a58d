package dev.burrow.cli;

/** A command that ends with a message on stderr and an exit code (see {@link Cli}). */
final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    static CliException usage(String message) {
        return new CliException(Cli.EXIT_USAGE, message);
    }

    static CliException refused(String message) {
        return new CliException(Cli.EXIT_REFUSED, message);
    }

    static CliException noSuchPath(String path) {
        return refused("no such path '" + path + "'");
    }

    int exitCode() {
        return exitCode;
    }
}
