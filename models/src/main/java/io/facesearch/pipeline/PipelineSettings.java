package io.facesearch.pipeline;

import io.facesearch.align.DlibFaceChip;
import io.facesearch.align.FaceAligner;
import io.facesearch.align.FaceApiCrop;
import io.facesearch.detect.DetectorSettings;

/**
 * How the pipeline finds and embeds faces.
 *
 * @param detector detection thresholds and border
 * @param aligner the chip fed to the recognition network
 * @param mirrorAverage average each face's descriptor with its mirror image's
 */
public record PipelineSettings(DetectorSettings detector, FaceAligner aligner, boolean mirrorAverage) {

    /** The most accurate configuration: bordered detection with a cascade, dlib chip, mirror averaging. */
    public static final PipelineSettings DEFAULT =
            new PipelineSettings(DetectorSettings.DEFAULT, new DlibFaceChip(), true);

    /** face-api's own pipeline, for comparisons with it. */
    public static final PipelineSettings ORIGINAL =
            new PipelineSettings(DetectorSettings.ORIGINAL, new FaceApiCrop(), false);
}
