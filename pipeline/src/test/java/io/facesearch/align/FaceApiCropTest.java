package io.facesearch.align;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.facesearch.testdata.LfwSample.LocatedFace;
import io.facesearch.testdata.SharedStages;
import org.junit.jupiter.api.Test;

/** face-api's own crop: the contract, and that it has no transform to jitter. */
class FaceApiCropTest extends FaceAlignerContract {

    @Override
    protected FaceAligner aligner() {
        return new FaceApiCrop();
    }

    @Test
    void aJitteredViewIsRefused() {
        LocatedFace f = SharedStages.sample().faces().get(0);
        ChipView turned = new ChipView(0.1, 1, 0, 0, false);
        assertThrows(IllegalArgumentException.class, () -> aligner().writeChip(f.image(), f.canvas(), f.box(),
                f.landmarks(), turned, new float[FaceAligner.CHIP_SIZE * FaceAligner.CHIP_SIZE * 3], 0));
    }
}
