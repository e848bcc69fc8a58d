package dev.burrow.exports;

import java.nio.file.Path;

/** Where an export job stands. */
public sealed interface ExportState {

    /** A short word for the state, for lists and the command line. */
    String label();

    record Creating() implements ExportState {
        @Override
        public String label() {
            return "creating";
        }
    }

    /** The server is rendering; {@code exportId} is known. */
    record Rendering(long exportId, long polls) implements ExportState {
        @Override
        public String label() {
            return "rendering";
        }
    }

    /** The server has the file; it was not downloaded here (yet). */
    record Ready(long exportId) implements ExportState {
        @Override
        public String label() {
            return "ready to download";
        }
    }

    /** Bytes arriving; {@code total} is -1 when unknown. */
    record Downloading(long exportId, long bytes, long total) implements ExportState {
        @Override
        public String label() {
            return "downloading";
        }

        public double fraction() {
            return total > 0 ? Math.min(1.0, (double) bytes / total) : -1;
        }
    }

    record Saved(long exportId, Path file, long bytes) implements ExportState {
        @Override
        public String label() {
            return "ready";
        }
    }

    /** The server's failure text (its {@code exception}), or what went wrong on the way. */
    record Failed(Long exportId, String message) implements ExportState {
        @Override
        public String label() {
            return "failed";
        }
    }

    record Cancelled(Long exportId) implements ExportState {
        @Override
        public String label() {
            return "cancelled";
        }
    }

    default boolean isFinal() {
        return this instanceof Saved || this instanceof Failed || this instanceof Cancelled;
    }
}
