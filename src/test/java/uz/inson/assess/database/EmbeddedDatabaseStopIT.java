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

            instance.process().destroy();
            assertTrue(instance.process().waitFor(60, TimeUnit.SECONDS), "the instance did not stop within 60 s");

            List<String> log = Files.readAllLines(instance.log());
            int started = indexOf(log, "Installed features");
            List<String> afterStart = log.subList(started, log.size());
            assertTrue(afterStart.stream().anyMatch(line -> line.contains("stopped in")), () -> "no orderly stop in the log:\n" + afterStart);
            assertEquals(List.of(), afterStart.stream().filter(line -> line.matches(".*\\b(WARN|ERROR)\\b.*")).toList(),
                    "warnings or errors while stopping");
            assertFalse(Files.exists(pid), "the embedded PostgreSQL was left running");
        } finally {
            try (Stream<Path> files = Files.walk(workDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static int indexOf(List<String> log, String text) {
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("the instance never said '" + text + "'");
    }
}
