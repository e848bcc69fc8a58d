package dev.burrow.ui;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import dev.burrow.tree.TreeSession;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.PopupWindow;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;

/**
 * The search field: ControlsFX's clearable field, completing PostHog's search language as one
 * types ({@link SearchLanguage}); Down moves into the results; a {@code type:} no row can have
 * is said, not searched; the status sentence of a search goes when the search is cleared.
 */
final class SearchAssist {

    /** The status sentences a search leaves, which no longer apply once it is cleared. */
    private static final Pattern SEARCH_SENTENCE = Pattern.compile("^(No|[\\d,]+) match(es)? for “.*”\\.$|^There is no type “.*");

    private final MainViewModel vm;
    private final TextField field = TextFields.createClearableTextField();
    private AutoCompletionBinding<String> completion;
    private volatile List<String> folders = List.of();
    private volatile List<String> users = List.of();
    private boolean vocabularyStale = true;

    SearchAssist(MainViewModel vm) {
        this.vm = vm;
        field.getStyleClass().add("search-field");
        vm.tree().rowsVersionProperty().addListener((o, a, b) -> vocabularyStale = true);
        field.textProperty().addListener((o, a, t) -> {
            if (vocabularyStale && t != null && (t.contains("path:") || t.contains("user:") || t.contains("author:"))) {
                readVocabulary();
            }
        });
        // The provider runs on ControlsFX's own thread: it reads only the immutable lists above.
        completion = TextFields.bindAutoCompletion(field,
                request -> SearchLanguage.complete(request.getUserText(), folders, users));
        completion.setVisibleRowCount(8);
    }

    TextField field() {
        return field;
    }

    /**
     * Down from the field moves into the results (unless the completion list is open), onto the
     * first match: the folders above it only show where the matches are. Where the results still
     * hold the row chosen before the search, Down lands on that row, shown, and the next arrow key
     * moves on from it: the results replaced the tree's lines under the focus, which stayed on
     * whatever line now sits where it was (Down then chose a row far from the highlighted one).
     */
    void downInto(TreeView<Row> tree) {
        field.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && !completionShowing()) {
                tree.requestFocus();
                int chosen = tree.getSelectionModel().getSelectedIndex();
                if (chosen >= 0) {
                    if (tree.getFocusModel().getFocusedIndex() != chosen) {
                        tree.getFocusModel().focus(chosen);
                    }
                    ScrollAnchor.show(tree, chosen);
                } else if (tree.getExpandedItemCount() > 0) {
                    int first = firstMatch(tree);
                    tree.getSelectionModel().select(first);
                    tree.scrollTo(first);
                }
                e.consume();
            }
        });
    }

    /** The first line that is a row of its own (not a folder shown only as a match's context); else 0. */
    private static int firstMatch(TreeView<Row> tree) {
        for (int i = 0, n = tree.getExpandedItemCount(); i < n; i++) {
            javafx.scene.control.TreeItem<Row> item = tree.getTreeItem(i);
            dev.burrow.tree.TreeNode node = item == null || item.getValue() == null ? null : item.getValue().treeNode();
            if (node != null && !(node instanceof dev.burrow.tree.TreeNode.Folder f && f.isSynthetic())) {
                return i;
            }
        }
        return 0;
    }

    boolean completionShowing() {
        PopupWindow popup = completion.getAutoCompletionPopup();
        return popup != null && popup.isShowing();
    }

    /** Runs a search of the field's text (debounced by the caller); a blank text clears it and its sentence. */
    void search(String text) {
        if (text == null || text.isBlank()) {
            vm.tree().search(null);
            String said = vm.statusProperty().get();
            if (said != null && SEARCH_SENTENCE.matcher(said).find()) {
                vm.statusMessage("");
            }
            return;
        }
        Optional<String> problem = SearchLanguage.problem(text);
        if (problem.isPresent()) {
            // "type:ins" is a word still being typed while it has completions: wait for it.
            vm.statusMessage(SearchLanguage.complete(text, folders, users).isEmpty() ? problem.get() : "");
            return;
        }
        vm.tree().search(text);
    }

    /** The index's folder paths and user names, for {@code path:} and {@code user:}. */
    private void readVocabulary() {
        vocabularyStale = false;
        TreeSession s = vm.session();
        if (s == null) {
            return;
        }
        TreeSet<String> f = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        TreeSet<String> u = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        u.add("me");
        for (FileSystemEntry r : s.index().rows()) {
            String path = EntryPath.normalize(r.path());
            if (r.isFolder()) {
                f.add(path);
            } else if (!EntryPath.parent(path).isEmpty()) {
                f.add(EntryPath.parent(path));
            }
            if (r.createdBy() != null) {
                String email = r.createdBy().path("email").asText("");
                String first = r.createdBy().path("first_name").asText("");
                if (!email.isBlank()) {
                    u.add(email);
                }
                if (!first.isBlank()) {
                    u.add(first);
                }
            }
        }
        folders = List.copyOf(f);
        users = List.copyOf(u);
    }
}
