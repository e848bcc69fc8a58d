package dev.burrow.tree;

import dev.burrow.client.PostHogClient;
import dev.burrow.client.RateBudget;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A child process for {@link InterruptedFolderMoveTest}: opens a tree on a server without
 * {@code move} (so a folder moves by journaled PATCHes, journal on disk) and moves one folder,
 * printing {@code patched N} after every PATCH so the parent knows when to {@code kill -9} it.
 *
 * <p>Arguments: base URL, API key, journal folder, folder path, target folder.
 */
public final class InterruptedMoveMain {

    private InterruptedMoveMain() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        PostHogClient client = PostHogClient.builder(args[0], args[1], 1).rateBudget(RateBudget.unlimited()).build();
        TreeBackend real = new ClientBackend(client, false);
        AtomicInteger patched = new AtomicInteger();
        TreeBackend watched = (TreeBackend) Proxy.newProxyInstance(TreeBackend.class.getClassLoader(),
                new Class<?>[] {TreeBackend.class}, (proxy, method, margs) -> {
                    Object result;
                    try {
                        result = method.invoke(real, margs);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("patchPath")) {
                        out.println("patched " + patched.incrementAndGet());
                        out.flush();
                    }
                    return result;
                });
        FileMoveJournalStore journals = new FileMoveJournalStore(Path.of(args[2]));
        TreeSession session = new TreeSession(watched, TaskRunner.sameThread(), journals);
        session.loadIndex();
        TreeNode.Folder folder = session.index().folder(args[3]);
        out.println("ready " + session.index().size());
        out.flush();
        session.execute(MoveOperation.into(List.of(folder), args[4], journals),
                msg -> out.println("done " + (msg == null ? "ok" : msg)));
        out.flush();
        client.close();
    }
}
