package io.facesearch.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.facesearch.detect.FaceProminence;
import io.facesearch.face.FaceBox;
import io.facesearch.api.v1.BoundingBox;
import io.facesearch.api.v1.DetectRequest;
import io.facesearch.api.v1.DetectResponse;
import io.facesearch.api.v1.DetectedFace;
import io.facesearch.api.v1.EnrollResponse;
import io.facesearch.api.v1.Expressions;
import io.facesearch.api.v1.FaceReference;
import io.facesearch.api.v1.FaceSelection;
import io.facesearch.api.v1.ListFacesRequest;
import io.facesearch.api.v1.RejectedFace;
import io.facesearch.api.v1.RejectionReason;
import io.facesearch.api.v1.SearchOptions;
import io.facesearch.api.v1.SearchRequest;
import io.facesearch.api.v1.SearchResponse;
import io.facesearch.api.v1.SearchResult;
import io.facesearch.api.v1.VerifyRequest;
import io.facesearch.api.v1.VerifyResponse;
import io.facesearch.compare.FalseAcceptRates;
import io.facesearch.compare.MatchThreshold;
import io.facesearch.pipeline.PipelineStage;
import io.grpc.Status;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every image RPC on real photos: detection, enrolment with each face selection on a group photo,
 * search by image, verification of every kind of pair, images without faces, and bad images of
 * every kind, after which the server keeps serving. Also the pipeline's stage timings on the
 * Prometheus endpoint.
 */
class ImageApiTest extends ImageServerTestBase {
    /** A group photo of 5 people (face-api's examples), 594 x 383: small, so quick to analyse. */
    private static final String GROUP = "groups/faceapi_bbt3.jpg";
    /** Two LFW people with several clear photos each. */
    private static final String PERSON = "Colin_Powell";
    private static final String OTHER = "Tony_Blair";

    private Path shared(String relative) {
        return faces.resolve(relative);
    }

    @AfterEach
    void serverKeepsServing() {
        DetectResponse r = detection.detect(DetectRequest.newBuilder().setImage(read(lfwPhotos(PERSON).getFirst())).build());
        assertEquals(1, r.getFacesCount(), "a portrait still gives its face");
    }

    @Test
    void detectFindsEveryFaceWithLandmarksExpressionsAndEmbeddings() {
        ByteString group = read(shared(GROUP));
        DetectResponse r = detection.detect(DetectRequest.newBuilder().setImage(group).setExpressions(true).setEmbeddings(true).build());
        assertEquals(594, r.getImageWidth());
        assertEquals(383, r.getImageHeight());
        assertTrue(r.getFacesCount() >= 4 && r.getFacesCount() <= 6, "about 5 faces: " + r.getFacesCount());
        assertFalse(r.getModelId().isEmpty());
        double previousProminence = Double.MAX_VALUE;
        for (DetectedFace f : r.getFacesList()) {
            BoundingBox b = f.getBox();
            assertTrue(b.getWidth() > 20 && b.getX() >= -b.getWidth() / 4 && b.getX() + b.getWidth() <= 594 + b.getWidth() / 4, b.toString());
            double prominence = prominence(b, 594, 383);
            assertTrue(prominence <= previousProminence + 1e-3, "main face first");
            previousProminence = prominence;
            assertTrue(f.getQuality() > 0.5 && f.getQuality() <= 1, "detector score " + f.getQuality());
            assertEquals(68, f.getLandmarksCount());
            assertEquals(128, f.getEmbedding().getValuesCount());
            Expressions e = f.getExpressions();
            float sum = e.getNeutral() + e.getHappy() + e.getSad() + e.getAngry() + e.getFearful() + e.getDisgusted() + e.getSurprised();
            assertEquals(1, sum, 0.01);
            assertFalse(e.getDominant().isEmpty());
        }
        DetectResponse plain = detection.detect(DetectRequest.newBuilder().setImage(group).setMaxFaces(1).build());
        assertEquals(1, plain.getFacesCount());
        assertEquals(area(r.getFaces(0).getBox()), area(plain.getFaces(0).getBox()), 1e-3);
        assertFalse(plain.getFaces(0).hasExpressions());
        assertEquals(0, plain.getFaces(0).getEmbedding().getValuesCount());
    }

