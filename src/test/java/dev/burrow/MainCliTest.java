package dev.burrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Main hands the CLI verbs to dev.burrow.cli and lists them in its help. */
class MainCliTest {

    @Test
    void verbsAreDispatchedToTheCli() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(0, Main.run(new String[] {"ls", "--help"}, o, e));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("burrow ls [PATH] [-R] [--json]"));
        out.reset();
        assertEquals(0, Main.run(new String[] {"--help"}, o, e));
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("burrow serve") && help.contains("burrow export (--dashboard"), help);
        assertEquals(2, Main.run(new String[] {"mv", "--bogus"}, o, e), "a usage error");
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option '--bogus'"));
    }
}
