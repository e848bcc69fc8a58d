package dev.burrow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting a command line as the shell does, and writing a completion back as bash inserts it. */
class ShellWordsTest {

    private static List<String> values(String line) {
        return ShellWords.split(line).stream().map(ShellWords.Word::value).toList();
    }

    @Test
    void wordsAreSplitOnBlanksOutsideQuotes() {
        assertEquals(List.of("burrow", "ls", "Customer Success/Q1 \\/ Q2"),
                values("burrow ls 'Customer Success/Q1 \\/ Q2'"));
        assertEquals(List.of("burrow", "ls", "Customer Success/Q1 \\/ Q2"),
                values("burrow  ls Customer\\ Success/Q1\\ \\\\/\\ Q2"));
        assertEquals(List.of("burrow", "ls", "a \"b\" \\c"), values("burrow ls \"a \\\"b\\\" \\c\""));
        // a blank at the end starts a new, empty word; an open quote keeps the word going
        assertEquals(List.of("burrow", "ls", ""), values("burrow ls "));
        assertEquals(List.of("burrow", "ls", "Mar ket"), values("burrow ls 'Mar ket"));
        assertEquals("'Mar ket", ShellWords.split("burrow ls 'Mar ket").get(2).raw());
        assertEquals(List.of(""), values(""));
    }

    @Test
    void bashGetsTheCompletionQuotedTheWayTheWordWasStarted() {
        String path = "Customer Success/Q1 \\/ Q2/";
        assertEquals("Customer\\ Success/Q1\\ \\\\/\\ Q2/", CompletionCommand.forBash("Cus", path, ":="));
        assertEquals(path, CompletionCommand.forBash("'Cus", path, ":="));
        assertEquals("Customer Success/Q1 \\\\/ Q2/", CompletionCommand.forBash("\"Cus", path, ":="));
        assertEquals("It'\\''s/", CompletionCommand.forBash("'It", "It's/", ":="));
        // bash replaces only what follows the last word break (':' here)
        assertEquals("b\\ c/", CompletionCommand.forBash("Ops:b", "Ops:b c/", ":="));
        assertEquals("Local\\ workspace", CompletionCommand.forBash("--profile=Lo", "--profile=Local workspace", ":="));
        // a completion that does not extend what was typed before the break can't be inserted
        assertNull(CompletionCommand.forBash("Ops:b", "Other:b/", ":="));
    }
}
