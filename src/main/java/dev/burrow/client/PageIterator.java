package dev.burrow.client;

import com.fasterxml.jackson.databind.JavaType;
import dev.burrow.api.Page;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every page of a list, in order. Once the first page tells the total {@code count}, the
 * remaining pages are fetched by offset with several requests in flight; otherwise (or with one
 * in flight) it follows {@code next}. Rows added during the walk are picked up by following the
 * last page's {@code next}. Not thread-safe; close it to cancel what is still in flight.
 *
 * <p>A {@code next} link is used only for its query: the request goes to this client's own
 * server and path, so a link can never send the key elsewhere.
 */
public final class PageIterator<T> implements Iterator<Page<T>>, AutoCloseable {

    private final Transport transport;
    private final ExecutorService executor;
    private final int inFlight;
    private final String path;
    private final IntFunction<Query> atOffset;
    private final JavaType pageType;

    private final Deque<Future<Page<T>>> pending = new ArrayDeque<>();
    private Page<T> first;
    private boolean firstDelivered;
    private long plannedOffset;
    private long plannedEnd;
    private int pageSize;
    private String followQuery;
    private boolean closed;

    PageIterator(Transport transport, ExecutorService executor, int inFlight, String path, IntFunction<Query> atOffset,
            int start, Integer limit, JavaType pageType) {
        this.transport = transport;
        this.executor = executor;
        this.inFlight = inFlight;
        this.path = path;
        this.atOffset = atOffset;
        this.pageType = pageType;
        this.first = fetch(atOffset.apply(start).encoded());
        if (first.next() != null && !first.results().isEmpty() && inFlight > 1) {
            pageSize = limit != null && limit > 0 ? limit : first.results().size();
            plannedOffset = (long) start + first.results().size();
            plannedEnd = first.count();
            fill();
        }
        if (pending.isEmpty()) {
            followQuery = queryOf(first.next(), first);
        }
    }

    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        return !firstDelivered || !pending.isEmpty() || followQuery != null;
    }

    @Override
    public Page<T> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (!firstDelivered) {
            firstDelivered = true;
            Page<T> p = first;
            first = null;
            return p;
        }
        Page<T> page;
        if (!pending.isEmpty()) {
            page = await(pending.removeFirst());
            fill();
            if (pending.isEmpty()) {
                // The planned pages are done; rows added meanwhile are behind the last page's next.
                followQuery = queryOf(page.next(), page);
            }
        } else {
            page = fetch(followQuery);
            followQuery = queryOf(page.next(), page);
        }
        return page;
    }

    /** All rows of every remaining page, lazily; closing the stream closes this iterator. */
    public Stream<T> rows() {
        Iterator<T> flat = new Iterator<>() {
            private Iterator<T> current = List.<T>of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && PageIterator.this.hasNext()) {
                    current = PageIterator.this.next().results().iterator();
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(flat, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(this::close);
    }

    @Override
    public void close() {
        closed = true;
        for (Future<Page<T>> f : pending) {
            f.cancel(true);
        }
        pending.clear();
    }

    private void fill() {
        while (pending.size() < inFlight && plannedOffset < plannedEnd) {
            String q = atOffset.apply((int) plannedOffset).encoded();
            plannedOffset += pageSize;
            pending.addLast(executor.submit(() -> fetch(q)));
        }
    }

    private Page<T> fetch(String query) {
        Page<T> page = transport.json(new ApiRequest("GET", path, query, null, true), pageType);
        if (page == null) {
            throw new ApiException.BadResponse("The server sent an empty answer to GET " + path + ".", 200, "GET " + path,
                    null);
        }
        if (page.results() == null) {
            return new Page<>(page.count(), page.next(), page.previous(), List.of(), page.users());
        }
        return page;
    }

    private String queryOf(String next, Page<T> page) {
        if (next == null || next.isBlank() || page.results().isEmpty()) {
            return null;
        }
        try {
            String q = URI.create(next).getRawQuery();
            return q == null ? "" : q;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Page<T> await(Future<Page<T>> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            close();
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new ApiException.Network("Interrupted while loading pages of " + path + ".", "GET " + path, e, false);
        } catch (CancellationException e) {
            throw new NoSuchElementException("closed");
        }
    }
}
