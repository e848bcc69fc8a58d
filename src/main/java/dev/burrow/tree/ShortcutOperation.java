package dev.burrow.tree;

import dev.burrow.api.FileSystemEntry;
import java.util.List;

/** Turns a row's {@code shortcut} flag on or off by PATCH. */
public final class ShortcutOperation implements Operation {

    private final FileSystemEntry row;
    private final boolean on;
    private final LocalChanges local = new LocalChanges();
    private FileSystemEntry answer;

    public ShortcutOperation(FileSystemEntry row, boolean on) {
        this.row = row;
        this.on = on;
    }

    /**
     * Named as the menu and the confirmation name it ("Make “X” a link row"): "Add shortcut" read
     * as a star, which the Shortcuts pane lists, and this flag never puts anything there.
     */
    @Override
    public String description() {
        return "Make “" + row.name() + "” " + (on ? "a link row" : "a real row");
    }

    @Override
    public void applyLocally(TreeIndex index) {
        FileSystemEntry current = index.byId(row.id());
        local.put(index, (current != null ? current : row).withShortcut(on));
    }

    @Override
    public void send(TreeBackend backend) {
        answer = backend.patchShortcut(row.id(), on);
    }

    @Override
    public void reconcile(TreeIndex index) {
        if (answer != null) {
            index.put(answer);
        }
    }

    @Override
    public void revertLocally(TreeIndex index) {
        local.revert(index);
    }

    @Override
    public Operation inverse() {
        return new ShortcutOperation(answer != null ? answer : row.withShortcut(on), !on);
    }

    @Override
    public List<String> resultIds() {
        return List.of(row.id());
    }
}
