package dev.burrow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.settings.Theme;
import dev.burrow.tree.FolderState;
import dev.burrow.tree.ManualTaskRunner;
import dev.burrow.tree.MoveJournal;
import dev.burrow.tree.TaskRunner;
import dev.burrow.tree.TreeSession;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The window's view model without a window, against a real local server. */
class MainViewModelTest {

    TestWorkspace ws;
    MainViewModel vm;

    @BeforeEach
    void start() throws Exception {
        ws = new TestWorkspace("empty");
        ws.create("Marketing/Overview", "dashboard");
        ws.create("Product/Retention", "insight");
    }

    @AfterEach
    void stop() throws Exception {
        if (vm != null) {
            vm.close();
        }
        ws.close();
    }

    @Test
    void connectingLoadsTheWholeTreeAndSaysHowManyRows() {
        vm = new MainViewModel(TaskRunner.sameThread(), MoveJournal.Store.inMemory());
        vm.connect(ws.target());

        assertTrue(vm.session().index().isComplete());
        assertEquals(String.format("%,d items loaded.", ws.rows().size()), vm.statusProperty().get());
        assertEquals("Local", vm.connectionLabelProperty().get());
        assertFalse(vm.busyProperty().get());
        assertEquals(List.of("Marketing", "Product"),
                vm.tree().rows("").stream().map(r -> r.treeNode().path()).toList());
    }

    @Test
    void theClientIsWarmedUpInTheBackgroundBeforeAnyConnect() {
        ManualTaskRunner runner = new ManualTaskRunner();
        vm = new MainViewModel(runner, MoveJournal.Store.inMemory());
        assertEquals(0, runner.started(), "nothing ran on the constructing thread");

        runner.runAll();

        assertEquals(1, runner.started(), "one background warm-up: the HTTP client and the JSON decoders");
    }

    /** Runs work at once, except what waits for the next paint: that goes to {@code paints}. */
    private static TaskRunner waitingForPaint(List<Runnable> paints) {
        TaskRunner now = TaskRunner.sameThread();
        return new TaskRunner() {
            @Override
            public <T> void run(Handle handle, java.util.concurrent.Callable<T> work,
                    java.util.function.Consumer<T> onSuccess, java.util.function.Consumer<Throwable> onFailure) {
                now.run(handle, work, onSuccess, onFailure);
            }

            @Override
            public void post(Runnable onOwnerThread) {
                onOwnerThread.run();
            }

            @Override
            public void afterPaint(Runnable onOwnerThread) {
                paints.add(onOwnerThread); // the next pulse has not painted yet
            }
        };
    }

    @Test
    void theIndexLoadStartsOnlyAfterTheRootsRowsArePainted() {
        List<Runnable> paints = new ArrayList<>();
        TaskRunner runner = waitingForPaint(paints);
        vm = new MainViewModel(runner, MoveJournal.Store.inMemory());
        vm.connect(ws.target());

        assertTrue(vm.session().state("") instanceof FolderState.Loaded, "the root is loaded and shown");
        assertFalse(vm.session().index().isComplete(), "no index page before the root's first paint");
        assertEquals(1, paints.size(), "one load waits for the paint, however many folders changed");
        assertEquals(List.of("Marketing", "Product"),
                vm.tree().rows("").stream().map(r -> r.treeNode().path()).toList());

        paints.remove(0).run();

        assertTrue(vm.session().index().isComplete());
        assertFalse(vm.busyProperty().get());
    }

    /**
     * Each page the index load puts in changes folders; none of them asks for another load after
     * the next paint (each ask is two hand-offs to the FX thread per page, for a load that is
     * already running).
     */
    @Test
    void thePagesOfARunningIndexLoadAskForNoFurtherLoad() {
        List<Runnable> paints = new ArrayList<>();
        vm = new MainViewModel(waitingForPaint(paints), MoveJournal.Store.inMemory());
        vm.connect(ws.target());
        assertEquals(1, paints.size());

        paints.remove(0).run();

        assertTrue(vm.session().index().isComplete());
        assertEquals(List.of(), paints, "nothing waits for a paint once the load runs");
    }

