package dev.burrow.exports;

import dev.burrow.api.ExportedAsset;
import dev.burrow.client.DownloadOptions;
import dev.burrow.client.DownloadOutcome;
import dev.burrow.client.ExportsApi;
import dev.burrow.client.NewExport;
import java.nio.file.Path;

/** What an export job needs of a server; {@link #over} answers it with the client. */
public interface ExportService {

    ExportedAsset create(NewExport export);

    ExportedAsset retrieve(long id);

    DownloadOutcome download(ExportedAsset asset, Path folder, DownloadOptions options);

    static ExportService over(ExportsApi api) {
        return new ExportService() {
            @Override
            public ExportedAsset create(NewExport export) {
                return api.create(export);
            }

            @Override
            public ExportedAsset retrieve(long id) {
                return api.retrieve(id);
            }

            @Override
            public DownloadOutcome download(ExportedAsset asset, Path folder, DownloadOptions options) {
                return api.download(asset, folder, options);
            }
        };
    }
}
