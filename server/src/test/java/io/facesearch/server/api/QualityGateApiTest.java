package io.facesearch.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.facesearch.api.v1.DetectRequest;
import io.facesearch.api.v1.DetectResponse;
import io.facesearch.api.v1.DetectedFace;
import io.facesearch.api.v1.EnrollResponse;
import io.facesearch.api.v1.FaceSelection;
import io.facesearch.api.v1.ListFacesRequest;
import io.facesearch.api.v1.RejectedFace;
import io.facesearch.api.v1.RejectionReason;
import io.facesearch.api.v1.SearchRequest;
import io.facesearch.api.v1.SearchResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The enrolment quality gate through the real server and pipeline, with the server's default
 * quality settings: no photo of {@code faces/negatives} (animals, objects, textures) enrols a face,
 * its main detection refused with a quality reason; LFW portraits still enrol;
 * Detect and Search report each face's quality without refusing it.
 */
class QualityGateApiTest extends ImageServerTestBase {
    private static final Set<RejectionReason> QUALITY = EnumSet.of(RejectionReason.LOW_SCORE, RejectionReason.LANDMARKS_DISAGREE,
            RejectionReason.TOO_SMALL, RejectionReason.BLURRY, RejectionReason.EXTREME_POSE);
    /** LFW people whose first photos other tests also enrol. */
    private static final List<String> PEOPLE = List.of("Colin_Powell", "Tony_Blair", "George_W_Bush", "Serena_Williams", "Jean_Chretien");

    private List<Path> negatives() {
        try (Stream<Path> files = Files.list(faces.resolve("negatives"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void noPhotoWithoutAFaceEnrolsAndEachDetectionIsRefusedWithItsReason() {
        createCollection("negatives");
        int detections = 0;
        for (Path photo : negatives()) {
            ByteString image = read(photo);
            int found = detection.detect(DetectRequest.newBuilder().setImage(image).build()).getFacesCount();
            // The default selection: the main face is judged by the gate, the others are not the subject's.
            EnrollResponse r = enrollImage("negatives", "nobody", image, FaceSelection.MAIN);
            assertEquals(0, r.getFacesCount(), photo.getFileName() + " enrolled " + r.getFacesList());
            assertEquals(found, r.getRejectedCount(), "every detection is reported: " + photo.getFileName());
            if (found > 0) {
                RejectedFace main = r.getRejected(0);
                assertTrue(QUALITY.contains(main.getReason()), photo.getFileName() + ": " + main);
                assertFalse(main.getMessage().isEmpty());
                assertTrue(main.hasBox());
                r.getRejectedList().subList(1, found).forEach(f -> assertEquals(RejectionReason.NOT_MAIN, f.getReason()));
            }
            detections += found;
        }
        assertTrue(detections > 0, "the detector does see faces in some of these photos: the gate is what refuses them");
        assertEquals(0, catalog.listFaces(ListFacesRequest.newBuilder().setCollection("negatives").build()).getFacesCount());
    }

    @Test
    void lfwPortraitsEnrolAsBefore() {
        createCollection("portraits");
        int photos = 0;
        for (String person : PEOPLE) {
            for (Path photo : lfwPhotos(person).subList(0, 3)) {
                EnrollResponse r = enrollImage("portraits", person, read(photo), FaceSelection.MAIN);
                assertEquals(1, r.getFacesCount(), photo.getFileName() + " refused: " + r.getRejectedList());
                r.getRejectedList().forEach(f -> assertEquals(RejectionReason.NOT_MAIN, f.getReason(), photo.getFileName().toString()));
                photos++;
            }
        }
        assertEquals(15, photos);
    }

    @Test
    void detectAndSearchReportQualityWithoutRefusing() {
        createCollection("reported");
        ByteString portrait = read(lfwPhotos("Colin_Powell").getFirst());
        DetectResponse d = detection.detect(DetectRequest.newBuilder().setImage(portrait).build());
        DetectedFace face = d.getFaces(0);
        assertTrue(face.hasFaceQuality());
        assertTrue(face.getFaceQuality().getPassed(), face.getFaceQuality().toString());
        assertEquals(RejectionReason.REJECTION_REASON_UNSPECIFIED, face.getFaceQuality().getReason());
        assertEquals(face.getQuality(), face.getFaceQuality().getScore());
        assertTrue(face.getFaceQuality().getFacePixels() > 50 && face.getFaceQuality().getSharpness() > 0, face.getFaceQuality().toString());

        enrollImage("reported", "Colin_Powell", portrait, FaceSelection.MAIN);
        for (Path photo : negatives()) {
            SearchResponse s = search.search(SearchRequest.newBuilder().setCollection("reported").setImage(read(photo)).build());
            s.getResultsList().forEach(result -> {
                assertTrue(result.getFace().hasFaceQuality());
                assertTrue(result.hasMatches(), "searched all the same");
            });
            if (s.getResultsCount() > 0) {
                var main = s.getResults(0).getFace().getFaceQuality();
                assertFalse(main.getPassed(), photo.getFileName() + ": the main face is reported failing");
                assertTrue(QUALITY.contains(main.getReason()), main.toString());
            }
        }
    }
}