    @Test
    void enrolmentOfAGroupPhotoFollowsTheFaceSelection() {
        createCollection("group");
        ByteString group = read(shared(GROUP));
        int found = detection.detect(DetectRequest.newBuilder().setImage(group).build()).getFacesCount();
        assertTrue(found >= 2);

        EnrollResponse main = enrollImage("group", "main", group, FaceSelection.MAIN);
        assertEquals(1, main.getFacesCount());
        assertEquals(found - 1, main.getRejectedCount());
        for (RejectedFace rejected : main.getRejectedList()) {
            assertEquals(RejectionReason.NOT_MAIN, rejected.getReason());
            assertTrue(prominence(rejected.getBox(), 594, 383) <= prominence(main.getFaces(0).getBox(), 594, 383));
        }

        EnrollResponse all = enrollImage("group", "all", group, FaceSelection.ALL);
        assertEquals(found, all.getFacesCount());
        assertEquals(0, all.getRejectedCount());
        assertEquals(found, catalog.listFaces(ListFacesRequest.newBuilder().setCollection("group").setSubjectId("all").build()).getFacesCount());

        EnrollResponse none = enrollImage("group", "fail", group, FaceSelection.FAIL_IF_SEVERAL);
        assertEquals(0, none.getFacesCount());
        assertEquals(found, none.getRejectedCount());
        none.getRejectedList().forEach(r -> {
            assertEquals(RejectionReason.SEVERAL_FACES, r.getReason());
            assertFalse(r.getMessage().isEmpty());
        });
        assertEquals(0, catalog.listFaces(ListFacesRequest.newBuilder().setCollection("group").setSubjectId("fail").build()).getFacesCount());

        EnrollResponse single = enrollImage("group", "single", read(lfwPhotos(PERSON).getFirst()), FaceSelection.FAIL_IF_SEVERAL);
        assertEquals(1, single.getFacesCount(), "one face is enrolled under FAIL_IF_SEVERAL");
    }

    @Test
    void searchByImageMatchesEveryFaceOfAGroupWithItself() throws InterruptedException {
        createCollection("search");
        ByteString group = read(shared(GROUP));
        EnrollResponse all = enrollImage("search", "group", group, FaceSelection.ALL);
        awaitSearchable("search", all.getFaces(all.getFacesCount() - 1).getFaceId());
        SearchResponse r = search.search(SearchRequest.newBuilder().setCollection("search").setImage(group)
                .setOptions(SearchOptions.newBuilder().setFaceMatches(true).setTopK(3)).build());
        assertEquals(all.getFacesCount(), r.getResultsCount());
        for (int i = 0; i < r.getResultsCount(); i++) {
            SearchResult result = r.getResults(i);
            assertFalse(result.getMatches().getUnknown());
            assertEquals(all.getFaces(i).getFaceId(), result.getMatches().getMatches(0).getFaceId(), "face " + i + " finds itself");
            assertEquals(0, result.getMatches().getMatches(0).getDistance(), 1e-4);
            assertTrue(result.getMatches().getMatches(0).getSimilarity() > 99.9);
        }
    }

    @Test
    void anImageWithoutAFaceFindsNothingAndEnrolsNothing() {
        createCollection("empty");
        enrollImage("empty", "someone", read(lfwPhotos(PERSON).getFirst()), FaceSelection.MAIN);
        for (String negative : List.of("negatives/skimage_brick.png", "negatives/human_background.jpg")) {
            ByteString image = read(shared(negative));
            SearchResponse r = search.search(SearchRequest.newBuilder().setCollection("empty").setImage(image).build());
            assertEquals(0, r.getResultsCount(), negative);
            EnrollResponse e = enrollImage("empty", "nobody", image, FaceSelection.MAIN);
            assertEquals(0, e.getFacesCount(), negative);
        }
        assertStatus(Status.Code.INVALID_ARGUMENT, "no face", () -> verification.verify(VerifyRequest.newBuilder()
                .setFirst(image(shared("negatives/skimage_brick.png"))).setSecond(image(lfwPhotos(PERSON).getFirst())).build()));
    }

