package io.facesearch.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.api.v1.DescribeCollectionRequest;
import io.facesearch.api.v1.FaceMatches;
import io.facesearch.store.testing.SyntheticFaces;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrencyApiTest extends ServerTestBase {

    @Test
    void concurrentEnrolmentAndSearchFromSeveralClients() throws Exception {
        createCollection("c");
        int writers = 4;
        int perWriter = 150;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < perWriter; i++) {
                    // Writers share subjects, so subject records are updated concurrently.
                    enrollment.enroll(enrollRequest("c", i % 50, writer * perWriter + i));
                }
                return null;
            }));
        }
        for (int r = 0; r < 2; r++) {
            futures.add(pool.submit(() -> {
                while (writing.get()) {
                    FaceMatches m = searchEmbedding("c", FACES.sample(searches.get() % 50, 9999), 10, false);
                    m.getMatchesList().forEach(x -> assertTrue(x.getDistance() <= 0.6f));
                    searches.incrementAndGet();
                }
                return null;
            }));
        }
        for (int w = 0; w < writers; w++) {
            futures.get(w).get(120, TimeUnit.SECONDS);
        }
        writing.set(false);
        for (Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertTrue(searches.get() > 0);
        var described = collections.describeCollection(DescribeCollectionRequest.newBuilder().setName("c").build());
        assertEquals(writers * perWriter, described.getFaceCount());
        assertEquals(50, described.getSubjectCount());
        for (int i = 0; i < 50; i += 7) {
            awaitTopMatch("c", FACES.sample(i, 12345), SyntheticFaces.subject(i));
        }
        // Every face is searchable within the refresh period (500 ms) of its enrolment.
        Thread.sleep(1000);
        for (int i = 0; i < 50; i += 7) {
            FaceMatches m = searchEmbedding("c", FACES.sample(i, 12345), 10, false);
            assertEquals(10, m.getMatchesCount(), "12 samples per identity, top 10 all of it");
            String subject = SyntheticFaces.subject(i);
            m.getMatchesList().forEach(x -> assertEquals(subject, x.getSubjectId()));
        }
    }
}
