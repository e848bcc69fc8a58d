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
                DeletePlan.doneSentence(List.of(d("dashboard", true), d("insight", true), d("dashboard", true))));
        assertEquals("Deleted 1 early access feature. This can't be undone.",
                DeletePlan.doneSentence(List.of(d("early_access_feature", false))));
        assertEquals("Deleted. Ctrl+Z puts it back.", DeletePlan.doneSentence(List.of()));
        assertEquals("Deleted 1 dashboard. Ctrl+Z restores it.", DeletePlan.doneSentence(List.of(d("dashboard", true))));
        assertEquals("Deleted 1 dashboard and 1 survey. Ctrl+Z restores all but 1 that can't be restored.",
                DeletePlan.doneSentence(List.of(d("dashboard", true), d("survey", false))));
    }
}