    @Test
    void verifiesImagesSubjectsAndFaceIds() {
        createCollection("verify");
        List<Path> person = lfwPhotos(PERSON);
        Path other = lfwPhotos(OTHER).getFirst();
        EnrollResponse first = enrollImage("verify", PERSON, read(person.get(0)), FaceSelection.MAIN);
        EnrollResponse second = enrollImage("verify", PERSON, read(person.get(1)), FaceSelection.MAIN);
        EnrollResponse stranger = enrollImage("verify", OTHER, read(other), FaceSelection.MAIN);

        VerifyResponse sameImages = verification.verify(VerifyRequest.newBuilder()
                .setFirst(image(person.get(0))).setSecond(image(person.get(1))).build());
        assertTrue(sameImages.getMatch(), "two photos of " + PERSON + ": " + sameImages);
        assertConsistent(sameImages);
        VerifyResponse differentImages = verification.verify(VerifyRequest.newBuilder()
                .setFirst(image(person.get(0))).setSecond(image(other)).build());
        assertFalse(differentImages.getMatch(), PERSON + " vs " + OTHER + ": " + differentImages);
        assertConsistent(differentImages);

        VerifyResponse imageVsSubject = verification.verify(VerifyRequest.newBuilder().setCollection("verify")
                .setFirst(image(person.get(2))).setSecond(FaceReference.newBuilder().setSubjectId(PERSON)).build());
        assertTrue(imageVsSubject.getMatch(), imageVsSubject.toString());
        assertTrue(List.of(first.getFaces(0).getFaceId(), second.getFaces(0).getFaceId()).contains(imageVsSubject.getMatchedFaceId()));
        assertConsistent(imageVsSubject);
        VerifyResponse imageVsOtherSubject = verification.verify(VerifyRequest.newBuilder().setCollection("verify")
                .setFirst(image(person.get(2))).setSecond(FaceReference.newBuilder().setSubjectId(OTHER)).build());
        assertFalse(imageVsOtherSubject.getMatch());
        assertEquals(stranger.getFaces(0).getFaceId(), imageVsOtherSubject.getMatchedFaceId());

        VerifyResponse faceIds = verification.verify(VerifyRequest.newBuilder().setCollection("verify")
                .setFirst(faceId(first)).setSecond(faceId(second)).build());
        assertTrue(faceIds.getMatch());
        // The stored embeddings are the ones computed from the same images.
        assertEquals(sameImages.getDistance(), faceIds.getDistance(), 1e-4);
        VerifyResponse otherFaceIds = verification.verify(VerifyRequest.newBuilder().setCollection("verify")
                .setFirst(faceId(first)).setSecond(faceId(stranger)).build());
        assertFalse(otherFaceIds.getMatch());
        assertEquals(differentImages.getDistance(), otherFaceIds.getDistance(), 1e-4);
    }

    @Test
    void badImagesAreRefusedWithAStatusThatSaysWhy() throws IOException {
        createCollection("bad");
        byte[] jpeg = read(lfwPhotos(PERSON).getFirst()).toByteArray();
        ByteString empty = ByteString.EMPTY;
        ByteString truncated = ByteString.copyFrom(Arrays.copyOf(jpeg, jpeg.length / 2));
        ByteString text = ByteString.copyFrom("this is a text file named photo.jpg\n", StandardCharsets.UTF_8);
        ByteString bomb = ByteString.copyFrom(pngHeaderOnly(30000, 30000));
        List<Function<ByteString, Object>> calls = List.of(
                image -> detection.detect(DetectRequest.newBuilder().setImage(image).build()),
                image -> search.search(SearchRequest.newBuilder().setCollection("bad").setImage(image).build()),
                image -> enrollImage("bad", "s", image, FaceSelection.MAIN),
                image -> verification.verify(VerifyRequest.newBuilder().setFirst(FaceReference.newBuilder().setImage(image))
                        .setSecond(image(lfwPhotos(PERSON).getFirst())).build()));
        for (Function<ByteString, Object> call : calls) {
            assertStatus(Status.Code.INVALID_ARGUMENT, "empty", () -> call.apply(empty));
            assertStatus(Status.Code.INVALID_ARGUMENT, "truncated", () -> call.apply(truncated));
            assertStatus(Status.Code.INVALID_ARGUMENT, "image", () -> call.apply(text));
            assertStatus(Status.Code.RESOURCE_EXHAUSTED, "30000x30000", () -> call.apply(bomb));
        }
        // 20 MiB against the 16 MiB default limit: refused by the transport before any decoding.
        byte[] oversized = Arrays.copyOf(jpeg, 20 * 1024 * 1024);
        assertStatus(Status.Code.RESOURCE_EXHAUSTED, "", () -> search.search(SearchRequest.newBuilder().setCollection("bad")
                .setImage(ByteString.copyFrom(oversized)).build()));
        assertEquals(0, catalog.listFaces(ListFacesRequest.newBuilder().setCollection("bad").build()).getFacesCount());
    }

