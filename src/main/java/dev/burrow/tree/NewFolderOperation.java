package dev.burrow.tree;

import dev.burrow.api.EntryPath;
import dev.burrow.api.FileSystemEntry;
import java.util.List;

/** Creates "Untitled folder" (or "Untitled folder 2", …) in a folder, as PostHog's web UI names them. */
public final class NewFolderOperation implements Operation {

    public static final String BASE_NAME = "Untitled folder";

    private final String path;
    private final String tempId = "local-" + java.util.UUID.randomUUID();
    private FileSystemEntry created;
    private List<String> parents = List.of();
    private List<FileSystemEntry> filed = List.of();

    private NewFolderOperation(String path) {
        this.path = path;
    }

    /** A new folder in {@code parent} under the first free "Untitled folder" name. */
    public static NewFolderOperation in(TreeIndex index, String parent) {
        return named(parent, freeName(index, parent, BASE_NAME));
    }

    public static NewFolderOperation named(String parent, String name) {
        return new NewFolderOperation(EntryPath.child(parent, name));
    }

    /** {@code base}, or {@code base 2}, {@code base 3}… — the first name not used in the folder. */
    public static String freeName(TreeIndex index, String parent, String base) {
        String name = base;
        for (int n = 2; !index.rowsAt(EntryPath.child(parent, name)).isEmpty()
                || index.hasFolder(EntryPath.child(parent, name)); n++) {
            name = base + " " + n;
        }
        return name;
    }

    public String path() {
        return path;
    }

    @Override
    public String description() {
        return "New folder “" + EntryPath.leaf(path) + "”";
    }

    @Override
    public void applyLocally(TreeIndex index) {
        parents = Parents.withoutRows(index, path);
        index.put(new FileSystemEntry(tempId, path, EntryPath.depth(path), FileSystemEntry.FOLDER, null, null, null,
                Boolean.FALSE, null, null, null, null));
    }

    @Override
    public void send(TreeBackend backend) {
        created = backend.create(new FileSystemEntry(null, path, null, FileSystemEntry.FOLDER, null, null, null,
                Boolean.FALSE, null, null, null, null));
        filed = Parents.fetch(backend, parents);
    }

    @Override
    public void reconcile(TreeIndex index) {
        index.remove(tempId);
        index.putAll(filed);
        index.put(created);
    }

    @Override
    public void revertLocally(TreeIndex index) {
        index.remove(tempId);
    }

    public FileSystemEntry created() {
        return created;
    }

    @Override
    public Operation inverse() {
        return created == null ? null : DeleteOperation.of(List.of(new TreeNode.Folder(created.path(),
                List.of(created))), "Undo: " + description());
    }

    @Override
    public List<String> resultIds() {
        return created == null ? List.of() : List.of(created.id());
    }
}
