package uz.inson.assess.database;

import org.junit.jupiter.api.Test;
import uz.inson.assess.support.PackagedInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged service on the embedded PostgreSQL it starts itself, as a newcomer runs it, stopped as an operator or
 * Kubernetes stops it (SIGTERM): the application stops before its database does, so the stop leaves no warning or
 * error in the log (before, every stop logged the database going away under the scheduled jobs and listeners, with a
 * rolled-back transaction's stack trace), and the database server is stopped too.
 */
class EmbeddedDatabaseStopIT {

    @Test
    void theServiceStopsBeforeItsEmbeddedDatabaseAndLogsNoWarning() throws Exception {
        Path workDir = Files.createTempDirectory("inson-embedded");
        Path keys = Files.createDirectories(workDir.resolve("keys"));
        try {
            PackagedInstance instance = PackagedInstance.startOnItsEmbeddedDatabase(keys, workDir).awaitReady();
            Path pid = workDir.resolve("data/postgres/postmaster.pid");
            assertTrue(Files.exists(pid), "the instance runs its own PostgreSQL under " + workDir);

            // only what the stop writes: a slow machine may warn of other things while the instance runs
            int before = Files.readAllLines(instance.log()).size();
            instance.process().destroy();
            assertTrue(instance.process().waitFor(60, TimeUnit.SECONDS), "the instance did not stop within 60 s");

            List<String> log = Files.readAllLines(instance.log());
            List<String> stopping = log.subList(before, log.size());
            assertTrue(stopping.stream().anyMatch(line -> line.contains("stopped in")), () -> "no orderly stop in the log:\n" + stopping);
            assertEquals(List.of(), stopping.stream().filter(line -> line.matches(".*\\b(WARN|ERROR)\\b.*")).toList(),
                    "warnings or errors while stopping");
            assertFalse(Files.exists(pid), "the embedded PostgreSQL was left running");
        } finally {
            try (Stream<Path> files = Files.walk(workDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
