package dev.burrow.ui;

import dev.burrow.client.PostHogClient;
import dev.burrow.client.RetryPolicy;
import dev.burrow.tree.ClientBackend;
import dev.burrow.tree.TreeBackend;
import dev.burrow.tree.TreeIndex;
import dev.burrow.tree.organise.BatchJournal;
import dev.burrow.tree.organise.ClientLookup;
import dev.burrow.tree.organise.DashboardTiles;
import dev.burrow.tree.organise.OrganiseBatch;
import dev.burrow.tree.organise.Planner;
import dev.burrow.tree.organise.Template;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

/** Leaves an organise batch cut short in a journal, as a crash or a network failure would: journaled, not finished. */
final class CutShortBatch {

    private CutShortBatch() {
    }

    /** Plans {@code query} into {@code template} and applies it until the request after {@code moves} moves fails. */
    static void make(String baseUrl, String key, BatchJournal.Store store, String query, String template, int moves) {
        try (PostHogClient client = PostHogClient.builder(baseUrl, key, 1).retry(RetryPolicy.none()).build()) {
            TreeBackend real = new ClientBackend(client);
            AtomicInteger patches = new AtomicInteger();
            TreeBackend failing = (TreeBackend) Proxy.newProxyInstance(TreeBackend.class.getClassLoader(),
                    new Class<?>[] {TreeBackend.class}, (proxy, method, args) -> {
                        if (method.getName().equals("patchPath") && patches.incrementAndGet() > moves) {
                            throw new IllegalStateException("the network went away");
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            TreeIndex index = new TreeIndex();
            real.everything(1000, index::putAll);
            index.markComplete(true);
            OrganiseBatch batch = OrganiseBatch.of(Planner.plan(index, new ClientLookup(client).search(query),
                    Template.parse(template), DashboardTiles.NONE), store);
            try {
                OrganiseBatch.runHere(batch, index, failing);
            } catch (IllegalStateException expected) {
                // cut short, as wanted
            }
        }
    }
}
