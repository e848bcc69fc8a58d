package dev.burrow.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The canonical fast paths answer exactly what splitting and joining answers. */
class EntryPathCanonicalTest {

    private static List<String> slowAncestors(String path) {
        List<String> names = EntryPath.split(path);
        List<String> out = new ArrayList<>();
        for (int i = 1; i < names.size(); i++) {
            out.add(EntryPath.join(names.subList(0, i)));
        }
        return out;
    }

    private static void same(String p) {
        List<String> names = EntryPath.split(p);
        String canonical = EntryPath.join(names);
        assertEquals(canonical.equals(p), EntryPath.isCanonical(p), "isCanonical of [" + p + "]");
        assertEquals(canonical, EntryPath.normalize(p), "normalize of [" + p + "]");
        assertEquals(names.size(), EntryPath.depth(p), "depth of [" + p + "]");
        assertEquals(names.size() <= 1 ? "" : EntryPath.join(names.subList(0, names.size() - 1)), EntryPath.parent(p),
                "parent of [" + p + "]");
        assertEquals(names.isEmpty() ? "" : names.get(names.size() - 1), EntryPath.leaf(p), "leaf of [" + p + "]");
        assertEquals(slowAncestors(p), EntryPath.ancestors(p), "ancestors of [" + p + "]");
    }

    @Test
    void randomPathsOfSlashesBackslashesAndLettersAgree() {
        Random r = new Random(42);
        char[] alphabet = {'a', 'B', '/', '\\', ' ', 'é'};
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(12);
            for (int j = 0; j < len; j++) {
                sb.append(alphabet[r.nextInt(alphabet.length)]);
            }
            same(sb.toString());
        }
    }

    @Test
    void typicalPathsTakeTheFastPathAndKeepTheirString() {
        for (String p : List.of("", "a", "Marketing/Campaigns/Launch funnel", "Q1 \\/ Q2/x", "back\\\\slash/y")) {
            assertTrue(EntryPath.isCanonical(p), p);
            assertSame(p, EntryPath.normalize(p), "a canonical path is answered as it is");
            same(p);
        }
        for (String p : List.of("/a", "a/", "a//b", "a\\b", "a\\", "//")) {
            assertFalse(EntryPath.isCanonical(p), p);
            same(p);
        }
        assertEquals(List.of("A", "A/B \\/ C"), EntryPath.ancestors("A/B \\/ C/d"));
        assertEquals("B / C", EntryPath.leaf("A/B \\/ C"));
    }
}
