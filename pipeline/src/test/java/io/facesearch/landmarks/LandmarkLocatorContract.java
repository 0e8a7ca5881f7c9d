package io.facesearch.landmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.face.FaceBox;
import io.facesearch.face.Landmarks;
import io.facesearch.testdata.Concurrently;
import io.facesearch.testdata.LfwSample.LocatedFace;
import io.facesearch.testdata.SharedStages;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link LandmarkLocator} must do, on faces the default detector found in LFW photos. An
 * implementation's test extends this class, provides {@link #locator()} and adds only what is
 * particular to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LandmarkLocatorContract {

    /** The locator under test. */
    protected abstract LandmarkLocator locator();

    private static List<LocatedFace> faces() {
        return SharedStages.sample().faces();
    }

    private List<Landmarks> locate(LocatedFace f) {
        return locator().locate(f.image(), f.canvas(), List.of(f.box()));
    }

    @Test
    void placesSixtyEightPointsOnTheFaceInIbugOrder() {
        for (LocatedFace f : faces()) {
            Landmarks points = locate(f).get(0);
            FaceBox box = f.box();
            for (int p = 0; p < Landmarks.COUNT; p++) {
                float x = points.x(p);
                float y = points.y(p);
                // Within the box grown by half its size: a point can sit beyond the detector's box (the chin).
                assertTrue(x > box.x() - box.width() / 2 && x < box.x() + 1.5 * box.width()
                        && y > box.y() - box.height() / 2 && y < box.y() + 1.5 * box.height(),
                        f.file() + ": point " + p + " at " + x + "," + y + " is far off " + box);
            }
            // iBUG 68: 36-41 is the eye on the photo's left, 42-47 the other; the mouth (48-67) below both.
            assertTrue(mean(points, 36, 42, true) < mean(points, 42, 48, true), f.file() + ": eyes swapped");
            assertTrue(mean(points, 36, 48, false) < mean(points, 48, 68, false), f.file() + ": mouth above the eyes");
        }
    }

    @Test
    void oneListPerCallParallelToTheBoxesAndNoneForNoBoxes() {
        LocatedFace a = faces().get(0);
        LocatedFace b = faces().get(1);
        List<Landmarks> both = locator().locate(a.image(), a.canvas(), List.of(a.box(), b.box()));
        assertEquals(2, both.size());
        assertEquals(List.of(), locator().locate(a.image(), a.canvas(), List.of()));
        assertEquals(List.of(), locator().locateTurned(a.image(), a.canvas(), List.of(), new double[0]));
    }

    @Test
    void theSameFaceGivesTheSamePoints() {
        LocatedFace f = faces().get(2);
        assertEquals(locate(f), locate(f));
    }

    @Test
    void turningByNothingReadsTheFaceAsIs() {
        for (LocatedFace f : faces().subList(0, 4)) {
            Landmarks plain = locate(f).get(0);
            Landmarks turned = locator().locateTurned(f.image(), f.canvas(), List.of(f.box()), new double[] {0}).get(0);
            for (int p = 0; p < Landmarks.COUNT; p++) {
                assertEquals(plain.x(p), turned.x(p), 0.5, f.file() + " point " + p);
                assertEquals(plain.y(p), turned.y(p), 0.5, f.file() + " point " + p);
            }
        }
    }

    @Test
    void turnedReadingsNeedOneRollPerBox() {
        LocatedFace f = faces().get(0);
        assertThrows(IllegalArgumentException.class,
                () -> locator().locateTurned(f.image(), f.canvas(), List.of(f.box()), new double[] {0, 0}));
    }

    @Test
    void concurrentCallsGiveWhatSingleCallsGive() throws Exception {
        List<LocatedFace> faces = faces().subList(0, 4);
        List<Callable<List<Landmarks>>> calls = faces.stream().<Callable<List<Landmarks>>>map(f -> () -> locate(f)).toList();
        List<List<List<Landmarks>>> results = Concurrently.run(calls, 2);
        for (int i = 0; i < faces.size(); i++) {
            List<Landmarks> alone = locate(faces.get(i));
            for (List<Landmarks> concurrent : results.get(i)) {
                assertEquals(alone, concurrent, faces.get(i).file());
            }
        }
    }

    /** Mean x (or y) of points {@code from} to {@code to} exclusive. */
    private static double mean(Landmarks points, int from, int to, boolean x) {
        double sum = 0;
        for (int p = from; p < to; p++) {
            sum += x ? points.x(p) : points.y(p);
        }
        return sum / (to - from);
    }
}
