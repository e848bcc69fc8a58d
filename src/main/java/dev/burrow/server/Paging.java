package dev.burrow.server;

import dev.burrow.api.BasicUser;
import dev.burrow.api.Page;
import java.util.List;

/** A list request's {@code limit} and {@code offset}, read once for every list (DRF's rules). */
record Paging(int limit, int offset) {

    static final int DEFAULT_LIMIT = 100;

    /**
     * DRF's {@code LimitOffsetPagination}: an invalid, negative or zero limit is the default; an
     * invalid or negative offset is 0. There is no maximum.
     */
    static Paging of(Request r) {
        return new Paging(number(r.param("limit"), DEFAULT_LIMIT, true), number(r.param("offset"), 0, false));
    }

    /**
     * The bare {@code limit} of the lists that take no offset (Recents, the view log), between 1
     * and 1,000. An invalid or negative limit is the default; a zero one is 1 where
     * {@code zeroIsOne}, else the default too.
     */
    static int limitUpTo1000(Request r, boolean zeroIsOne) {
        return Math.max(1, Math.min(1000, number(r.param("limit"), DEFAULT_LIMIT, !zeroIsOne)));
    }

    private static int number(String value, int fallback, boolean zeroIsFallback) {
        Integer n = Fields.intParam(value);
        if (n == null || n < 0 || (zeroIsFallback && n == 0)) {
            return fallback;
        }
        return n;
    }

    /** The page answer: {@code count}, absolute {@code next} / {@code previous} URLs (null at the ends), the results. */
    <T> Page<T> answer(Request r, long count, List<T> results, List<BasicUser> users) {
        String next = offset + (long) limit < count ? r.pageUrl(limit, offset + limit) : null;
        String previous = offset > 0 ? r.pageUrl(limit, Math.max(0, offset - limit)) : null;
        return new Page<>(count, next, previous, results, users);
    }

    /** The rows of a whole list that this page shows. */
    <T> List<T> slice(List<T> all) {
        return offset >= all.size() ? List.of() : all.subList(offset, (int) Math.min(all.size(), (long) offset + limit));
    }

    /** An answer that is the whole list at once: no next or previous page. */
    static <T> Page<T> whole(List<T> results, List<BasicUser> users) {
        return new Page<>(results.size(), null, null, results, users);
    }
}
