package io.facesearch.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.facesearch.api.v1.Embedding;
import io.facesearch.api.v1.EnrollResponse;
import io.facesearch.api.v1.FaceMatches;
import io.facesearch.api.v1.FaceSelection;
import io.facesearch.api.v1.SearchByEmbeddingRequest;
import io.facesearch.api.v1.SearchOptions;
import io.facesearch.api.v1.SearchRequest;
import io.facesearch.api.v1.SearchResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * 1:N identification on real photos, end to end: the first LFW photo of each of 150 people is
 * enrolled as an image, and their other photos are searched for. Reports rank-1 accuracy, and
 * checks that the HNSW index answers exactly as the exhaustive scan of the database does.
 */
class LfwSearchApiIT extends ImageServerTestBase {
    /** People enrolled: the first 150 of LFW DevTrain, by name, who have at least two photos. */
    private static final int PEOPLE = 150;
    /** Query photos per person (their 2nd); bounds the test's time, as analysis costs ~0.1 s a photo. */
    private static final int QUERIES_PER_PERSON = 1;
    /** Concurrent clients: the server analyses as many images at once as there are cores. */
    private static final int CLIENTS = 2;
    /** Queries also sent as Search(image), to check it finds what the image's embedding finds. */
    private static final int IMAGE_SEARCHES = 10;
    /** Outcomes of a query. */
    private static final int NO_FACE = -1;
    private static final int WRONG = 0;
    private static final int RANK_ONE = 1;
    private static final int ACCEPTED = 2;
    /**
     * Measured 0.98-1.00 (see the printed figure) with the default pipeline; the floor leaves room
     * for a pipeline change to move a few hard queries, not for a regression of the search.
     */
    private static final double RANK1_FLOOR = 0.95;
    /** Far past every distance, so rank 1 is the nearest face whether or not it is a match. */
    private static final float ANY_DISTANCE = 10f;

    @Test
    void rankOneAccuracyOnLfwAndHnswEqualsExact() throws Exception {
        createCollection("lfw");
        List<String> people = peopleWithSeveralPhotos();
        // Two clients at once, as the server analyses pipeline.concurrency (= cores) images at once.
        List<EnrollResponse> responses = inParallel(people, person ->
                enrollImage("lfw", person, read(lfwPhotos(person).getFirst()), FaceSelection.MAIN));
        List<String> enrolled = new ArrayList<>();
        String lastFaceId = null;
        for (int i = 0; i < people.size(); i++) {
            if (responses.get(i).getFacesCount() == 1) {
                enrolled.add(people.get(i));
                lastFaceId = responses.get(i).getFaces(0).getFaceId();
            }
        }
        assertTrue(enrolled.size() >= PEOPLE * 0.95, "a face was found in most first photos: " + enrolled.size());
        awaitSearchable("lfw", lastFaceId);

        List<Query> queries = new ArrayList<>();
        for (String person : enrolled) {
            List<Path> photos = lfwPhotos(person);
            for (Path photo : photos.subList(1, Math.min(photos.size(), 1 + QUERIES_PER_PERSON))) {
                queries.add(new Query(queries.size(), person, photo));
            }
        }
        List<Integer> outcomes = inParallel(queries, this::search);
        int rankOne = (int) outcomes.stream().filter(o -> o >= RANK_ONE).count();
        int accepted = (int) outcomes.stream().filter(o -> o == ACCEPTED).count();
        int noFace = (int) outcomes.stream().filter(o -> o == NO_FACE).count();
        double accuracy = rankOne / (double) queries.size();
        System.out.printf(Locale.ROOT, "LFW 1:N over gRPC: %d people enrolled, %d query photos, rank-1 accuracy %.4f "
                        + "(%d correct, %d of them within the 0.6 threshold; %d without a face found)%n",
                enrolled.size(), queries.size(), accuracy, rankOne, accepted, noFace);
        assertTrue(queries.size() >= enrolled.size(), "a query per person: " + queries.size());
        assertTrue(accuracy >= RANK1_FLOOR, "rank-1 accuracy " + accuracy + " is below " + RANK1_FLOOR);
    }

    /** A query photo of an enrolled person. */
    private record Query(int index, String person, Path photo) {
    }

    /** Searches for one photo of a person: its outcome, after checking HNSW against exact search. */
    private int search(Query q) {
        String person = q.person();
        Path photo = q.photo();
        ByteString image = read(photo);
        List<Float> query = embeddingOf(image);
        if (query.isEmpty()) {
            return NO_FACE;
        }
        FaceMatches approximate = searchEmbedding(query, false);
        FaceMatches exact = searchEmbedding(query, true);
        assertSameMatches(exact, approximate, photo);
        if (q.index() < IMAGE_SEARCHES) {
            assertSearchByImageAgrees(image, approximate, photo);
        }
        if (!approximate.getMatches(0).getSubjectId().equals(person)) {
            return WRONG;
        }
        return approximate.getMatches(0).getSimilarity() > 50 ? ACCEPTED : RANK_ONE;
    }

    /** Applies {@code call} to every item on two threads; results in item order. */
    private static <T, R> List<R> inParallel(List<T> items, Function<T, R> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> call.apply(item)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    // An assertion failed on a client thread: report it as the test's own failure.
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw e;
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** HNSW and the exhaustive scan of RocksDB return the same faces at the same distances. */
    private static void assertSameMatches(FaceMatches exact, FaceMatches approximate, Path photo) {
        assertEquals(exact.getMatchesCount(), approximate.getMatchesCount(), photo.toString());
        for (int i = 0; i < exact.getMatchesCount(); i++) {
            assertEquals(exact.getMatches(i).getFaceId(), approximate.getMatches(i).getFaceId(), photo + " rank " + (i + 1));
            assertEquals(exact.getMatches(i).getDistance(), approximate.getMatches(i).getDistance(), 1e-5, photo + " rank " + (i + 1));
        }
    }

    /** Search by image finds what searching by the image's embedding finds. */
    private void assertSearchByImageAgrees(ByteString image, FaceMatches byEmbedding, Path photo) {
        SearchResponse byImage = search.search(SearchRequest.newBuilder().setCollection("lfw").setImage(image)
                .setOptions(SearchOptions.newBuilder().setFaceMatches(true).setTopK(5).setThreshold(ANY_DISTANCE)).build());
        assertTrue(byImage.getResultsCount() >= 1, photo.toString());
        FaceMatches main = byImage.getResults(0).getMatches();
        assertEquals(byEmbedding.getMatches(0).getFaceId(), main.getMatches(0).getFaceId(), photo.toString());
        assertEquals(byEmbedding.getMatches(0).getDistance(), main.getMatches(0).getDistance(), 1e-5, photo.toString());
    }

    private FaceMatches searchEmbedding(List<Float> query, boolean exact) {
        return search.searchByEmbedding(SearchByEmbeddingRequest.newBuilder().setCollection("lfw")
                .setEmbedding(Embedding.newBuilder().addAllValues(query))
                .setOptions(SearchOptions.newBuilder().setFaceMatches(true).setTopK(5).setThreshold(ANY_DISTANCE).setExact(exact)).build());
    }

    private List<String> peopleWithSeveralPhotos() throws IOException {
        try (Stream<Path> dirs = Files.list(faces.resolve("lfw"))) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted()
                    .filter(person -> lfwPhotos(person).size() >= 2).limit(PEOPLE).toList();
        }
    }
}
