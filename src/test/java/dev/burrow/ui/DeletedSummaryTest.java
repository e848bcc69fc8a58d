package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.burrow.api.DeletedObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeletedSummaryTest {

    private static DeletedObject d(String type, boolean canUndo) {
        return new DeletedObject(type, "1", canUndo ? "soft" : "hard", "", "p", canUndo);
    }

    @Test
    void countsDeletedObjectsByTypeAsPostHogsToastDoes() {
        assertEquals("Deleted 2 dashboards and 1 insight. Ctrl+Z restores them.",
                DeletePlan.doneSentence(List.of(d("dashboard", true), d("insight", true), d("dashboard", true)), 0, 0));
        assertEquals("Deleted 1 early access feature. This can't be undone.",
                DeletePlan.doneSentence(List.of(d("early_access_feature", false)), 0, 0));
        assertEquals("Deleted. Ctrl+Z puts it back.", DeletePlan.doneSentence(List.of(), 0, 0));
        assertEquals("Deleted 1 dashboard. Ctrl+Z restores it.", DeletePlan.doneSentence(List.of(d("dashboard", true)), 0, 0));
        assertEquals("Deleted 1 dashboard and 1 survey. Ctrl+Z restores all but 1 that can't be restored.",
                DeletePlan.doneSentence(List.of(d("dashboard", true), d("survey", false)), 0, 0));
    }

    @Test
    void namesTheFoldersAndLinksThatWentWithTheObjects() {
        // Deleting "Leadership": the server lists 1 dashboard; 3 folders and 4 links went too.
        assertEquals("Deleted 1 dashboard, 3 folders and 4 links. Ctrl+Z restores them.",
                DeletePlan.doneSentence(List.of(d("dashboard", true)), 3, 4));
        assertEquals("Deleted 1 folder. Ctrl+Z restores it.", DeletePlan.doneSentence(List.of(), 1, 0));
        assertEquals("Deleted 1 survey and 1 folder. Ctrl+Z restores all but 1 that can't be restored.",
                DeletePlan.doneSentence(List.of(d("survey", false)), 1, 0));
    }
}
