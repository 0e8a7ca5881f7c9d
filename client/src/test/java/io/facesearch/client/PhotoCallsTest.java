package io.facesearch.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.client.testing.SharedPhotos;
import io.facesearch.client.testing.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Photos through the real face pipeline on the server: enrol a subject from two photos, search
 * with a third, detect, verify, and the refusals of bad photos. One server for the class: the
 * pipeline takes seconds to load.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhotoCallsTest {
    TestServer server;
    FaceSearchClient client;

    @BeforeAll
    void start(@TempDir Path dataDir) throws IOException {
        SharedPhotos.faces();
        server = TestServer.withPipeline(dataDir);
        client = server.client();
        client.createCollection("lfw");
        client.enroll("lfw", "bush", photo("George_W_Bush", 1));
        client.enroll("lfw", "bush", photo("George_W_Bush", 2));
        client.enroll("lfw", "powell", photo("Colin_Powell", 1));
        client.enroll("lfw", "powell", photo("Colin_Powell", 2));
    }

    @AfterAll
    void stop() {
        if (client != null) {
            client.close();
            server.stop();
        }
    }

    static Photo photo(String person, int n) throws IOException {
        return Photo.read(SharedPhotos.lfw(person, n));
    }

    /** New faces are searchable within a second: waits until the four faces enrolled at the start are. */
    List<SearchResult> searchSoon(Photo query, SearchOptions options) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<SearchResult> results;
        do {
            results = client.search("lfw", query, options);
            if (!results.isEmpty()
                    && results.getFirst().matches().candidates().stream().mapToInt(SubjectCandidate::nearFaces).sum() >= 4) {
                return results;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return results;
    }

    @Test
    void enrolmentStoresTheMainFaceWithItsBox() throws IOException {
        EnrollResult r = client.enroll("lfw", "blair", photo("Tony_Blair", 1));
        assertEquals(1, r.faces().size());
        EnrolledFace f = r.faces().getFirst();
        assertNotNull(f.box());
        assertTrue(f.box().width() > 50 && f.box().width() < 250, "an LFW face fills about half the 250 px photo: " + f.box());
        assertTrue(f.quality() > 0.5f);
        Face stored = client.getFace("lfw", f.faceId());
        assertEquals(Face.Source.IMAGE, stored.source());
        assertEquals(68, stored.landmarks().size());
        assertEquals(128, stored.embedding().length);
    }

    @Test
    void aThirdPhotoFindsTheSubjectEnrolledFromTwo() throws Exception {
        List<SearchResult> results = searchSoon(photo("George_W_Bush", 3), SearchOptions.DEFAULT.withFaceMatches(true));
        assertEquals(1, results.size(), "one face in an LFW photo");
        SearchResult r = results.getFirst();
        assertEquals(Decision.IDENTIFIED, r.matches().decision(), r.toString());
        SubjectCandidate bush = r.matches().identified().orElseThrow(() -> new AssertionError("not identified: " + r));
        assertEquals("bush", bush.subjectId());
        assertEquals(2, bush.nearFaces());
        assertTrue(bush.confidence() > 0.5f, bush.toString());
        assertTrue(r.matches().candidates().size() >= 2, "Powell is a candidate too, after Bush: " + r.matches());
        assertTrue(r.matches().candidates().get(1).confidence() < bush.confidence());
        OpenSetDecision basis = r.matches().openSet();
        assertTrue(basis.score() > basis.threshold(), basis.toString());
        assertEquals(0.01, basis.targetFpir(), 1e-12);
        assertTrue(basis.source() == ThresholdSource.CALIBRATED_DEFAULT || basis.source() == ThresholdSource.COLLECTION_ESTIMATE,
                basis.toString());

        Match best = r.matches().best().orElseThrow(() -> new AssertionError("no face match: " + r));
        assertEquals("bush", best.subjectId());
        assertEquals(bush.faceId(), best.faceId(), "the identified subject's nearest face is the nearest face");
        assertTrue(best.similarity() > 50, best.toString());
        assertTrue(r.matches().matches().stream().allMatch(m -> m.subjectId().equals("bush")),
                "Powell is beyond the threshold: " + r.matches());
        assertEquals(68, r.face().landmarks().size());

        List<SearchResult> powell = client.search("lfw", photo("Colin_Powell", 3), SearchOptions.DEFAULT.withTopK(1));
        assertEquals("powell", powell.getFirst().matches().identified().orElseThrow().subjectId());
        assertEquals(1, powell.getFirst().matches().candidates().size());
        assertTrue(powell.getFirst().matches().matches().isEmpty(), "face matches only on request");
    }

    @Test
    void verifiesAPhotoAgainstASubject() throws IOException {
        VerifyResult same = client.verify("lfw", FaceReference.subject("bush"), FaceReference.photo(photo("George_W_Bush", 4)));
        assertTrue(same.match(), same.toString());
        assertNotNull(same.matchedFaceId());
        VerifyResult other = client.verify("lfw", FaceReference.subject("powell"), FaceReference.photo(photo("George_W_Bush", 4)));
        assertFalse(other.match(), other.toString());
        VerifyResult photos = client.verify(FaceReference.photo(photo("Colin_Powell", 3)), FaceReference.photo(photo("Colin_Powell", 4)),
                VerifyOptions.DEFAULT);
        assertTrue(photos.match(), photos.toString());
    }

    @Test
    void detectsWithExpressionsAndEmbeddings() throws IOException {
        Detection d = client.detect(photo("Colin_Powell", 1), DetectOptions.DEFAULT.withExpressions(true).withEmbeddings(true));
        assertEquals(250, d.width());
        assertEquals(250, d.height());
        assertEquals(1, d.faces().size());
        DetectedFace f = d.faces().getFirst();
        assertEquals(68, f.landmarks().size());
        assertEquals(128, f.embedding().length);
        assertNotNull(f.expressions().dominant());
        assertFalse(d.modelId().isEmpty());
        assertEquals(d.modelId(), client.describeCollection("lfw").modelId());
    }

    @Test
    void severalFacesAreSelectedAsAsked() throws IOException {
        Photo group = Photo.read(SharedPhotos.file("groups/face_recognition_obama_and_biden.jpg"));
        int found = client.detect(group, DetectOptions.DEFAULT).faces().size();
        assertTrue(found >= 2, "a photo of two people: " + found);

        EnrollResult main = client.enroll(Enrollment.of("lfw", "group-main", group));
        assertEquals(1, main.faces().size());
        assertEquals(found - 1, main.rejected().size());
        assertEquals(RejectedFace.Reason.NOT_MAIN, main.rejected().getFirst().reason());

        EnrollResult none = client.enroll(Enrollment.of("lfw", "group-strict", group).withFaceSelection(FaceSelection.FAIL_IF_SEVERAL));
        assertFalse(none.enrolled());
        assertEquals(RejectedFace.Reason.SEVERAL_FACES, none.rejected().getFirst().reason());

        EnrollResult all = client.enroll(Enrollment.of("lfw", "group-all", group).withFaceSelection(FaceSelection.ALL));
        assertEquals(found, all.faces().size());
    }

    @Test
    void aPhotoWithoutAFaceEnrolsNothing() throws IOException {
        EnrollResult r = client.enroll("lfw", "brick", Photo.read(SharedPhotos.file("negatives/skimage_brick.png")));
        assertFalse(r.enrolled());
        assertTrue(r.rejected().isEmpty());
        assertTrue(client.search("lfw", Photo.read(SharedPhotos.file("negatives/skimage_brick.png"))).isEmpty());
    }

    @Test
    void aFileThatIsNoImageIsRefused() {
        Photo text = Photo.of("this is not an image".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        FaceSearchException enrol = assertThrows(FaceSearchException.class, () -> client.enroll("lfw", "x", text));
        assertEquals(StatusCode.INVALID_ARGUMENT, enrol.code());
        assertFalse(enrol.serverMessage().isBlank());
        assertEquals(StatusCode.INVALID_ARGUMENT, assertThrows(FaceSearchException.class, () -> client.search("lfw", text)).code());
        assertEquals(StatusCode.INVALID_ARGUMENT,
                assertThrows(FaceSearchException.class, () -> client.enroll("lfw", "x", Photo.of(new byte[0]))).code());
        assertEquals(StatusCode.NOT_FOUND,
                assertThrows(FaceSearchException.class, () -> client.search("nowhere", photo("Colin_Powell", 1))).code());
    }

    /** The README's example, with the photos of LFW people and the output collected. */
    @Test
    void theReadmeExampleFindsAlice(@TempDir Path dir) throws Exception {
        java.nio.file.Files.copy(SharedPhotos.lfw("Colin_Powell", 5), dir.resolve("alice-1.jpg"));
        java.nio.file.Files.copy(SharedPhotos.lfw("Colin_Powell", 6), dir.resolve("alice-2.jpg"));
        java.nio.file.Files.copy(SharedPhotos.lfw("Colin_Powell", 7), dir.resolve("who.jpg"));
        StringBuilder printed = new StringBuilder();
        try (FaceSearchClient client = FaceSearchClient.builder()
                .target(server.target())
                .token(server.adminKey())
                .build()) {
            client.createCollection("staff");
            client.enroll("staff", "alice", Photo.read(dir.resolve("alice-1.jpg")));
            client.enroll("staff", "alice", Photo.read(dir.resolve("alice-2.jpg")));
            Thread.sleep(1100); // searchable within a second

            for (SearchResult face : client.search("staff", Photo.read(dir.resolve("who.jpg")))) {
                face.matches().identified().ifPresentOrElse(
                        c -> printed.append("%s, confidence %.1f%%%n".formatted(c.subjectId(), 100 * c.confidence())),
                        () -> printed.append("someone unknown at " + face.face().box()));
            }
        }
        assertTrue(printed.toString().startsWith("alice, confidence "), printed.toString());
    }

    @Test
    void asynchronousPhotoCallsComplete() throws Exception {
        var search = client.async().search("lfw", photo("Colin_Powell", 4), SearchOptions.DEFAULT);
        var detect = client.async().detect(photo("Colin_Powell", 4), DetectOptions.DEFAULT.withMaxFaces(1));
        var verify = client.async().verify(FaceReference.photo(photo("Colin_Powell", 4)), FaceReference.subject("powell"),
                VerifyOptions.inCollection("lfw"));
        assertEquals("powell", search.get(30, java.util.concurrent.TimeUnit.SECONDS).getFirst().matches().identified().orElseThrow().subjectId());
        assertEquals(1, detect.get(30, java.util.concurrent.TimeUnit.SECONDS).faces().size());
        assertTrue(verify.get(30, java.util.concurrent.TimeUnit.SECONDS).match());
        var bad = client.async().detect(Photo.of(new byte[] {1, 2, 3}), DetectOptions.DEFAULT);
        var failure = assertThrows(java.util.concurrent.ExecutionException.class, () -> bad.get(30, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(StatusCode.INVALID_ARGUMENT, ((FaceSearchException) failure.getCause()).code());
    }

    @Test
    void aTinyDeadlineEndsTheCallWithDeadlineExceeded() {
        try (FaceSearchClient hurried = server.clientBuilder().deadline(Duration.ofMillis(1)).build()) {
            FaceSearchException e = assertThrows(FaceSearchException.class, () -> hurried.search("lfw", photo("Colin_Powell", 1)));
            assertEquals(StatusCode.DEADLINE_EXCEEDED, e.code());
        }
    }
}
