package dev.burrow.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeFileNameTest {

    @Test
    void ordinaryNamesAreKept() {
        assertEquals("export-dash-2024-01-02-030405.png", SafeFileName.of("export-dash-2024-01-02-030405.png", "x"));
        assertEquals("naïve report.csv", SafeFileName.of("naïve report.csv", "x"));
    }

    @Test
    void pathsKeepOnlyTheirLastName() {
        assertEquals("passwd", SafeFileName.of("../../etc/passwd", "x"));
        assertEquals("evil.txt", SafeFileName.of("/abs/evil.txt", "x"));
        assertEquals("x.txt", SafeFileName.of("C:\\Windows\\x.txt", "f"));
        assertEquals("C_x.txt", SafeFileName.of("C:x.txt", "f"));
        assertEquals("share.csv", SafeFileName.of("\\\\server\\share.csv", "f"));
    }

    @Test
    void controlAndReservedCharactersGo() {
        assertEquals("ab.csv", SafeFileName.of("a\u0000b.csv", "x"));
        assertEquals("a b.csv", SafeFileName.of("a\tb.csv", "x"));
        assertEquals("a_b_c_.csv", SafeFileName.of("a<b>c?.csv", "x"));
        assertEquals("txt.exe", SafeFileName.of("\u202etxt.exe", "x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CON", "con.txt", "PRN.csv", "AUX", "NUL.png", "COM1.csv", "lpt9", "COM¹.txt"})
    void deviceNamesArePrefixed(String name) {
        assertEquals("_" + name, SafeFileName.of(name, "x"));
    }

    @Test
    void emptyOrDotsOnlyFallsBack() {
        assertEquals("export.csv", SafeFileName.of("", "export.csv"));
        assertEquals("export.csv", SafeFileName.of(null, "export.csv"));
        assertEquals("export.csv", SafeFileName.of("..", "export.csv"));
        assertEquals("export.csv", SafeFileName.of("../", "export.csv"));
        assertEquals("download", SafeFileName.of(" . ", "/"));
    }

    @Test
    void trailingDotsAndSpacesAndLeadingDotsGo() {
        assertEquals("report.csv", SafeFileName.of("report.csv. . ", "x"));
        assertEquals("bashrc", SafeFileName.of(".bashrc", "x"));
    }

    @Test
    void overlongNamesAreCutKeepingTheExtension() {
        String name = "é".repeat(300) + ".xlsx";
        String safe = SafeFileName.of(name, "x");
        assertTrue(safe.endsWith(".xlsx"));
        assertTrue(safe.getBytes(StandardCharsets.UTF_8).length <= SafeFileName.MAX_BYTES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "..\\..\\x", "/etc/x", "C:\\x", "x/../../y", "\u0000", "..", ".", "~/x", "a/./b"})
    void neverLeavesTheFolder(String raw) {
        Path folder = Path.of("/tmp/chosen");
        Path target = folder.resolve(SafeFileName.of(raw, "fallback"));
        assertEquals(folder, target.normalize().getParent());
        assertFalse(target.getFileName().toString().startsWith("."));
    }

    @Test
    void numberedAlternativesKeepTheExtension() {
        assertEquals("report (1).csv", SafeFileName.numbered("report.csv", 1));
        assertEquals("README (2)", SafeFileName.numbered("README", 2));
    }

    @Test
    void contentDispositionPrefersTheExtendedForm() {
        assertEquals("naïve.csv", ContentDisposition.fileName(
                "attachment; filename=\"naive.csv\"; filename*=UTF-8''na%C3%AFve.csv"));
        assertEquals("a \"b\".csv", ContentDisposition.fileName("attachment; filename=\"a \\\"b\\\".csv\""));
        assertEquals("plain.png", ContentDisposition.fileName("attachment;filename=plain.png"));
        assertEquals(null, ContentDisposition.fileName("inline"));
        assertEquals("x.csv", ContentDisposition.fileName("attachment; filename*=UTF-8''%ZZ; filename=x.csv"));
    }
}
