package dev.burrow.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.burrow.api.ExportedAsset;
import dev.burrow.client.DownloadOptions;
import dev.burrow.client.DownloadOutcome;
import dev.burrow.client.NewExport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportJobTest {

    /** A clock that only moves when the job sleeps. */
    static final class FakeTime extends Clock {
        Instant now = Instant.parse("2026-11-01T00:00:00Z");
        final List<Duration> sleeps = new ArrayList<>();

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void sleep(Duration d) {
            sleeps.add(d);
            now = now.plus(d);
        }
    }

    static ExportedAsset asset(long id, boolean ready, String exception) {
        return new ExportedAsset(id, null, 7L, NewExport.PNG, "2026-11-01T00:00:00Z", ready, null, "chart.png",
                null, exception, null);
    }

    static final class FakeService implements ExportService {
        final Deque<ExportedAsset> answers = new ArrayDeque<>();
        int retrieves;
        int downloads;

        @Override
        public ExportedAsset create(NewExport export) {
            return answers.size() > 1 ? answers.removeFirst() : answers.peekFirst();
        }

        @Override
        public ExportedAsset retrieve(long id) {
            retrieves++;
            return answers.size() > 1 ? answers.removeFirst() : answers.peekFirst();
        }

        @Override
        public DownloadOutcome download(ExportedAsset asset, Path folder, DownloadOptions options) {
            downloads++;
            options.progress().progress(50, 100);
            return new DownloadOutcome.Saved(folder.resolve(asset.filename()), 100, "image/png");
        }
    }

    @Test
    void pollsEarlyThenSlowerAndDownloadsWhenReady() {
        FakeTime time = new FakeTime();
        FakeService service = new FakeService();
        service.answers.add(asset(1, false, null));
        for (int i = 0; i < 24; i++) {
            service.answers.add(asset(1, false, null));
        }
        service.answers.add(asset(1, true, null));
        List<ExportState> seen = new ArrayList<>();
        ExportJob job = new ExportJob(service, Path.of("out"), Duration.ofMinutes(15), time::sleep, time);
        ExportState end = job.run(NewExport.insight(7, NewExport.PNG), seen::add);
        ExportState.Saved saved = assertInstanceOf(ExportState.Saved.class, end);
        assertEquals(Path.of("out", "chart.png"), saved.file());
        assertEquals(1, service.downloads);
        assertEquals(Duration.ofMillis(1500), time.sleeps.get(0));
        assertEquals(Duration.ofSeconds(10), time.sleeps.get(time.sleeps.size() - 1));
        assertTrue(time.sleeps.stream().filter(d -> d.equals(Duration.ofMillis(1500))).count() <= 21);
        assertTrue(seen.stream().anyMatch(s -> s instanceof ExportState.Downloading d && d.bytes() == 50));
    }

    @Test
    void stopsOnTheServersExceptionWithItsText() {
        FakeTime time = new FakeTime();
        FakeService service = new FakeService();
        service.answers.add(asset(2, false, null));
        service.answers.add(asset(2, false, "PDF export is not supported."));
        ExportState end = new ExportJob(service, Path.of("out"), Duration.ofMinutes(1), time::sleep, time)
                .run(NewExport.insight(7, NewExport.PDF), s -> { });
        ExportState.Failed failed = assertInstanceOf(ExportState.Failed.class, end);
        assertEquals("PDF export is not supported.", failed.message());
        assertEquals(0, service.downloads);
    }

    @Test
    void givesUpAfterTheTimeoutWithoutDownloading() {
        FakeTime time = new FakeTime();
        FakeService service = new FakeService();
        service.answers.add(asset(3, false, null));
        ExportState end = new ExportJob(service, Path.of("out"), Duration.ofSeconds(20), time::sleep, time)
                .run(NewExport.insight(7, NewExport.PNG), s -> { });
        assertInstanceOf(ExportState.Failed.class, end);
        assertTrue(service.retrieves >= 10 && service.retrieves <= 15, "retrieves " + service.retrieves);
    }

    @Test
    void cancellingStopsPolling() {
        FakeTime time = new FakeTime();
        FakeService service = new FakeService();
        service.answers.add(asset(4, false, null));
        ExportJob[] job = new ExportJob[1];
        job[0] = new ExportJob(service, Path.of("out"), Duration.ofMinutes(5), d -> {
            time.sleep(d);
            job[0].cancel();
        }, time);
        ExportState end = job[0].run(NewExport.insight(7, NewExport.PNG), s -> { });
        assertInstanceOf(ExportState.Cancelled.class, end);
        assertEquals(1, service.retrieves);
    }
}
