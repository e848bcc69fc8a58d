package dev.burrow.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code serve --exports sync|async} and the config it builds. */
class ExportsServeFlagTest {

    @Test
    void flagIsDocumentedAndValidated() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ServeCommand cmd = new ServeCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, cmd.run(new String[] {"--help"}));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--exports sync|async"));
        assertEquals(2, cmd.run(new String[] {"--exports", "later"}), "a usage error");
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--exports must be sync or async, not 'later'"));
        assertEquals(2, cmd.run(new String[] {"--exports"}), "a usage error");
    }

    @Test
    void configDefaultsToSyncAndKeepsTheOldConstructor() {
        ServerConfig old = new ServerConfig("127.0.0.1", 0, Path.of("x"), List.of(new ApiKey("k", Set.of())), "empty",
                false, 1);
        assertEquals(ServerConfig.ExportRendering.SYNC, old.exports());
        assertEquals(ServerConfig.ExportRendering.ASYNC, old.withExports(ServerConfig.ExportRendering.ASYNC).exports());
        assertEquals(ServerConfig.ExportRendering.ASYNC, old.withExports(ServerConfig.ExportRendering.ASYNC)
                .withSeed("demo").exports());
        assertEquals(ServerConfig.ExportRendering.ASYNC, ServerConfig.ExportRendering.parse("ASYNC"));
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.ExportRendering.parse(""));
    }
}
