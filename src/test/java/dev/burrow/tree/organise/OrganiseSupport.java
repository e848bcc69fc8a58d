package dev.burrow.tree.organise;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.client.PostHogClient;
import dev.burrow.client.RateBudget;
import dev.burrow.server.ApiKey;
import dev.burrow.server.TestServer;
import dev.burrow.server.store.Timestamps;
import dev.burrow.tree.ClientBackend;
import dev.burrow.tree.TreeBackend;
import dev.burrow.tree.TreeIndex;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;

/**
 * A real local server (empty, or the demo project), a client without a rate budget, a backend
 * that records every call by method name, and helpers to arrange rows and to plan against them.
 */
abstract class OrganiseSupport {

    static final String KEY = "k1";
    /** The methods of {@link TreeBackend} that change the server. */
    static final Set<String> WRITES = Set.of("create", "patchPath", "patchShortcut", "move", "link", "delete",
            "undoDelete");

    TestServer server;
    PostHogClient client;
    TreeBackend backend;
    ClientLookup lookup;
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    /** Runs before each backend call with the method name (a test's hook for cancel, faults…). */
    volatile Consumer<String> beforeCall = name -> { };

    void start(String seed) {
        server = TestServer.start(seed, List.of(new ApiKey(KEY, Set.of())), false).as(KEY);
        client = PostHogClient.builder(server.server().baseUrl(), KEY, 1).rateBudget(RateBudget.unlimited()).build();
        lookup = new ClientLookup(client);
        TreeBackend real = new ClientBackend(client);
        backend = (TreeBackend) Proxy.newProxyInstance(TreeBackend.class.getClassLoader(),
                new Class<?>[] {TreeBackend.class}, (proxy, method, args) -> {
                    beforeCall.accept(method.getName());
                    calls.add(method.getName());
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** The calls that changed the server. */
    List<String> writes() {
        synchronized (calls) {
            return calls.stream().filter(WRITES::contains).toList();
        }
    }

    /** An item straight into storage with the given meta (JSON) and created_at. */
    String item(String path, String type, String ref, String createdAt, String meta) {
        return server.row(path, type, ref, createdAt == null ? Timestamps.now() : createdAt, meta);
    }

    String folder(String path) {
        return server.row(path, "folder");
    }

    /** The whole tree as the window would hold it. */
    TreeIndex index() {
        TreeIndex index = new TreeIndex();
        backend.everything(1000, index::putAll);
        index.markComplete(true);
        return index;
    }

    Plan plan(String query, String template) {
        Template t = Template.parse(template);
        TreeIndex index = index();
        Matches m = lookup.search(query);
        DashboardTiles tiles = t.usesDashboard()
                ? DashboardTiles.load(lookup, lookup.rowsOfType("dashboard"),
                        m.rows().stream().map(FileSystemEntry::ref).toList())
                : DashboardTiles.NONE;
        return Planner.plan(index, m, t, tiles);
    }

    /** Every stored row: id to path. */
    Map<String, String> paths() {
        Map<String, String> out = new TreeMap<>();
        for (List<String> r : server.query("SELECT id, path FROM file_system")) {
            out.put(r.get(0), r.get(1));
        }
        return out;
    }

    String pathOf(String id) {
        return paths().get(id);
    }

    /** The planned destination of a row, or null if it does not move. */
    static String to(Plan plan, String id) {
        return plan.moves().stream().filter(m -> m.id().equals(id)).map(Plan.Move::to).findFirst().orElse(null);
    }

    static String reason(Plan plan, String id) {
        return plan.skipped().stream().filter(s -> s.id().equals(id)).map(Plan.Skip::reason).findFirst().orElse(null);
    }
}
