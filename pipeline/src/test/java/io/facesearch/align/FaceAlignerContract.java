package io.facesearch.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.testdata.Concurrently;
import io.facesearch.testdata.LfwSample.LocatedFace;
import io.facesearch.testdata.SharedStages;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link FaceAligner} must do, on faces the default stages located in LFW photos. An
 * implementation's test extends this class, provides {@link #aligner()} and adds only what is
 * particular to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FaceAlignerContract {

    /** The aligner under test. */
    protected abstract FaceAligner aligner();

    private static List<LocatedFace> faces() {
        return SharedStages.sample().faces();
    }

    private float[] chip(LocatedFace f, ChipView view, int size) {
        float[] chip = new float[size * size * 3];
        aligner().writeChip(f.image(), f.canvas(), f.box(), f.landmarks(), view, size, chip, 0);
        return chip;
    }

    @Test
    void writesExactlyTheChipRgbValuesFrom0To255AtTheOffset() {
        int size = FaceAligner.CHIP_SIZE;
        int length = size * size * 3;
        for (LocatedFace f : faces()) {
            float[] dest = new float[length + 20];
            Arrays.fill(dest, Float.NaN);
            aligner().writeChip(f.image(), f.canvas(), f.box(), f.landmarks(), ChipView.IDENTITY, size, dest, 10);
            for (int i = 0; i < dest.length; i++) {
                boolean inside = i >= 10 && i < 10 + length;
                if (inside) {
                    assertTrue(dest[i] >= 0 && dest[i] <= 255, f.file() + ": value " + dest[i] + " at " + i);
                } else {
                    assertTrue(Float.isNaN(dest[i]), f.file() + ": wrote outside the chip at " + i);
                }
            }
        }
    }

    @Test
    void theChipShowsTheFace() {
        for (LocatedFace f : faces()) {
            float[] chip = chip(f, ChipView.IDENTITY, FaceAligner.CHIP_SIZE);
            double mean = 0;
            for (float v : chip) {
                mean += v / chip.length;
            }
            double variance = 0;
            for (float v : chip) {
                variance += (v - mean) * (v - mean) / chip.length;
            }
            // A face has contrast; a blank or constant chip (a crop off the photo) has none.
            assertTrue(Math.sqrt(variance) > 10, f.file() + ": flat chip, deviation " + Math.sqrt(variance));
        }
    }

    @Test
    void aChipOfAnotherSizeCoversTheSamePartOfTheFace() {
        LocatedFace f = faces().get(0);
        float[] large = chip(f, ChipView.IDENTITY, 224);
        float[] small = chip(f, ChipView.IDENTITY, 112);
        // Halves of the chip (top, bottom) keep their mean brightness whatever the sampling.
        assertEquals(meanOfRows(large, 224, 0, 112), meanOfRows(small, 112, 0, 56), 6.0);
        assertEquals(meanOfRows(large, 224, 112, 224), meanOfRows(small, 112, 56, 112), 6.0);
    }

    @Test
    void theMirroredViewIsThePlainChipFlipped() {
        for (LocatedFace f : faces().subList(0, 3)) {
            float[] plain = chip(f, ChipView.IDENTITY, FaceAligner.CHIP_SIZE);
            float[] mirrored = chip(f, ChipView.MIRROR, FaceAligner.CHIP_SIZE);
            FaceAligner.mirror(plain, 0);
            assertArrayEquals(plain, mirrored, 1e-3f, f.file());
        }
    }

    @Test
    void theSameFaceGivesTheSameChip() {
        LocatedFace f = faces().get(1);
        assertArrayEquals(chip(f, ChipView.IDENTITY, FaceAligner.CHIP_SIZE), chip(f, ChipView.IDENTITY, FaceAligner.CHIP_SIZE));
    }

    @Test
    void hasAnIdForTheEmbeddingsItMakes() {
        assertFalse(aligner().id().isBlank());
        assertEquals(aligner().id(), aligner().id());
    }

    @Test
    void concurrentCallsGiveWhatSingleCallsGive() throws Exception {
        List<LocatedFace> faces = faces().subList(0, 4);
        List<Callable<float[]>> calls = faces.stream()
                .<Callable<float[]>>map(f -> () -> chip(f, ChipView.IDENTITY, FaceAligner.CHIP_SIZE)).toList();
        List<List<float[]>> results = Concurrently.run(calls, 2);
        for (int i = 0; i < faces.size(); i++) {
            float[] alone = chip(faces.get(i), ChipView.IDENTITY, FaceAligner.CHIP_SIZE);
            for (float[] concurrent : results.get(i)) {
                assertArrayEquals(alone, concurrent, faces.get(i).file());
            }
        }
    }

    private static double meanOfRows(float[] chip, int size, int fromRow, int toRow) {
        double sum = 0;
        for (int i = fromRow * size * 3; i < toRow * size * 3; i++) {
            sum += chip[i];
        }
        return sum / ((toRow - fromRow) * size * 3);
    }
}
