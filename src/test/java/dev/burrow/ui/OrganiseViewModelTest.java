package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.settings.OrganiseRules;
import dev.burrow.tree.MoveJournal;
import dev.burrow.tree.TaskRunner;
import dev.burrow.tree.organise.BatchJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Organise dialog's model without a window, against a real local server. */
class OrganiseViewModelTest {

    TestWorkspace ws;
    MainViewModel main;
    OrganiseViewModel vm;
    final BatchJournal.Store store = BatchJournal.Store.inMemory();
    final List<String> inbox = new ArrayList<>();
    Path config;

    @BeforeEach
    void start() throws Exception {
        ws = new TestWorkspace("empty");
        ws.create("Inbox", "folder");
        ws.create("Archive", "folder");
        for (int i = 0; i < 4; i++) {
            inbox.add(ws.create("Inbox/insight " + i, "insight").id());
        }
        inbox.add(ws.create("Inbox/Board", "dashboard").id());
        ws.create("Elsewhere/Other", "insight");
        config = Files.createTempDirectory("burrow-rules");
    }

    @AfterEach
    void stop() throws Exception {
        if (main != null) {
            main.close();
        }
        ws.close();
        try (var walk = Files.walk(config)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    void open(TaskRunner runner) {
        main = new MainViewModel(runner, MoveJournal.Store.inMemory());
        vm = main.organise();
        vm.setJournalStores(t -> store);
        vm.setRules(new OrganiseRules(config));
        main.connect(ws.target());
    }

    Map<String, String> paths() {
        Map<String, String> out = new TreeMap<>();
        ws.rows().forEach(r -> out.put(r.id(), r.path()));
        return out;
    }

    @Test
    void thePreviewShowsTheDestinationTreeAndApplyingIsOneUndoableStep() {
        open(TaskRunner.sameThread());
        Map<String, String> before = paths();
        vm.queryProperty().set("path:Inbox");
        vm.templateProperty().set("Archive/{type}");

        OrganisePreview p = vm.previewProperty().get();
        assertNotNull(p, "a preview");
        assertNull(vm.errorProperty().get());
        assertEquals(5, p.plan().moves().size());
        assertEquals(List.of("Archive/Dashboards", "Archive/Insights"), p.plan().newFolders());
        List<String> lines = p.lines().stream().map(OrganisePreview.Entry::text).toList();
        assertEquals(List.of("Archive", "Dashboards  (new folder)", "→ Board  from Inbox/Board",
                "Insights  (new folder)", "→ insight 0  from Inbox/insight 0", "→ insight 1  from Inbox/insight 1",
                "→ insight 2  from Inbox/insight 2", "→ insight 3  from Inbox/insight 3"), lines);
        assertTrue(p.summary().startsWith("5 moves into 2 folders, 2 new folders: 7 requests ("), p.summary());
        assertTrue(p.skipped().isEmpty(), "the query names no folder");
        assertTrue(vm.canApplyProperty().get());

        vm.apply();

        assertFalse(vm.applyingProperty().get());
        assertEquals("Moved 5 items. Ctrl+Z puts every one back.", vm.outcomeProperty().get());
        for (var m : p.plan().moves()) {
            assertEquals(m.to(), ws.row(m.id()).path(), "apply did what the preview showed");
        }
        assertTrue(ws.tree().containsKey("Archive/Insights") && ws.tree().containsKey("Archive/Dashboards"));
        assertTrue(main.tree().edits().history().canUndoProperty().get());
        assertEquals("Undo: Organise 5 items into Archive/{type}", main.tree().edits().history().undoTextProperty().get());
        assertEquals("Nothing matches the query: nothing to move.", vm.previewProperty().get().summary(),
                "the preview is made again after applying");

        main.tree().edits().undo();

        assertEquals(before, paths(), "one undo put every row back and removed the folders it made");
        assertEquals("Redo: Organise 5 items into Archive/{type}", main.tree().edits().history().redoTextProperty().get());
    }

    @Test
    void aMistakeInTheTemplateOrAnEmptyQueryIsSaidInlineAndNothingCanBeApplied() {
        open(TaskRunner.sameThread());
        vm.queryProperty().set("path:Inbox");
        vm.templateProperty().set("Archive/{nope}");
        assertNull(vm.previewProperty().get());
        assertNotNull(vm.errorProperty().get());
        assertTrue(vm.errorProperty().get().contains("{nope}"), vm.errorProperty().get());
        assertFalse(vm.canApplyProperty().get());

        vm.templateProperty().set("Archive/{created:yyyy");
        assertTrue(vm.errorProperty().get() != null && !vm.errorProperty().get().contains("null"));
        assertFalse(vm.canApplyProperty().get());

        vm.templateProperty().set("Archive");
        vm.queryProperty().set("  ");
        assertNull(vm.errorProperty().get(), "not a mistake, just not there yet");
        assertEquals("Say what to organise, e.g. type:insight path:Unfiled", vm.hintProperty().get());
        assertFalse(vm.canApplyProperty().get());
        Map<String, String> before = paths();
        vm.apply();
        assertEquals(before, paths(), "apply without a plan does nothing");

        vm.queryProperty().set("path:Inbox");
        assertNull(vm.errorProperty().get());
        assertEquals("", vm.hintProperty().get());
        assertTrue(vm.canApplyProperty().get());

        vm.templateProperty().set(" ");
        assertNull(vm.errorProperty().get());
        assertEquals("Say where it goes: a folder template, e.g. Insights/{creator}", vm.hintProperty().get());
        assertFalse(vm.canApplyProperty().get());
    }

    /** Background work waits until released; posts and timers run at once. */
    static final class HeldRunner implements TaskRunner {
        final Deque<Runnable> held = new ArrayDeque<>();
        final AtomicInteger started = new AtomicInteger();
        final TaskRunner now = TaskRunner.sameThread();

        @Override
        public <T> void run(Handle handle, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            held.add(() -> now.run(handle, () -> {
                started.incrementAndGet();
                return work.call();
            }, onSuccess, onFailure));
        }

        @Override
        public void post(Runnable r) {
            r.run();
        }

        void release() {
            while (!held.isEmpty()) {
                held.poll().run();
            }
        }
    }

    @Test
    void typingOnDropsThePlanInFlightAndOnlyTheNewestArrives() {
        HeldRunner runner = new HeldRunner();
        open(runner);
        runner.release(); // the connection's loads
        vm.templateProperty().set("Archive/{type}");
        vm.queryProperty().set("path:Inbox");
        assertTrue(vm.planningProperty().get());
        int before = runner.started.get();

        vm.queryProperty().set("path:Elsewhere");
        runner.release();

        assertEquals(before + 1, runner.started.get(), "the older plan never started");
        assertFalse(vm.planningProperty().get());
        assertEquals(1, vm.previewProperty().get().plan().moves().size());
        assertEquals("Elsewhere/Other", vm.previewProperty().get().plan().moves().get(0).from());
    }

    @Test
    void typingIsDebounced() {
        dev.burrow.tree.ManualTaskRunner runner = new dev.burrow.tree.ManualTaskRunner();
        open(runner);
        runner.runAll();
        int loads = runner.started();
        vm.templateProperty().set("Archive");
        for (String q : List.of("p", "pa", "path", "path:", "path:Inbox")) {
            vm.queryProperty().set(q);
            runner.advance(java.time.Duration.ofMillis(100));
        }
        assertEquals(loads, runner.started(), "no plan while typing");
        runner.advance(OrganiseViewModel.DEBOUNCE);
        assertEquals(loads + 1, runner.started(), "one plan once typing paused");
        assertEquals(5, vm.previewProperty().get().plan().moves().size());
    }

    @Test
    void aCancelledBatchKeepsWhatWasDoneSaysSoAndUndoPutsJustThatBack() {
        open(TaskRunner.sameThread());
        Map<String, String> before = paths();
        vm.queryProperty().set("path:Inbox type:insight");
        vm.templateProperty().set("Archive");
        assertEquals(4, vm.previewProperty().get().plan().moves().size());
        vm.progressProperty().addListener((o, a, b) -> {
            if (b.doubleValue() > 0 && b.doubleValue() < 1) {
                vm.cancel();
            }
        });

        vm.apply();

        long moved = inbox.stream().filter(id -> ws.row(id).path().startsWith("Archive/")).count();
        assertEquals(1, moved, "cancelled after the first request");
        assertEquals("Cancelled after 1 of 4 moves: what moved stays where it is now (1 item). Ctrl+Z puts it back.",
                vm.outcomeProperty().get());
        assertTrue(main.tree().edits().history().canUndoProperty().get());

        main.tree().edits().undo();
        assertEquals(before, paths());
    }

    @Test
    void undoLeavesAloneAndNamesRowsSomeoneChangedSince() {
        open(TaskRunner.sameThread());
        vm.queryProperty().set("path:Inbox type:insight");
        vm.templateProperty().set("Archive");
        vm.apply();
        String changed = inbox.get(0);
        ws.api.fileSystem().move(changed, "Elsewhere/insight 0");
        List<OrganiseViewModel.Notice> notices = new ArrayList<>();
        vm.noticeProperty().addListener((o, a, n) -> {
            if (n != null) {
                notices.add(n);
            }
        });

        main.tree().edits().undo();

        assertEquals("Elsewhere/insight 0", ws.row(changed).path(), "left where someone put it");
        for (String id : inbox.subList(1, 4)) {
            assertTrue(ws.row(id).path().startsWith("Inbox/"), ws.row(id).path());
        }
        assertEquals(1, notices.size());
        assertEquals("Put back 3 items; left alone 1 row changed since the batch:", notices.get(0).header());
        assertEquals(List.of("Archive/insight 0 — now at Elsewhere/insight 0"), notices.get(0).lines());
        assertTrue(main.statusProperty().get().contains("Archive/insight 0 — now at Elsewhere/insight 0"));
    }

    void cutShort() {
        CutShortBatch.make(ws.server.baseUrl(), TestWorkspace.KEY, store, "path:Inbox type:insight", "Archive", 2);
    }

    @Test
    void aBatchCutShortIsOfferedAtTheStartAndResumeFinishesIt() {
        cutShort();
        assertEquals(2, inbox.stream().filter(id -> ws.row(id).path().startsWith("Archive/")).count());
        open(TaskRunner.sameThread());

        assertEquals(1, vm.interrupted().size());
        vm.resume(vm.interrupted().get(0));

        assertTrue(vm.interrupted().isEmpty());
        for (String id : inbox.subList(0, 4)) {
            assertTrue(ws.row(id).path().startsWith("Archive/"), ws.row(id).path());
        }
        assertTrue(store.interrupted().isEmpty());
        assertTrue(main.tree().edits().history().canUndoProperty().get(), "the finished batch can be undone");
    }

    @Test
    void aBatchCutShortCanBePutBackInstead() {
        Map<String, String> before = paths();
        cutShort();
        open(TaskRunner.sameThread());

        vm.putBack(vm.interrupted().get(0));

        assertEquals(before, paths());
        assertTrue(vm.interrupted().isEmpty());
        assertTrue(store.all().isEmpty(), "the journal is gone once undone");
    }

    @Test
    void aFolderStartsTheQueryWithWhatIsInIt() {
        open(TaskRunner.sameThread());
        vm.templateProperty().set("Archive");
        ws.create("Inbox/Deeper/Inner", "insight");
        vm.startWith("Inbox/Deeper");
        assertEquals("Inbox/Deeper/", vm.queryProperty().get());
        assertEquals(List.of("Inbox/Deeper/Inner"),
                vm.previewProperty().get().plan().moves().stream().map(m -> m.from()).toList());
        vm.startWith("Inbox");
        assertEquals("Inbox/", vm.queryProperty().get());
        assertEquals(6, vm.previewProperty().get().plan().moves().size());
        vm.startWith("Some Folder");
        assertEquals("\"Some Folder/\"", vm.queryProperty().get());
    }

    @Test
    void savedRulesRunTogetherEachPreviewedFirst() {
        open(TaskRunner.sameThread());
        vm.queryProperty().set("path:Inbox type:insight");
        vm.templateProperty().set("Archive/Insights");
        vm.saveRule("Inbox insights", true);
        vm.queryProperty().set("path:Elsewhere");
        vm.templateProperty().set("Archive/Else");
        vm.saveRule("Elsewhere", true);
        vm.queryProperty().set("path:Inbox type:dashboard");
        vm.templateProperty().set("Archive/Boards");
        vm.saveRule("Not tidy", false);
        assertEquals(List.of("Inbox insights", "Elsewhere", "Not tidy"),
                vm.rules().stream().map(r -> r.name()).toList());

        // a new window on the same connection finds them
        main.close();
        open(TaskRunner.sameThread());
        assertEquals(3, vm.rules().size());

        vm.runTidy();
        assertEquals("Keep Unfiled tidy: rule 1 of 2 — Inbox insights", vm.tidyStepProperty().get());
        assertEquals("path:Inbox type:insight", vm.queryProperty().get());
        assertEquals(4, vm.previewProperty().get().plan().moves().size(), "previewed before anything moves");
        assertTrue(inbox.stream().noneMatch(id -> ws.row(id).path().startsWith("Archive/")));

        vm.apply();
        assertEquals("Keep Unfiled tidy: rule 2 of 2 — Elsewhere", vm.tidyStepProperty().get());
        assertEquals("Archive/Else", vm.templateProperty().get());
        assertEquals(1, vm.previewProperty().get().plan().moves().size());

        vm.skipRule();
        assertEquals("", vm.tidyStepProperty().get());
        Map<String, Long> where = ws.rows().stream().filter(r -> !r.isFolder())
                .collect(Collectors.groupingBy(r -> r.path().substring(0, r.path().lastIndexOf('/')),
                        Collectors.counting()));
        assertEquals(Map.of("Archive/Insights", 4L, "Inbox", 1L, "Elsewhere", 1L), where);

        vm.deleteRule(vm.rules().get(0));
        assertEquals(List.of("Elsewhere", "Not tidy"), vm.rules().stream().map(r -> r.name()).toList());
    }
}
