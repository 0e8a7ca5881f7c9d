package io.facesearch.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.client.testing.TestServer;
import io.facesearch.client.testing.Vectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrolment, search, verification and the catalogue of subjects and faces, with precomputed
 * embeddings on a server without the face pipeline.
 */
class EmbeddingCallsTest {
    static final String MODEL = "synthetic@1";

    @TempDir
    Path dataDir;
    TestServer server;
    FaceSearchClient client;

    @BeforeEach
    void start() {
        server = TestServer.withoutPipeline(dataDir);
        client = server.client();
        client.createCollection(CollectionSpec.named("people").withModelId(MODEL));
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop();
    }

    static String subject(int identity) {
        return "person-%03d".formatted(identity);
    }

    EnrollResult enrol(int identity, int sample) {
        return client.enroll(Enrollment.of("people", subject(identity), Vectors.sample(identity, sample))
                .withMetadata(Map.of("sample", Integer.toString(sample))));
    }

    /** The index refreshes periodically; polls until a new face is searchable and identified as its subject. */
    Matches awaitMatch(float[] query, String subject) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Matches m;
        do {
            m = client.searchByEmbedding("people", query, SearchOptions.DEFAULT.withTopK(5));
            if (m.identified().map(x -> x.subjectId().equals(subject)).orElse(false)) {
                return m;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no match for " + subject + " within 5 s: " + m);
    }

    /** Polls until the given face is the nearest face of the query's first candidate. */
    void awaitFace(float[] query, String faceId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Matches m;
        do {
            m = client.searchByEmbedding("people", query, SearchOptions.DEFAULT.withTopK(5));
            if (!m.candidates().isEmpty() && m.candidates().getFirst().faceId().equals(faceId)) {
                return;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("face " + faceId + " not searchable within 5 s: " + m);
    }

    @Test
    void enrolsAndFindsByEmbedding() throws InterruptedException {
        EnrollResult r = enrol(1, 0);
        assertEquals(1, r.faces().size());
        assertTrue(r.enrolled());
        assertFalse(r.replayed());
        assertNull(r.faces().getFirst().box(), "a precomputed embedding has no box");
        assertEquals(1.0f, r.faces().getFirst().quality());
        assertNotNull(r.requestId(), "a request id is chosen when none is given");
        enrol(2, 0);

        Matches m = awaitMatch(Vectors.sample(1, 3), subject(1));
        assertEquals(Decision.IDENTIFIED, m.decision());
        assertFalse(m.unknown());
        SubjectCandidate identified = m.identified().orElseThrow();
        assertEquals(r.faces().getFirst().faceId(), identified.faceId());
        assertEquals(1, identified.nearFaces());
        assertTrue(identified.confidence() > 0.5f && identified.confidence() <= 1, "within the threshold: " + identified);
        assertEquals(List.of(subject(1), subject(2)), m.candidates().stream().map(SubjectCandidate::subjectId).toList(),
                "every subject is a candidate, nearest first");
        assertEquals(ThresholdSource.DISTANCE_THRESHOLD, m.openSet().source(), "no open-set calibration for a synthetic model");
        assertEquals(0.01, m.openSet().targetFpir(), 1e-12, "the collection's default");
        assertTrue(m.matches().isEmpty(), "face matches only on request");
        assertEquals(Metric.EUCLIDEAN, m.metric());
        assertEquals(0.6f, m.threshold(), 1e-6);

        Matches faces = client.searchByEmbedding("people", Vectors.sample(1, 3), SearchOptions.DEFAULT.withFaceMatches(true));
        Match best = faces.best().orElseThrow();
        assertEquals(identified.faceId(), best.faceId());
        assertTrue(best.similarity() > 50, "within the threshold: " + best);
        assertEquals(1, faces.matches().size(), "the other identity is beyond the threshold");

        Matches exact = client.searchByEmbedding("people", Vectors.sample(2, 1),
                SearchOptions.DEFAULT.withExact(true).withThreshold(2f).withFaceMatches(true));
        assertEquals(subject(2), exact.identified().orElseThrow().subjectId());
        assertEquals(subject(2), exact.best().orElseThrow().subjectId());
        assertEquals(2, exact.matches().size(), "a wide threshold admits both");

        Matches stranger = client.searchByEmbedding("people", Vectors.sample(99, 0), SearchOptions.DEFAULT.withFaceMatches(true));
        assertTrue(stranger.unknown());
        assertEquals(Decision.UNKNOWN, stranger.decision());
        assertTrue(stranger.identified().isEmpty());
        assertEquals(2, stranger.candidates().size(), "the nearest subjects, though none is the person");
        assertTrue(stranger.best().isEmpty());
    }

    @Test
    void aSearchMayOverrideTheCollectionsTargetRate() throws InterruptedException {
        client.createCollection(CollectionSpec.named("strict").withModelId(MODEL).withTargetFpir(0.001));
        client.enroll(Enrollment.of("strict", subject(1), Vectors.sample(1, 0)));
        assertEquals(0.001, client.describeCollection("strict").targetFpir(), 1e-12);
        Matches m = client.searchByEmbedding("strict", Vectors.sample(1, 1), SearchOptions.DEFAULT.withExact(true));
        assertEquals(0.001, m.openSet().targetFpir(), 1e-12, "the collection's");
        Matches loose = client.searchByEmbedding("strict", Vectors.sample(1, 1), SearchOptions.DEFAULT.withExact(true).withTargetFpir(0.05));
        assertEquals(0.05, loose.openSet().targetFpir(), 1e-12, "the search's own");
        assertEquals(StatusCode.INVALID_ARGUMENT, assertThrows(FaceSearchException.class,
                () -> client.searchByEmbedding("strict", Vectors.sample(1, 1), SearchOptions.DEFAULT.withTargetFpir(1.5))).code());
    }

    @Test
    void aRequestIdMakesEnrolmentIdempotent() {
        Enrollment e = Enrollment.of("people", subject(1), Vectors.sample(1, 0)).withRequestId("import-42");
        EnrollResult first = client.enroll(e);
        EnrollResult again = client.enroll(e);
        assertEquals("import-42", first.requestId());
        assertFalse(first.replayed());
        assertTrue(again.replayed());
        assertEquals(first.faces(), again.faces());
        assertEquals(1, client.describeCollection("people").faceCount());
    }

    @Test
    void searchesByEnrolledFace() throws InterruptedException {
        String a0 = enrol(1, 0).faces().getFirst().faceId();
        String a1 = enrol(1, 1).faces().getFirst().faceId();
        // Wait for a1 itself to be searchable: a0, a close sample of the same subject, may be first.
        awaitFace(Vectors.sample(1, 1), a1);
        Matches m = client.searchByFace("people", a0, SearchOptions.DEFAULT.withFaceMatches(true));
        assertEquals(List.of(a1), m.matches().stream().map(Match::faceId).toList(), "the face itself is excluded");
        assertEquals(a1, m.identified().orElseThrow().faceId(), "its subject's other face");
    }

    @Test
    void verifiesFacesSubjectsAndEmbeddings() {
        String a0 = enrol(1, 0).faces().getFirst().faceId();
        enrol(1, 1);
        String b0 = enrol(2, 0).faces().getFirst().faceId();

        VerifyResult same = client.verify("people", FaceReference.subject(subject(1)), FaceReference.embedding(Vectors.sample(1, 2)));
        assertTrue(same.match());
        assertNotNull(same.matchedFaceId());
        VerifyResult different = client.verify("people", FaceReference.face(a0), FaceReference.face(b0));
        assertFalse(different.match());
        assertTrue(different.similarity() < 50);

        VerifyResult loose = client.verify(FaceReference.embedding(Vectors.sample(1, 0)), FaceReference.embedding(Vectors.sample(2, 0)),
                VerifyOptions.DEFAULT.withMetric(Metric.COSINE).withThreshold(1.5f));
        assertEquals(Metric.COSINE, loose.metric());
        assertTrue(loose.match(), "a threshold of 1.5 admits orthogonal vectors: " + loose);
        assertNull(loose.matchedFaceId());

        FaceSearchException unknown = assertThrows(FaceSearchException.class,
                () -> client.verify("people", FaceReference.subject("nobody"), FaceReference.face(a0)));
        assertEquals(StatusCode.NOT_FOUND, unknown.code());
    }

    @Test
    void listsSubjectsAndFacesPageByPage() {
        for (int i = 0; i < 5; i++) {
            enrol(i, 0);
            enrol(i, 1);
        }
        Page<Subject> first = client.listSubjects("people", 2, "");
        assertEquals(List.of(subject(0), subject(1)), first.items().stream().map(Subject::subjectId).toList());
        assertTrue(first.hasNext());
        assertEquals(2, first.items().getFirst().faceCount());
        Page<Subject> second = client.listSubjects("people", 2, first.nextPageToken());
        assertEquals(subject(2), second.items().getFirst().subjectId());

        assertEquals(5, client.allSubjects("people").count());
        List<Face> faces = client.allFaces(FaceQuery.in("people").withPageSize(3)).toList();
        assertEquals(10, faces.size());
        assertNull(faces.getFirst().embedding(), "embeddings only when asked for");

        List<Face> ofOne = client.allFaces(FaceQuery.in("people").withSubject(subject(3)).withEmbeddings(true)).toList();
        assertEquals(2, ofOne.size());
        Face f = ofOne.getFirst();
        assertEquals(subject(3), f.subjectId());
        assertEquals(Face.Source.PRECOMPUTED, f.source());
        assertEquals(MODEL, f.modelId());
        assertEquals(Vectors.DIMENSION, f.embedding().length);
        assertTrue(f.metadata().containsKey("sample"));

        Face got = client.getFace("people", f.faceId());
        assertEquals(f.faceId(), got.faceId());
        assertArrayEquals(f.embedding(), got.embedding());
        assertFalse(got.requestId().isEmpty());
    }

    @Test
    void deletesFacesAndSubjects() {
        String a0 = enrol(1, 0).faces().getFirst().faceId();
        enrol(1, 1);
        enrol(2, 0);
        String absent = "123e4567-e89b-12d3-a456-426614174000";
        DeletedFaces deleted = client.deleteFaces("people", List.of(a0, absent));
        assertEquals(1, deleted.deleted());
        assertEquals(List.of(absent), deleted.notFound());
        assertEquals(StatusCode.NOT_FOUND, assertThrows(FaceSearchException.class, () -> client.getFace("people", a0)).code());

        assertEquals(1, client.deleteSubject("people", subject(1)));
        assertEquals(StatusCode.NOT_FOUND,
                assertThrows(FaceSearchException.class, () -> client.deleteSubject("people", subject(1))).code());
        assertEquals(1, client.describeCollection("people").faceCount());
        assertEquals(1L, client.deleteCollection("people"));
    }

    @Test
    void badInputsAreRefusedWithTheServersReason() {
        FaceSearchException wrongLength = assertThrows(FaceSearchException.class,
                () -> client.enroll(Enrollment.of("people", "x", new float[] {1, 2, 3})));
        assertEquals(StatusCode.INVALID_ARGUMENT, wrongLength.code());
        assertTrue(wrongLength.serverMessage().contains("3"), wrongLength.serverMessage());
        assertEquals(StatusCode.INVALID_ARGUMENT, assertThrows(FaceSearchException.class,
                () -> client.searchByEmbedding("people", new float[64], SearchOptions.DEFAULT)).code());

        FaceSearchException unknown = assertThrows(FaceSearchException.class,
                () -> client.enroll(Enrollment.of("nowhere", "x", Vectors.sample(1, 0))));
        assertEquals(StatusCode.NOT_FOUND, unknown.code());
        assertEquals(StatusCode.NOT_FOUND, assertThrows(FaceSearchException.class,
                () -> client.searchByEmbedding("nowhere", Vectors.sample(1, 0), SearchOptions.DEFAULT)).code());
        assertEquals(StatusCode.NOT_FOUND, assertThrows(FaceSearchException.class,
                () -> client.listSubjects("nowhere", 0, "")).code());

        assertEquals(StatusCode.INVALID_ARGUMENT, assertThrows(FaceSearchException.class,
                () -> client.getFace("people", "not-a-uuid")).code());
        assertEquals(StatusCode.INVALID_ARGUMENT, assertThrows(FaceSearchException.class,
                () -> client.searchByEmbedding("people", Vectors.sample(1, 0), SearchOptions.DEFAULT.withTopK(5000))).code());
        assertEquals(StatusCode.FAILED_PRECONDITION, assertThrows(FaceSearchException.class,
                () -> client.enroll(Enrollment.of("people", "x", Vectors.sample(1, 0)).withModelId("other@2"))).code());
        assertEquals(StatusCode.FAILED_PRECONDITION, assertThrows(FaceSearchException.class,
                () -> client.detect(Photo.of(new byte[] {1, 2, 3}), DetectOptions.DEFAULT)).code(),
                "this server has no face pipeline");
    }

    @Test
    void asynchronousCallsCoverTheCatalogue() throws Exception {
        AsyncFaceSearchClient async = client.async();
        List<java.util.concurrent.CompletableFuture<EnrollResult>> pending = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pending.add(async.enroll(Enrollment.of("people", subject(i % 4), Vectors.sample(i % 4, i))));
        }
        for (var f : pending) {
            assertTrue(f.get(10, TimeUnit.SECONDS).enrolled());
        }
        Page<Subject> subjects = async.listSubjects("people", 0, null).get(10, TimeUnit.SECONDS);
        assertEquals(4, subjects.items().size());
        Page<Face> faces = async.listFaces(FaceQuery.in("people").withSubject(subject(0))).get(10, TimeUnit.SECONDS);
        assertEquals(5, faces.items().size());
        String id = faces.items().getFirst().faceId();
        assertEquals(id, async.getFace("people", id).get(10, TimeUnit.SECONDS).faceId());
        assertEquals(Vectors.DIMENSION, async.getFace("people", id).get(10, TimeUnit.SECONDS).embedding().length);
        assertEquals(Metric.EUCLIDEAN, async.searchByFace("people", id, SearchOptions.DEFAULT).get(10, TimeUnit.SECONDS).metric());
        assertTrue(async.verify(FaceReference.face(id), FaceReference.subject(subject(0)), VerifyOptions.inCollection("people"))
                .get(10, TimeUnit.SECONDS).match());
        awaitMatch(Vectors.sample(0, 0), subject(0)); // searchable after the next index refresh
        assertEquals(subject(0), async.searchByEmbedding("people", Vectors.sample(0, 0), SearchOptions.DEFAULT)
                .get(10, TimeUnit.SECONDS).identified().orElseThrow().subjectId());
        assertEquals(1, async.deleteFaces("people", List.of(id)).get(10, TimeUnit.SECONDS).deleted());
        assertEquals(4, async.deleteSubject("people", subject(0)).get(10, TimeUnit.SECONDS));
    }
}
