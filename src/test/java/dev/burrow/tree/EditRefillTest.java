package dev.burrow.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An edit announces only the folders whose children it changed: a view refills those, not every
 * open folder (a move on a 1M-row tree refilled ten open folders, one of 10,000 rows). F5 still
 * announces everything.
 */
class EditRefillTest extends SessionSupport {

    private final List<Set<String>> heard = new ArrayList<>();

    private void listen() {
        session.addListener(new TreeSession.Listener() {
            @Override
            public void foldersChanged(Set<String> folderPaths) {
                heard.add(Set.copyOf(folderPaths));
            }
        });
    }

    private Set<String> allHeard() {
        Set<String> out = new HashSet<>();
        heard.forEach(out::addAll);
        return out;
    }

    @Test
    void aMoveAndItsUndoAnnounceOnlyTheFoldersTheyTouch() {
        openEmpty(true);
        create("Reports/Weekly", "doc-file");
        create("Reports/Daily", "doc-file");
        create("Archive/Old", "doc-file");
        create("Elsewhere/Untouched", "doc-file");
        loadIndex();
        listen();

        ok(MoveOperation.into(List.of(item("Reports/Weekly")), "Archive", journals));
        assertFalse(heard.isEmpty(), "the move was announced");
        assertEquals(Set.of("Reports", "Archive"), allHeard(), "the folder left and the folder entered: " + heard);

        heard.clear();
        assertEquals(null, undo());
        assertEquals(Set.of("Reports", "Archive"), allHeard(), "the undo too: " + heard);
        assertTrue(heard.stream().noneMatch(TreeSession::isEverything));
    }

    @Test
    void aDeleteAnnouncesItsFolderAndARefreshAnnouncesEverything() {
        openEmpty(true);
        object("Reports/Weekly", "dashboard", "3");
        create("Elsewhere/Untouched", "doc-file");
        loadIndex();
        listen();

        ok(DeleteOperation.of(List.of(item("Reports/Weekly"))));
        assertFalse(allHeard().contains("Elsewhere"), "" + heard);
        assertTrue(allHeard().contains("Reports"), "" + heard);
        assertTrue(heard.stream().noneMatch(TreeSession::isEverything), "" + heard);

        heard.clear();
        session.refresh();
        assertTrue(heard.stream().anyMatch(TreeSession::isEverything), "F5 refills every folder: " + heard);
    }
}
