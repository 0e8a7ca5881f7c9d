package io.facesearch.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.face.Face;
import io.facesearch.face.FaceBox;
import io.facesearch.testdata.SharedData;
import io.facesearch.testdata.SharedPipeline;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The face the default pipeline puts first, on LFW photos where the subject is not the obvious detection. */
class MainFaceTest {

    private static List<Face> faces(String lfwFile, int maxFaces) throws Exception {
        byte[] photo = Files.readAllBytes(SharedData.file("faces/lfw/" + lfwFile));
        return SharedPipeline.view().analyze(photo, new AnalysisOptions(false, false, maxFaces)).faces();
    }

    private static void assertCentral(FaceBox box, String why) {
        assertTrue(Math.abs(box.centerX() - 125) < 40 && Math.abs(box.centerY() - 125) < 40 && box.width() > 70,
                why + ": " + box);
    }

    @Test
    void theSubjectLookingDownIsFoundBesideAConfidentBackgroundFace() throws Exception {
        // Kim Ryong-sung scores 0.41; a small face in the background scores 0.82.
        List<Face> faces = faces("Kim_Ryong-sung/Kim_Ryong-sung_0011.jpg", 100);
        assertTrue(faces.size() >= 2, faces.toString());
        assertCentral(faces.get(0).box(), "the subject first");
    }

    @Test
    void aBoxWhoseLandmarksCollapseIsNotTheMainFace() throws Exception {
        // Fred Thompson, hand at his face: a false box over most of the photo would win on prominence.
        for (int maxFaces : new int[] {1, 100}) {
            List<Face> faces = faces("Fred_Thompson/Fred_Thompson_0001.jpg", maxFaces);
            FaceBox main = faces.get(0).box();
            assertTrue(main.width() < 150 && main.centerY() < 125, "his face, not the large box: " + faces);
            if (maxFaces == 1) {
                assertTrue(faces.size() == 1, faces.toString());
            } else {
                assertTrue(faces.size() == 2 && faces.get(1).box().area() > 1.5 * main.area(),
                        "the false box is kept, last: " + faces);
            }
        }
    }
}
