package io.facesearch.pipeline;

import io.facesearch.align.ChipView;
import io.facesearch.align.DlibFaceChip;
import io.facesearch.align.FaceAligner;
import io.facesearch.align.FaceApiCrop;
import io.facesearch.detect.DetectorSettings;
import java.util.List;

/**
 * How the pipeline finds and embeds faces.
 *
 * @param detector detection thresholds and border
 * @param aligner the chip fed to the recognition network
 * @param views the chips of each face whose descriptors are averaged (identity and mirror by default)
 * @param mirroredLandmarks average each face's landmarks with those read on its mirror image
 * @param levelledLandmarks read each face's landmarks a second time on the image turned so that the
 *     first reading's eyes are level, and keep that reading
 */
public record PipelineSettings(DetectorSettings detector, FaceAligner aligner, List<ChipView> views,
        boolean mirroredLandmarks, boolean levelledLandmarks) {

    public PipelineSettings {
        views = List.copyOf(views);
    }

    /**
     * The most accurate configuration: bordered detection with a cascade, landmarks and descriptors
     * averaged with their mirror images', landmarks read again on the levelled face, dlib chip.
     */
    public static final PipelineSettings DEFAULT = new PipelineSettings(DetectorSettings.DEFAULT, new DlibFaceChip(),
            List.of(ChipView.IDENTITY, ChipView.MIRROR), true, true);

    /** face-api's own pipeline, for comparisons with it. */
    public static final PipelineSettings ORIGINAL =
            new PipelineSettings(DetectorSettings.ORIGINAL, new FaceApiCrop(), List.of(ChipView.IDENTITY), false, false);

    /** Names the alignment and the views averaged, e.g. {@code dlib+mirror}. */
    public String embeddingId() {
        return aligner.id() + ChipView.describe(views);
    }
}
