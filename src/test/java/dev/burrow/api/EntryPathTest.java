package dev.burrow.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** contract/file_system.md §3 and the pure cases 1–3 of §21. */
class EntryPathTest {

    @Test
    void splitFollowsTheContractExamples() {
        assertEquals(List.of("a", "b"), EntryPath.split("a/b"));
        assertEquals(List.of("a/b", "c"), EntryPath.split("a\\/b/c"));
        assertEquals(List.of("a/b\\", "c"), EntryPath.split("a\\/b\\\\/c"));
        assertEquals(List.of("a\n\t", "b"), EntryPath.split("a\n\t/b"));
        assertEquals(List.of("a"), EntryPath.split("a"));
        assertEquals(List.of(), EntryPath.split(""));
        assertEquals(List.of(), EntryPath.split("///"));
        assertEquals(List.of("a", "b"), EntryPath.split("a////b"));
        assertEquals(List.of("a"), EntryPath.split("/a/"));
        assertEquals(List.of("\\/"), EntryPath.split("\\\\\\/"));
    }

    @Test
    void piecesEndAfterEachSeparatorAndJoinBackToThePath() {
        assertEquals(List.of("Engineering/", "Data/", "Webhook to CRM"),
                EntryPath.piecesAfterSeparators("Engineering/Data/Webhook to CRM"));
        assertEquals(List.of("a\\/b/", "c"), EntryPath.piecesAfterSeparators("a\\/b/c"), "an escaped slash is no cut");
        assertEquals(List.of("a\\\\/", "b"), EntryPath.piecesAfterSeparators("a\\\\/b"), "an escaped backslash ends before a cut");
        assertEquals(List.of("/", "a/", "/", "b/"), EntryPath.piecesAfterSeparators("/a//b/"));
        assertEquals(List.of("a\\"), EntryPath.piecesAfterSeparators("a\\"));
        assertEquals(List.of(), EntryPath.piecesAfterSeparators(""));
        for (String path : List.of("a\\/b\\\\/c", "x//y\\", "Design/Research/Interviews \\\\ notes")) {
            assertEquals(path, String.join("", EntryPath.piecesAfterSeparators(path)), path);
        }
    }

    @Test
    void aLoneBackslashStaysLiteral() {
        assertEquals(List.of("a\\b"), EntryPath.split("a\\b"));
        assertEquals(List.of("a\\"), EntryPath.split("a\\"));
    }

    @Test
    void escapeFollowsTheContractExamples() {
        assertEquals("", EntryPath.escape(""));
        assertEquals("abc", EntryPath.escape("abc"));
        assertEquals("a\\/b", EntryPath.escape("a/b"));
        assertEquals("a\\\\b", EntryPath.escape("a\\b"));
        assertEquals("a\\/b\\\\c", EntryPath.escape("a/b\\c"));
        assertEquals("\\\\\\/", EntryPath.escape("\\/"));
        assertEquals("Hello: World", EntryPath.escape("Hello: World"));
        assertEquals("Hello, World!", EntryPath.escape("Hello, World!"));
        assertEquals("Hello\\\\\\/World", EntryPath.escape("Hello\\/World"));
    }

    @Test
    void joinFollowsTheContractExamples() {
        assertEquals("a/b", EntryPath.join(List.of("a", "b")));
        assertEquals("one/two/three", EntryPath.join(List.of("one", "two", "three")));
        assertEquals("a\\/b/c\\\\d", EntryPath.join(List.of("a/b", "c\\d")));
        assertEquals("", EntryPath.join(List.of()));
    }

    @Test
    void depthCountsSegments() {
        assertEquals(1, EntryPath.depth("Documents"));
        assertEquals(3, EntryPath.depth("Folder/Subfolder/File"));
        assertEquals(3, EntryPath.depth("Unfiled/Feature Flags/Flag \\/ With Slash"));
    }

    @Test
    void parentLeafAndAncestors() {
        assertEquals("Unfiled/Feature Flags", EntryPath.parent("Unfiled/Feature Flags/Flag \\/ With Slash"));
        assertEquals("Flag / With Slash", EntryPath.leaf("Unfiled/Feature Flags/Flag \\/ With Slash"));
        assertEquals("", EntryPath.parent("Top"));
        assertEquals(List.of("a", "a/b"), EntryPath.ancestors("a/b/c"));
        assertEquals("Marketing/Q1 \\/ Q2", EntryPath.child("Marketing", "Q1 / Q2"));
    }

    @Test
    void unescapeShowsNamesAsTheWebUiDoes() {
        assertEquals("go/revenue", EntryPath.unescape("go\\/revenue"));
        assertEquals("a\\b", EntryPath.unescape("a\\\\b"));
    }

    @Test
    void belowUsesTheStringPrefixRule() {
        assertTrue(EntryPath.isBelow("Foo/Bar", "Foo"));
        assertFalse(EntryPath.isBelow("Foo\\/Bar", "Foo"));
        assertFalse(EntryPath.isBelow("Foo", "Foo"));
    }
}
