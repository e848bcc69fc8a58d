package dev.burrow.client;

import dev.burrow.api.Insight;
import dev.burrow.api.Page;
import java.util.Optional;

/** {@code insights/}: reads by id and by short id (tree rows of insights carry the short id as ref). */
public final class InsightsApi {

    private final Transport transport;

    InsightsApi(Transport transport) {
        this.transport = transport;
    }

    public Insight get(long id) {
        return transport.json(ApiRequest.get("insights/" + id + "/"), Insight.class);
    }

    /** {@code GET insights/?short_id=}: empty when no insight has it. */
    public Optional<Insight> byShortId(String shortId) {
        Page<Insight> page = transport.json(ApiRequest.get("insights/", new Query().add("short_id", shortId)),
                Paging.pageOf(Insight.class));
        if (page == null || page.results() == null) {
            return Optional.empty();
        }
        // Match exactly: a server that ignores the filter must not hand back some other insight.
        return page.results().stream().filter(i -> shortId.equals(i.shortId())).findFirst();
    }
}
