package dev.burrow.tree;

import dev.burrow.api.FileSystemEntry;
import java.util.ArrayList;
import java.util.List;

/** Creates a link row (a shortcut in the tree) for a node inside a folder. */
public final class LinkOperation implements Operation {

    private final TreeNode node;
    private final String target;
    private final List<FileSystemEntry> created = new ArrayList<>();
    private FileSystemEntry answer;
    private List<String> parents = List.of();
    private List<String> unknownParents = List.of();
    private List<FileSystemEntry> filed = List.of();

    public LinkOperation(TreeNode node, String targetFolder) {
        this(MoveCheck.targetPath(node, targetFolder), node);
    }

    private LinkOperation(String targetPath, TreeNode node) {
        this.node = node;
        this.target = targetPath;
    }

    /** A link of {@code node} at exactly {@code targetPath} (under another name, say). */
    public static LinkOperation at(TreeNode node, String targetPath) {
        return new LinkOperation(dev.burrow.api.EntryPath.normalize(targetPath), node);
    }

    @Override
    public String description() {
        return "Link “" + node.name() + "” into " + (dev.burrow.api.EntryPath.parent(target).isEmpty() ? "the top level"
                : dev.burrow.api.EntryPath.leaf(dev.burrow.api.EntryPath.parent(target)));
    }

    @Override
    public void applyLocally(TreeIndex index) {
        // The server chooses the new ids: the link appears when it answers.
        parents = Parents.withoutRows(index, target);
        unknownParents = Parents.unknown(index, target);
    }

    @Override
    public void send(TreeBackend backend) {
        created.clear();
        filed = List.of();
        FileSystemEntry source = node.row();
        if (source == null) {
            throw new IllegalStateException("A folder without a folder row can't be linked.");
        }
        answer = backend.link(source.id(), target);
        if (!answer.id().equals(source.id())) {
            created.add(answer);
        }
        if (node instanceof TreeNode.Folder) {
            created.addAll(backend.descendants(target).stream().filter(FileSystemEntry::isLink).toList());
        }
        filed = Parents.fetch(backend, parents);
    }

    @Override
    public void reconcile(TreeIndex index) {
        index.putAll(filed);
        index.putAll(created);
    }

    @Override
    public void revertLocally(TreeIndex index) {
        // nothing was applied locally
    }

    @Override
    public Operation inverse() {
        if (answer == null || node.row() == null || answer.id().equals(node.row().id())) {
            return null;
        }
        // A folder the server filed where the index knew nothing holds only the link: undo removes it too.
        for (String p : unknownParents) {
            List<FileSystemEntry> rows = filed.stream().filter(f -> dev.burrow.api.EntryPath.normalize(f.path())
                    .equals(p)).toList();
            if (!rows.isEmpty()) {
                return DeleteOperation.of(List.of(new TreeNode.Folder(p, rows)), "Undo: " + description());
            }
        }
        TreeNode made = answer.isFolder() ? new TreeNode.Folder(answer.path(), List.of(answer))
                : new TreeNode.Item(answer);
        return DeleteOperation.of(List.of(made), "Undo: " + description());
    }

    @Override
    public List<String> resultIds() {
        return answer == null ? List.of() : List.of(answer.id());
    }
}
