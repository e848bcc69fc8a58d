package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Completions of PostHog's search language, and the unknown type: check. */
class SearchLanguageTest {

    static final List<String> FOLDERS = List.of("Marketing", "Marketing/Campaigns", "Product", "Product/Q1 plans");
    static final List<String> USERS = List.of("me", "ana@example.com", "Ana", "Bo");

    @Test
    void aBareWordCompletesToAField() {
        assertEquals(List.of("retention type:"), SearchLanguage.complete("retention ty", FOLDERS, USERS));
        assertEquals(List.of("-path:"), SearchLanguage.complete("-pa", FOLDERS, USERS));
    }

    @Test
    void typeValuesComeFromPostHogsTypes() {
        assertEquals(List.of("type:insight"), SearchLanguage.complete("type:ins", FOLDERS, USERS));
        assertTrue(SearchLanguage.complete("type:", FOLDERS, USERS).contains("type:feature_flag"));
        assertTrue(SearchLanguage.complete("type:dest", FOLDERS, USERS).contains("type:destination"),
                "a hog function's short kind");
    }

    @Test
    void pathValuesAreTheIndexsFoldersQuotedWhenTheyHaveSpaces() {
        assertEquals(List.of("path:Marketing/Campaigns"), SearchLanguage.complete("path:marketing/", FOLDERS, USERS));
        assertEquals(List.of("funnel path:\"Product/Q1 plans\""), SearchLanguage.complete("funnel path:Product/Q", FOLDERS,
                USERS));
        assertEquals(List.of("path:Marketing/Campaigns"), SearchLanguage.complete("path:camp", FOLDERS, USERS),
                "a folder that contains the text, not only starts with it");
    }

    @Test
    void userValuesAreTheIndexsPeople() {
        assertEquals(List.of("user:ana@example.com", "user:Ana"), SearchLanguage.complete("user:an", FOLDERS, USERS));
        assertEquals(List.of(), SearchLanguage.complete("user:an ", FOLDERS, USERS), "a finished word completes nothing");
    }

    @Test
    void anUnknownTypeIsSaidAndAKnownOneIsFine() {
        assertEquals("There is no type “insights”. Did you mean insight?",
                SearchLanguage.problem("retention type:insights").orElseThrow());
        assertTrue(SearchLanguage.problem("type:insight -type:dashboard type:hog_function/").isEmpty());
        assertTrue(SearchLanguage.problem("type:destination").isEmpty());
        assertTrue(SearchLanguage.problem("type:zzz").orElseThrow().startsWith("There is no type “zzz”."));
    }
}