    @Test
    void aPhonesJpegWithTrailingBytesIsEnrolledAndOtherFormatsAreNamed() {
        createCollection("phone");
        byte[] jpeg = read(lfwPhotos(PERSON).getFirst()).toByteArray();
        byte[] trailer = new byte[200_000];
        new java.util.Random(3).nextBytes(trailer);
        byte[] appended = Arrays.copyOf(jpeg, jpeg.length + trailer.length);
        System.arraycopy(trailer, 0, appended, jpeg.length, trailer.length);
        assertEquals(1, enrollImage("phone", "s", ByteString.copyFrom(appended), FaceSelection.MAIN).getFacesCount());
        byte[] heic = new byte[24];
        heic[3] = 24;
        System.arraycopy("ftypheic".getBytes(StandardCharsets.US_ASCII), 0, heic, 4, 8);
        assertStatus(Status.Code.INVALID_ARGUMENT, "HEIC images are not supported",
                () -> detection.detect(DetectRequest.newBuilder().setImage(ByteString.copyFrom(heic)).build()));
    }

    @Test
    void pipelineStageTimingsAreOnThePrometheusEndpoint() throws IOException, InterruptedException {
        detection.detect(DetectRequest.newBuilder().setImage(read(shared(GROUP))).setExpressions(true).setEmbeddings(true).build());
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.metricsPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        String body = response.body();
        for (PipelineStage stage : PipelineStage.values()) {
            String count = "facesearch_pipeline_stage_seconds_count{stage=\"" + stage.label() + "\"} ";
            int at = body.indexOf(count);
            assertTrue(at >= 0, "no timer for " + stage + " in\n" + body);
            double value = Double.parseDouble(body.substring(at + count.length(), body.indexOf('\n', at)));
            assertTrue(value >= 1, stage + " was timed " + value + " times");
            assertTrue(body.contains("facesearch_pipeline_stage_seconds_bucket{stage=\"" + stage.label() + "\","), "histogram of " + stage);
        }
    }

    /** Similarity is the pipeline's own scale at the threshold applied: exactly 50 there. */
    private static void assertConsistent(VerifyResponse r) {
        MatchThreshold rule = MatchThreshold.DEFAULT_EUCLIDEAN;
        assertEquals(rule.threshold(), r.getThreshold(), 1e-6);
        assertEquals(rule.similarityPercent(r.getDistance()), r.getSimilarity(), 1e-3);
        assertEquals(rule.matches(r.getDistance()), r.getMatch());
        assertEquals(r.getMatch(), r.getSimilarity() > 50);
        assertTrue(r.getFalseAcceptRateKnown(), "the default pipeline's threshold has a measured rate: " + r);
        assertEquals(FalseAcceptRates.DEFAULT_EUCLIDEAN.at(rule.threshold()).rate(), r.getFalseAcceptRate(), 1e-9);
    }

    private static FaceReference image(Path file) {
        return FaceReference.newBuilder().setImage(read(file)).build();
    }

    private static FaceReference faceId(EnrollResponse enrolled) {
        return FaceReference.newBuilder().setFaceId(enrolled.getFaces(0).getFaceId()).build();
    }

    private static double area(BoundingBox b) {
        return (double) b.getWidth() * b.getHeight();
    }

    private static double prominence(BoundingBox b, int width, int height) {
        return FaceProminence.of(new FaceBox(b.getX(), b.getY(), b.getWidth(), b.getHeight()), width, height);
    }

    /** A PNG signature and an IHDR chunk claiming the given size, with no pixel data: a decompression bomb's header. */
    private static byte[] pngHeaderOnly(int width, int height) throws IOException {
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream chunk = new DataOutputStream(ihdr);
        chunk.writeBytes("IHDR");
        chunk.writeInt(width);
        chunk.writeInt(height);
        chunk.write(new byte[] {8, 2, 0, 0, 0}); // 8-bit RGB, deflate, no filter, no interlace
        byte[] body = ihdr.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(body);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream png = new DataOutputStream(out);
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        png.writeInt(body.length - 4);
        png.write(body);
        png.writeInt((int) crc.getValue());
        return out.toByteArray();
    }
}
