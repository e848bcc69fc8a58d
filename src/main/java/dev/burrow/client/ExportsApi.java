package dev.burrow.client;

import dev.burrow.api.ExportedAsset;
import dev.burrow.api.Page;
import java.nio.file.Path;

/** {@code exports/}: create, poll, list and download exported assets (contract/exports.md). */
public final class ExportsApi {

    private static final String BASE = "exports/";

    private final Transport transport;
    private final Paging paging;
    private final ContentDownload downloads;

    ExportsApi(Transport transport, Paging paging, RetryPolicy downloadRetry) {
        this.transport = transport;
        this.paging = paging;
        this.downloads = new ContentDownload(transport, downloadRetry);
    }

    /** The caller's exports, newest first. */
    public Page<ExportedAsset> list(ExportQuery query) {
        return paging.one(BASE, query.toQuery(), ExportedAsset.class);
    }

    public PageIterator<ExportedAsset> pages(ExportQuery query) {
        int start = query.offset() == null ? 0 : query.offset();
        return paging.iterate(BASE, offset -> query.withOffset(offset).toQuery(), start, query.limit(),
                ExportedAsset.class);
    }

    /**
     * {@code POST exports/}: 201. The answer is usually final ({@code has_content} or {@code exception}),
     * but poll with {@link #retrieve} when it is not. Never repeated after a failure.
     */
    public ExportedAsset create(NewExport export) {
        return transport.json(ApiRequest.post(BASE, null, export.body()), ExportedAsset.class);
    }

    public ExportedAsset retrieve(long id) {
        return transport.json(ApiRequest.get(BASE + id + "/"), ExportedAsset.class);
    }

    /**
     * Downloads the export's content into {@code folder} under the server's file name (made safe),
     * or {@code name (1).ext} when that exists. See {@link DownloadOutcome} for the results that
     * are not errors; network and server failures throw {@link ApiException}, local disk failures
     * {@link java.io.UncheckedIOException}.
     */
    public DownloadOutcome download(long id, Path folder, DownloadOptions options) {
        ApiRequest request = ApiRequest.get(BASE + id + "/content/", new Query().add("download", "true"));
        return downloads.run(request, folder, options);
    }

    /** As {@link #download(long, Path, DownloadOptions)}, with the export's own {@code filename} as fallback. */
    public DownloadOutcome download(ExportedAsset asset, Path folder, DownloadOptions options) {
        DownloadOptions o = options.fallbackName() == null ? options.withFallbackName(asset.filename()) : options;
        return download(asset.id(), folder, o);
    }
}
