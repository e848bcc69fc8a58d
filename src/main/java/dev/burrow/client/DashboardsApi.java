package dev.burrow.client;

import dev.burrow.api.Dashboard;

/** {@code dashboards/}: the one read the browser needs. */
public final class DashboardsApi {

    private final Transport transport;

    DashboardsApi(Transport transport) {
        this.transport = transport;
    }

    public Dashboard get(long id) {
        return transport.json(ApiRequest.get("dashboards/" + id + "/"), Dashboard.class);
    }
}
