package dev.burrow.tree.organise;

import dev.burrow.api.FileSystemEntry;
import java.util.List;

/**
 * The reads planning needs beyond the tree index. Every method blocks: call it off the FX
 * thread. {@link ClientLookup} answers over HTTP.
 */
public interface OrganiseLookup {

    /** Every row the server's search finds for {@code query}, all pages, with the pages' {@code users}. */
    Matches search(String query);

    /** The short ids of the insights on a dashboard's tiles ({@code ref} is the dashboard's id). */
    List<String> insightsOn(String dashboardRef);

    /** Every row of one type, all pages (folders, dashboards). */
    List<FileSystemEntry> rowsOfType(String type);
}
