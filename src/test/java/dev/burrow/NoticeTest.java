package dev.burrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The licence and the notices ship in the jar, as the files at the repository's root say them. */
class NoticeTest {

    private static String resource(String name) throws Exception {
        try (InputStream in = NoticeTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name + " is in the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theJarCarriesTheLicenceAndTheNotices() throws Exception {
        assertEquals(Files.readString(Path.of("LICENSE")), resource("/dev/burrow/LICENSE"));
        String notice = resource("/dev/burrow/NOTICE");
        assertEquals(Files.readString(Path.of("NOTICE")), notice);
        assertTrue(Files.readString(Path.of("LICENSE")).contains("Apache License\n                           Version 2.0"));
        // Every library Burrow ships, by the name its build uses (jlink/check-dist.sh checks the image's jars too).
        for (String shipped : List.of("jackson-core", "jackson-annotations", "jackson-databind", "sqlite-jdbc",
                "ikonli-core", "ikonli-javafx", "ikonli-material2-pack", "ikonli-feather-pack", "atlantafx-base",
                "javafx.base", "javafx.graphics", "javafx.controls", "ControlsFX", "OpenJDK")) {
            assertTrue(notice.contains(shipped), shipped);
        }
    }
}
