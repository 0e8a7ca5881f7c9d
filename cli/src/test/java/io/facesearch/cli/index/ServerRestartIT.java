package io.facesearch.cli.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.facesearch.cli.ExitStatus;
import io.facesearch.cli.testing.ChildJvm;
import io.facesearch.client.Face;
import io.facesearch.client.FaceSearchClient;
import io.facesearch.client.FaceSearchException;
import io.facesearch.client.testing.SharedPhotos;
import io.facesearch.indexer.journal.JournalReader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server is killed (SIGKILL, in a child JVM) in the middle of a run and started again: the
 * indexer reconnects, sends again what the dead stream had not acknowledged, and finishes with
 * every face stored once.
 */
class ServerRestartIT {
    private static final int PHOTOS = 60;
    private static final int KILL_AFTER = 10;
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path temp;

    @Test
    void runSurvivesAServerKilledAndRestarted() throws Exception {
        Path photos = SharedPhotos.copy(SharedPhotos.first(SharedPhotos.lfw(), PHOTOS), temp.resolve("photos"));
        Path journals = temp.resolve("journals");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String target = "127.0.0.1:" + port;
        ChildJvm first = startServer(port, "server-1");
        CompletableFuture<IndexCli.Run> run = null;
        awaitListening(first);
        // The server wrote its bootstrap admin key at its first start; the restarted one keeps it.
        String key = Files.readString(temp.resolve("data").resolve("admin.key")).strip();
        try (FaceSearchClient client = FaceSearchClient.builder().target(target).token(key).build()) {
            awaitServing(client, first);
            run = CompletableFuture.supplyAsync(() -> IndexCli.index("--server", target, "--token", key, "-c", "restarted", "--create",
                    "--journal", journals.toString(), "--threads", "2", "--retries", "8", photos.toString()));
            awaitRecords(journals, KILL_AFTER, run);
            first.kill();
            ChildJvm second = startServer(port, "server-2");
            try {
                IndexCli.Run done = run.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                assertEquals(ExitStatus.OK, done.status(), done::toString);
                JsonNode report = done.report();
                assertTrue(report.path("serverReconnects").asInt() >= 1, report::toPrettyString);
                assertEquals(PHOTOS, report.path("imagesEnrolled").asInt() + report.path("imagesWithoutFace").asInt(),
                        report::toPrettyString);
                List<Face> stored = StoredFaces.of(client, "restarted");
                assertEquals(report.path("facesEnrolled").asInt(), stored.size());
                assertEquals(stored.size(), stored.stream().map(Face::requestId).collect(Collectors.toSet()).size(), "no face twice");
            } finally {
                second.kill();
            }
        } finally {
            first.kill();
            if (run != null) {
                run.cancel(true);
            }
        }
    }

    private ChildJvm startServer(int port, String name) throws Exception {
        return ChildJvm.start(temp, name, "serve", "--no-pipeline", "--data", temp.resolve("data").toString(), "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--metrics-port", "-1");
    }

    private static void awaitListening(ChildJvm server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!server.stdout().contains("listening")) {
            if (!server.process().isAlive() || System.nanoTime() > deadline) {
                fail("the server did not start:\n" + server.output());
            }
            Thread.sleep(100);
        }
    }

    private static void awaitServing(FaceSearchClient client, ChildJvm server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (server.stdout().contains("listening")) {
                client.listCollections();
                return;
            }
            if (!server.process().isAlive()) {
                fail("the server ended:\n" + server.output());
            }
            Thread.sleep(100);
        }
        fail("the server did not start:\n" + server.output());
    }

    private static void awaitRecords(Path journals, int count, CompletableFuture<IndexCli.Run> run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (run.isDone()) {
                fail("the run ended before the server was killed:\n" + run.get());
            }
            if (Files.isDirectory(journals)) {
                try (Stream<Path> files = Files.list(journals)) {
                    List<Path> found = files.toList();
                    long[] records = {0};
                    if (found.size() == 1) {
                        JournalReader.read(found.getFirst(), e -> records[0]++);
                    }
                    if (records[0] >= count) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        fail("no " + count + " journal records within " + TIMEOUT_SECONDS + " s");
    }
}
