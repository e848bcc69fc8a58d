package dev.burrow.server;

import dev.burrow.api.FileSystemEntry;
import dev.burrow.api.Page;
import dev.burrow.server.search.SearchFilter;
import dev.burrow.server.search.SqlCondition;
import dev.burrow.server.store.Database;
import dev.burrow.server.store.Timestamps;
import dev.burrow.server.store.TreeCounts;
import dev.burrow.server.store.TreeFilter;
import dev.burrow.server.store.TreeListing;
import dev.burrow.server.store.TreeOrder;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code GET file_system/}: the filtered, ordered, paged list, and Recents (contract/file_system.md §5–§7). */
final class TreeList {

    private final Database db;

    TreeList(Database db) {
        this.db = db;
    }

    Response list(Request r) throws SQLException {
        String orderBy = r.nonEmptyParam("order_by");
        if ("-last_viewed_at".equals(orderBy) || "last_viewed_at".equals(orderBy)) {
            return recents(r, orderBy.startsWith("-"));
        }
        String depth = r.nonEmptyParam("depth");
        String search = r.nonEmptyParam("search");
        TreeFilter filter = TreeFilter.listed(r.environment())
                .placed(r.nonEmptyParam("parent"), Fields.intParam(depth))
                .path(r.nonEmptyParam("path"))
                .type(r.nonEmptyParam("type"))
                .ref(r.nonEmptyParam("ref"))
                .notType(r.nonEmptyParam("not_type"))
                .typePrefix(r.nonEmptyParam("type__startswith"))
                .createdAfter(time(r, "created_at__gt"))
                .createdBefore(time(r, "created_at__lt"));
        TreeOrder order = order(r.nonEmptyParam("ref") != null, orderBy, depth != null, search != null);
        Paging paging = Paging.of(r);
        Page<FileSystemEntry> page = db.read(c -> {
            if (search != null) {
                SqlCondition cond = searchCondition(c, r, search);
                filter.matching(cond.sql(), cond.params());
            }
            TreeListing.TreePage rows = TreeListing.page(c, filter, order, paging.limit(), paging.offset());
            List<FileSystemEntry> entries = TreeEntries.of(c, rows.rows(), null);
            return paging.answer(r, rows.count(), entries, TreeEntries.metaCreators(c, entries));
        });
        return Response.ok(page);
    }

    private static TreeOrder order(boolean byRef, String orderBy, boolean byDepth, boolean searching) {
        if (byRef) {
            return TreeOrder.OWN_ROWS_FIRST;
        }
        if (orderBy != null) {
            return switch (orderBy) {
                case "path" -> TreeOrder.PATH;
                case "-path" -> TreeOrder.PATH_DESCENDING;
                case "created_at" -> TreeOrder.CREATED;
                default -> TreeOrder.CREATED_DESCENDING;
            };
        }
        if (byDepth) {
            return TreeOrder.FOLDERS_FIRST;
        }
        return searching ? TreeOrder.SEARCH : TreeOrder.PATH_IGNORING_CASE;
    }

    private static SqlCondition searchCondition(Connection c, Request r, String search) throws SQLException {
        return SearchFilter.compile(search, Fields.truthy(r.param("search_name_only")), r.userId(),
                TreeCounts.types(c));
    }

    /** A time filter: absent is null; anything that is not a date-time is DRF's 400. */
    private static Instant time(Request r, String param) {
        String v = r.nonEmptyParam(param);
        if (v == null) {
            return null;
        }
        Instant t = Timestamps.parse(v);
        if (t == null) {
            throw ApiError.validation("invalid", "Enter a valid date/time.", param);
        }
        return t;
    }

    /** Recents: the rows of the objects the caller viewed, by view time; one page of up to 1,000. */
    private Response recents(Request r, boolean newestFirst) throws SQLException {
        int limit = Paging.limitUpTo1000(r, true);
        String search = r.nonEmptyParam("search");
        Page<FileSystemEntry> page = db.read(c -> {
            SqlCondition cond = search == null ? null : searchCondition(c, r, search);
            List<TreeListing.ViewedRow> viewed = TreeListing.recents(c, r.userId(), r.environment(),
                    r.nonEmptyParam("not_type"), cond == null ? null : cond.sql(),
                    cond == null ? List.of() : cond.params(), newestFirst, limit);
            List<dev.burrow.server.store.TreeRow> rows = new ArrayList<>();
            List<String> times = new ArrayList<>();
            for (TreeListing.ViewedRow v : viewed) {
                rows.add(v.row());
                times.add(v.viewedAt());
            }
            List<FileSystemEntry> entries = TreeEntries.of(c, rows, times);
            return Paging.whole(entries, TreeEntries.metaCreators(c, entries));
        });
        return Response.ok(page);
    }
}