    @Test
    void aPaintAfterANewConnectionStartsNoIndexLoadForTheOldOne() {
        List<Runnable> paints = new ArrayList<>();
        TaskRunner runner = waitingForPaint(paints);
        vm = new MainViewModel(runner, MoveJournal.Store.inMemory());
        vm.connect(ws.target());
        TreeSession first = vm.session();
        vm.connect(ws.target());

        List.copyOf(paints).forEach(Runnable::run);

        assertFalse(first.index().isComplete(), "the old session loads no index");
        assertTrue(vm.session().index().isComplete());
    }

    @Test
    void anUnreachableServerIsNamedInTheStatusAndAsTheLastError() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        vm = new MainViewModel(TaskRunner.sameThread(), MoveJournal.Store.inMemory());
        List<String> errors = new ArrayList<>();
        vm.lastErrorProperty().addListener((o, a, msg) -> {
            if (msg != null) {
                errors.add(msg);
            }
        });

        vm.connect(new MainViewModel.Target("Gone", "http://127.0.0.1:" + closed, "k", 1, false));

        assertFalse(errors.isEmpty(), "a failure was reported");
        String msg = errors.get(errors.size() - 1);
        assertEquals(msg, vm.statusProperty().get());
        assertTrue(msg.contains("127.0.0.1:" + closed) && !msg.contains("null"), msg);
        assertTrue(vm.tree().rows("").get(0) instanceof Row.Failed, "the tree offers a retry");
    }

    @Test
    void aNewConnectionCancelsTheLoadsOfTheOldOne() {
        ManualTaskRunner runner = new ManualTaskRunner();
        vm = new MainViewModel(runner, MoveJournal.Store.inMemory());
        vm.connect(ws.target());
        TreeSession first = vm.session();
        assertTrue(first.state("") instanceof FolderState.Loading);
        assertTrue(vm.busyProperty().get());

        vm.connect(ws.target());
        runner.runAll();

        assertNotSame(first, vm.session());
        assertEquals(0, first.index().size(), "the first session's root load never ran");
        assertTrue(vm.session().index().isComplete());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void themeAndWelcomeChangeOnlyThroughCommands() {
        vm = new MainViewModel(TaskRunner.sameThread(), MoveJournal.Store.inMemory());
        assertEquals(Theme.LIGHT, vm.themeProperty().get());
        vm.toggleTheme();
        assertEquals(Theme.DARK, vm.themeProperty().get());
        vm.toggleTheme();
        assertEquals(Theme.LIGHT, vm.themeProperty().get());
        vm.offerWelcome(true);
        assertTrue(vm.showWelcomeProperty().get());
        vm.dismissWelcome();
        assertFalse(vm.showWelcomeProperty().get());
        vm.useVersion("1.2.3");
        assertEquals("1.2.3", vm.versionProperty().get());
        assertNotNull(vm.tree());
    }

    @Test
    void theRateLimitCountdownTicksOncePerSecondAndRestartsOnANewWait() {
        ManualTaskRunner runner = new ManualTaskRunner();
        RateLimitCountdown countdown = new RateLimitCountdown(runner);
        List<Integer> shown = new ArrayList<>();
        countdown.secondsProperty().addListener((o, a, n) -> shown.add(n.intValue()));

        countdown.start(3);
        runner.advance(Duration.ofMillis(1500));
        assertEquals(2, countdown.secondsProperty().get());
        countdown.start(5);
        runner.advance(Duration.ofSeconds(1));
        assertEquals(4, countdown.secondsProperty().get(), "the old countdown's tick was cancelled");
        runner.advance(Duration.ofSeconds(10));

        assertEquals(List.of(3, 2, 5, 4, 3, 2, 1, 0), shown);
        assertEquals(0, runner.pendingTimers());
    }
}
