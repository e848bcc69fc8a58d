package dev.burrow.client;

/**
 * The filters of {@code GET file_system/} (contract/file_system.md §5). Every component is
 * optional (null = not sent); they combine with AND. Build with {@link #all()} or
 * {@link #children(String)} and the {@code with…} methods.
 *
 * @param parent         descendants at any depth of this escaped folder path
 * @param depth          exactly this many segments (with {@code parent}: direct children)
 * @param path           exactly this escaped path
 * @param createdAfter   ISO-8601, strict ({@code created_at__gt})
 * @param createdBefore  ISO-8601, strict ({@code created_at__lt})
 * @param orderBy        {@code path}, {@code -path}, {@code created_at}, {@code -created_at}, {@code -last_viewed_at} (Recents)
 * @param limit          page size; the server sets no maximum
 */
public record FileSystemQuery(String parent, Integer depth, String path, String type, String notType,
        String typeStartsWith, String ref, String createdAfter, String createdBefore, String search,
        Boolean searchNameOnly, String orderBy, Integer limit, Integer offset) {

    public static FileSystemQuery all() {
        return new FileSystemQuery(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The direct children of an escaped folder path; {@code ""} is the root. */
    public static FileSystemQuery children(String folder) {
        int depth = dev.burrow.api.EntryPath.depth(folder) + 1;
        return all().withParent(folder == null || folder.isEmpty() ? null : folder).withDepth(depth);
    }

    public FileSystemQuery withParent(String v) {
        return new FileSystemQuery(v, depth, path, type, notType, typeStartsWith, ref, createdAfter, createdBefore, search,
                searchNameOnly, orderBy, limit, offset);
    }

    public FileSystemQuery withDepth(Integer v) {
        return new FileSystemQuery(parent, v, path, type, notType, typeStartsWith, ref, createdAfter, createdBefore, search,
                searchNameOnly, orderBy, limit, offset);
    }

    public FileSystemQuery withPath(String v) {
        return new FileSystemQuery(parent, depth, v, type, notType, typeStartsWith, ref, createdAfter, createdBefore, search,
                searchNameOnly, orderBy, limit, offset);
    }

    public FileSystemQuery withType(String v) {
        return new FileSystemQuery(parent, depth, path, v, notType, typeStartsWith, ref, createdAfter, createdBefore, search,
                searchNameOnly, orderBy, limit, offset);
    }

    public FileSystemQuery withNotType(String v) {
        return new FileSystemQuery(parent, depth, path, type, v, typeStartsWith, ref, createdAfter, createdBefore, search,
                searchNameOnly, orderBy, limit, offset);
    }

    public FileSystemQuery withTypeStartsWith(String v) {
        return new FileSystemQuery(parent, depth, path, type, notType, v, ref, createdAfter, createdBefore, search,
                searchNameOnly, orderBy, limit, offset);
    }

    public FileSystemQuery withRef(String v) {
        return new FileSystemQuery(parent, depth, path, type, notType, typeStartsWith, v, createdAfter, createdBefore, search,
                searchNameOnly, orderBy, limit, offset);
    }

    public FileSystemQuery withCreatedAfter(String v) {
        return new FileSystemQuery(parent, depth, path, type, notType, typeStartsWith, ref, v, createdBefore, search,
                searchNameOnly, orderBy, limit, offset);
    }

    public FileSystemQuery withCreatedBefore(String v) {
        return new FileSystemQuery(parent, depth, path, type, notType, typeStartsWith, ref, createdAfter, v, search,
                searchNameOnly, orderBy, limit, offset);
    }

    public FileSystemQuery withSearch(String v) {
        return new FileSystemQuery(parent, depth, path, type, notType, typeStartsWith, ref, createdAfter, createdBefore, v,
                searchNameOnly, orderBy, limit, offset);
    }

    public FileSystemQuery withSearchNameOnly(Boolean v) {
        return new FileSystemQuery(parent, depth, path, type, notType, typeStartsWith, ref, createdAfter, createdBefore, search,
                v, orderBy, limit, offset);
    }

    public FileSystemQuery withOrderBy(String v) {
        return new FileSystemQuery(parent, depth, path, type, notType, typeStartsWith, ref, createdAfter, createdBefore, search,
                searchNameOnly, v, limit, offset);
    }

    public FileSystemQuery withLimit(Integer v) {
        return new FileSystemQuery(parent, depth, path, type, notType, typeStartsWith, ref, createdAfter, createdBefore, search,
                searchNameOnly, orderBy, v, offset);
    }

    public FileSystemQuery withOffset(Integer v) {
        return new FileSystemQuery(parent, depth, path, type, notType, typeStartsWith, ref, createdAfter, createdBefore, search,
                searchNameOnly, orderBy, limit, v);
    }

    /** The query string, parameters in a fixed order. */
    String encoded() {
        return toQuery().encoded();
    }

    Query toQuery() {
        return new Query()
                .add("parent", parent)
                .add("depth", depth)
                .add("path", path)
                .add("type", type)
                .add("not_type", notType)
                .add("type__startswith", typeStartsWith)
                .add("ref", ref)
                .add("created_at__gt", createdAfter)
                .add("created_at__lt", createdBefore)
                .add("search", search)
                .add("search_name_only", searchNameOnly)
                .add("order_by", orderBy)
                .add("limit", limit)
                .add("offset", offset);
    }
}
