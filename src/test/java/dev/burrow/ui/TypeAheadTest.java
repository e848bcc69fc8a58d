package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Type-to-jump's rule: prefixes, repeats, wrapping, and the pause that starts over. */
class TypeAheadTest {

    static final List<String> NAMES = List.of("Engineering", "Marketing", "Product", "Pricing", "loose flag", "Product notes");

    @Test
    void aLetterJumpsToTheNextRowStartingWithIt() {
        TypeAhead t = new TypeAhead();
        assertEquals(2, t.type('p', 0, NAMES, 0));
    }

    @Test
    void moreLettersNarrowWithoutMovingOffAMatchingRow() {
        TypeAhead t = new TypeAhead();
        assertEquals(2, t.type('p', 0, NAMES, -1));
        assertEquals(2, t.type('r', 100, NAMES, 2), "pr: Product still matches");
        assertEquals(3, t.type('i', 200, NAMES, 2), "pri: Pricing");
    }

    @Test
    void theSameLetterAgainStepsThroughTheRowsStartingWithIt() {
        TypeAhead t = new TypeAhead();
        assertEquals(2, t.type('p', 0, NAMES, -1));
        assertEquals(3, t.type('p', 100, NAMES, 2));
        assertEquals(5, t.type('p', 200, NAMES, 3));
        assertEquals(2, t.type('p', 300, NAMES, 5), "wraps to the first");
    }

    @Test
    void aPauseStartsANewPrefixAndCaseDoesNotMatter() {
        TypeAhead t = new TypeAhead();
        assertEquals(1, t.type('M', 0, NAMES, -1));
        assertEquals(4, t.type('L', 5000, NAMES, 1), "after a pause, L alone");
        assertEquals(-1, t.type('z', 10000, NAMES, 4), "nothing starts with z");
    }

    @Test
    void aSpaceBelongsToAPrefixOnlyWhileTyping() {
        TypeAhead t = new TypeAhead();
        assertEquals(false, t.typing(0));
        t.type('p', 0, NAMES, -1);
        assertEquals(true, t.typing(500));
        assertEquals(false, t.typing(5000));
        t.type('r', 600, NAMES, 2);
        t.type('o', 700, NAMES, 2);
        t.type('d', 800, NAMES, 2);
        t.type('u', 900, NAMES, 2);
        t.type('c', 1000, NAMES, 2);
        t.type('t', 1100, NAMES, 2);
        t.type(' ', 1200, NAMES, 2);
        assertEquals(5, t.type('n', 1300, NAMES, 2), "“product n” is Product notes");
    }
}
