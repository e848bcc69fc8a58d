package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.exports.ExportState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** The Exports tab: export the selected insight, watch it, find the file; a PDF shows the server's refusal. */
@ExtendWith(ApplicationExtension.class)
class ExportPanelWindowTest extends WindowTestBase {

    private Path downloads;

    @Override
    void seed() {
        // create() gives the row ref "1": the insight object behind it has id 1.
        create("Reports/Signups", "insight");
        create("Reports/new-onboarding", "feature_flag");
        SeededObjects.insight(server, 1, "Signups");
        try {
            downloads = Files.createTempDirectory(dir, "downloads");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void selectTheInsightAndOpenExports(ExportsViewModel.Format format) {
        interact(() -> {
            vm.exports().useFolder(downloads);
            vm.tree().reveal(vm.session().index().rowsAt("Reports/Signups").get(0));
        });
        waitFx("the insight is selected", () -> {
            TreeItem<Row> s = tree().getSelectionModel().getSelectedItem();
            return s != null && s.getValue().treeNode() != null && s.getValue().treeNode().name().equals("Signups");
        });
        clickOn("Exports");
        waitFx("the panel offers the insight", () -> lookup("#export-go").query().isDisabled() == false);
        @SuppressWarnings("unchecked")
        ComboBox<ExportsViewModel.Format> combo = lookup("#export-format").queryAs(ComboBox.class);
        interact(() -> combo.setValue(format));
        clickOn("#export-go");
    }

    private List<Path> files() throws java.io.IOException {
        try (Stream<Path> s = Files.list(downloads)) {
            return s.toList();
        }
    }

    @Test
    void withNothingExportableSelectedTheFormatListSaysWhatItIsForAndWaits() {
        interact(() -> vm.tree().reveal(vm.session().index().rowsAt("Reports/new-onboarding").get(0)));
        clickOn("Exports");
        @SuppressWarnings("unchecked")
        ComboBox<ExportsViewModel.Format> combo = lookup("#export-format").queryAs(ComboBox.class);
        waitFx("a feature flag has nothing to export", () -> combo.isDisabled()
                && lookup("#export-go").query().isDisabled());
        assertEquals(null, onFx(combo::getValue));
        assertEquals(List.of("Format"), onFx(() -> combo.lookupAll(".list-cell").stream().filter(n -> n.isVisible())
                .map(n -> ((javafx.scene.control.Labeled) n).getText()).toList()), "the empty list names itself");

        interact(() -> vm.tree().reveal(vm.session().index().rowsAt("Reports/Signups").get(0)));
        waitFx("the insight can be exported", () -> !combo.isDisabled() && combo.getValue() != null);
    }

    @Test
    void aCsvExportOfTheSelectedInsightIsDownloadedWithItsData() throws Exception {
        selectTheInsightAndOpenExports(ExportsViewModel.Format.CSV);
        waitFx("the export is saved", () -> !vm.exports().lines().isEmpty()
                && vm.exports().lines().get(0).stateProperty().get() instanceof ExportState.Saved);
        List<Path> saved = files();
        assertEquals(1, saved.size(), "one file, no partial file beside it: " + saved);
        String name = saved.get(0).getFileName().toString();
        assertTrue(name.startsWith("export-signups") && name.endsWith(".csv"), name);
        String csv = Files.readString(saved.get(0), StandardCharsets.UTF_8);
        assertTrue(csv.contains("Signups"), csv);
        assertTrue(csv.contains("12") && csv.contains("15") && csv.contains("9"), csv);
        assertTrue(csv.contains("\r\n"), "CSV rows end in CRLF");
        String says = "Saved · " + ByteSizes.human(Files.size(saved.get(0)));
        waitFx("the line says it is saved, and its size", () -> lookup(hasTextStarting(says)).tryQuery().isPresent());
    }

    @Test
    void aPdfExportShowsTheServersFailureMessage() throws Exception {
        selectTheInsightAndOpenExports(ExportsViewModel.Format.PDF);
        waitFx("the export failed", () -> !vm.exports().lines().isEmpty()
                && vm.exports().lines().get(0).stateProperty().get() instanceof ExportState.Failed);
        ExportState.Failed failed = (ExportState.Failed) vm.exports().lines().get(0).stateProperty().get();
        assertEquals("Export to format application/pdf is not supported for insights", failed.message());
        waitFx("the line shows the message", () -> lookup(hasTextStarting("Failed: Export to format application/pdf"))
                .tryQuery().isPresent());
        assertTrue(files().isEmpty(), "nothing is saved");
    }

    @Test
    void onlyTheFormatsTheServerCanMakeAreOfferedAndAFailuresFullTextIsInItsTooltip() throws Exception {
        selectTheInsightAndOpenExports(ExportsViewModel.Format.PDF);
        @SuppressWarnings("unchecked")
        ComboBox<ExportsViewModel.Format> combo = lookup("#export-format").queryAs(ComboBox.class);
        assertEquals(List.of(ExportsViewModel.Format.PNG, ExportsViewModel.Format.CSV, ExportsViewModel.Format.XLSX),
                onFx(() -> List.copyOf(combo.getItems())), "no PDF: the server always fails it");
        waitFx("the line shows the failure", () -> lookup(hasTextStarting("Failed: ")).tryQuery().isPresent());
        javafx.scene.control.Labeled failed = lookup(hasTextStarting("Failed: ")).query();
        assertEquals("Export to format application/pdf is not supported for insights",
                onFx(() -> failed.getTooltip().getText()));
        assertTrue(onFx(failed::isWrapText), "the message wraps");
    }

    @Test
    void openThatTheDesktopCannotDoSaysSoInThePanel() throws Exception {
        selectTheInsightAndOpenExports(ExportsViewModel.Format.CSV);
        waitFx("the export is saved", () -> !vm.exports().lines().isEmpty()
                && vm.exports().lines().get(0).stateProperty().get() instanceof ExportState.Saved);
        clickOn(lookup(".button").match(org.testfx.matcher.control.LabeledMatchers.hasText("Show in folder"))
                .queryButton());
        // The tests run with java.awt.headless=true: no desktop to open anything with.
        waitFx("the panel says why", () -> vm.exports().messageProperty().get()
                .startsWith("This desktop offers no way to open folders from Burrow. The file is at "));
        assertTrue(lookup(hasTextStarting("This desktop offers no way")).tryQuery().isPresent());
    }

    @Test
    void theWordsAboveAndBelowTheListAreNeverCutWhenTheyNeedSeveralLines() throws Exception {
        selectTheInsightAndOpenExports(ExportsViewModel.Format.CSV);
        waitFx("the export is saved", () -> !vm.exports().lines().isEmpty()
                && vm.exports().lines().get(0).stateProperty().get() instanceof ExportState.Saved);
        clickOn(lookup(".button").match(org.testfx.matcher.control.LabeledMatchers.hasText("Open")).queryButton());
        waitFx("the panel says where the file is", () -> vm.exports().messageProperty().get()
                .startsWith("This desktop offers no way to open files from Burrow. The file is at "));
        idle();
        javafx.scene.control.Labeled message = lookup(hasTextStarting("This desktop offers no way")).query();
        assertEquals(onFx(message::getText), shownText(message), "the path of the file is readable to its end");

        // a row that cannot be exported: the panel says what to select, and the list names itself again
        interact(() -> vm.tree().reveal(vm.session().index().rowsAt("Reports/new-onboarding").get(0)));
        waitFx("nothing to export", () -> lookup("#export-go").query().isDisabled());
        idle();
        javafx.scene.control.Labeled target = lookup("#export-target").query();
        assertEquals("Select a dashboard or an insight in the tree to export it.", shownText(target),
                "the hint shows whole beside the message");
        @SuppressWarnings("unchecked")
        ComboBox<ExportsViewModel.Format> combo = lookup("#export-format").queryAs(ComboBox.class);
        assertEquals(List.of("Format"), onFx(() -> combo.lookupAll(".list-cell").stream().filter(n -> n.isVisible())
                .map(n -> ((javafx.scene.control.Labeled) n).getText()).toList()),
                "the emptied list names itself, as before any export");
    }

    /** The text a label draws: its text, or what is left of it after cutting ("…"). */
    private String shownText(javafx.scene.control.Labeled label) {
        return onFx(() -> ((javafx.scene.text.Text) label.lookup(".text")).getText());
    }

    private static java.util.function.Predicate<javafx.scene.Node> hasTextStarting(String prefix) {
        return n -> n instanceof javafx.scene.control.Labeled l && l.getText() != null && l.getText().startsWith(prefix);
    }
}
