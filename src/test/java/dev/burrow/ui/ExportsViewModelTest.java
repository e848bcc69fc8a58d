package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.exports.ExportState;
import dev.burrow.tree.TaskRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The export panel's view model without a window, against the local server's demo project. */
class ExportsViewModelTest {

    TestWorkspace ws;
    ExportsViewModel exports;
    Path downloads;
    FileSystemEntry insight;

    @BeforeEach
    void start() throws Exception {
        ws = new TestWorkspace("demo");
        downloads = Files.createTempDirectory(ws.dir, "downloads");
        insight = ws.rows().stream().filter(r -> "insight".equals(r.type()) && r.ref() != null && !r.isLink())
                .findFirst().orElseThrow();
        exports = new ExportsViewModel(TaskRunner.sameThread(), null);
        exports.connect(ws.api);
    }

    @AfterEach
    void stop() throws Exception {
        exports.connect(null);
        ws.close();
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(downloads)) {
            return s.toList();
        }
    }

    @Test
    void withoutAFolderNothingStartsAndThePanelSaysWhy() throws Exception {
        exports.export(insight, ExportsViewModel.Format.CSV);

        assertEquals("Choose a folder for the download first.", exports.messageProperty().get());
        assertTrue(exports.lines().isEmpty());
        assertTrue(files().isEmpty());
    }

    @Test
    void whatThePanelSaidGoesOnceItNoLongerHolds() throws Exception {
        exports.export(insight, ExportsViewModel.Format.CSV);
        assertEquals("Choose a folder for the download first.", exports.messageProperty().get());
        exports.useFolder(downloads);
        assertEquals("", exports.messageProperty().get(), "a folder is chosen: the request is met");

        exports.export(insight, ExportsViewModel.Format.CSV);
        ExportState.Saved saved = assertInstanceOf(ExportState.Saved.class, exports.lines().get(0).stateProperty().get());
        Files.delete(saved.file());
        exports.openOnDesktop(saved.file(), false);
        assertTrue(exports.messageProperty().get().startsWith("The file is no longer there"),
                exports.messageProperty().get());

        exports.export(insight, ExportsViewModel.Format.CSV);
        assertEquals("", exports.messageProperty().get(), "a new export: the word about an earlier file goes");
    }

    @Test
    void aCsvExportLandsInTheChosenFolderAndIsListedAtTheNextConnect() throws Exception {
        exports.useFolder(downloads);

        exports.export(insight, ExportsViewModel.Format.CSV);

        assertEquals(1, exports.lines().size());
        ExportState end = exports.lines().get(0).stateProperty().get();
        ExportState.Saved saved = assertInstanceOf(ExportState.Saved.class, end, String.valueOf(end));
        assertEquals(List.of(saved.file()), files(), "one file, no partial file beside it");
        assertTrue(Files.readString(saved.file(), StandardCharsets.UTF_8).contains("\r\n"), "CSV rows end in CRLF");
        assertEquals(insight.name(), exports.lines().get(0).title());

        exports.connect(ws.api);

        assertEquals(1, exports.lines().size(), "the server's export is listed again");
        assertInstanceOf(ExportState.Ready.class, exports.lines().get(0).stateProperty().get());
        assertEquals("CSV", exports.lines().get(0).format());
    }

    @Test
    void onlyDashboardsAndInsightsWithAnObjectCanBeExported() {
        assertEquals(List.of(), ExportsViewModel.formatsFor(ws.rows().stream()
                .filter(FileSystemEntry::isFolder).findFirst().orElseThrow()));
        assertTrue(ExportsViewModel.formatsFor(insight).contains(ExportsViewModel.Format.CSV));
    }
}
