package dev.burrow.client;

import com.fasterxml.jackson.databind.JavaType;
import dev.burrow.api.Json;
import dev.burrow.api.Page;
import java.util.function.IntFunction;

/** Builds {@link PageIterator}s over one list endpoint. */
final class Paging {

    private final Transport transport;
    private final java.util.concurrent.ExecutorService executor;
    private final int pagesInFlight;

    Paging(Transport transport, java.util.concurrent.ExecutorService executor, int pagesInFlight) {
        this.transport = transport;
        this.executor = executor;
        this.pagesInFlight = pagesInFlight;
    }

    static JavaType pageOf(Class<?> item) {
        return Json.MAPPER.getTypeFactory().constructParametricType(Page.class, item);
    }

    /**
     * @param path     the list endpoint, e.g. {@code file_system/}
     * @param atOffset the query for the page starting at an offset (with the caller's filters and limit)
     * @param start    the first offset
     * @param limit    the caller's page size, or null for the server's default
     */
    <T> PageIterator<T> iterate(String path, IntFunction<Query> atOffset, int start, Integer limit, Class<T> item) {
        return new PageIterator<>(transport, executor, pagesInFlight, path, atOffset, start, limit, pageOf(item));
    }

    <T> Page<T> one(String path, Query query, Class<T> item) {
        return transport.json(ApiRequest.get(path, query), pageOf(item));
    }
}
