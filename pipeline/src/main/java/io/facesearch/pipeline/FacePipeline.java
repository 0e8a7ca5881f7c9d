package io.facesearch.pipeline;

import io.facesearch.face.Face;
import io.facesearch.image.InvalidImageException;
import io.facesearch.quality.FaceQuality;
import java.util.List;

/**
 * Image bytes in, faces out: decode, detect, landmarks, align, embed (and expressions on request).
 * Implementations are thread-safe.
 */
public interface FacePipeline extends AutoCloseable {

    /** Every face found in an encoded image (JPEG, PNG, BMP, WebP), main face first: the largest
     * near the centre ({@link io.facesearch.detect.FaceProminence}) among the faces whose landmarks
     * agree with their box ({@link io.facesearch.align.LandmarkAgreement}). When the options ask for
     * {@link AnalysisOptions#quality()}, the first {@link AnalysisOptions#maxEmbedded()} faces (those a
     * caller can keep) are measured. */
    AnalyzedImage analyze(byte[] encodedImage, AnalysisOptions options) throws InvalidImageException;

    /** Identifies the models and alignment that produced the embeddings, e.g. for a collection's model check. */
    String modelId();

    /** Length of the embeddings this pipeline produces. */
    int embeddingDimension();

    @Override
    void close();

    /**
     * The outcome for one image.
     *
     * @param quality the quality measures of the first faces, in the order of {@code faces}, when
     *     {@link AnalysisOptions#quality()} asked for them: one for each of the first
     *     {@link AnalysisOptions#maxEmbedded()} faces; else empty
     */
    record AnalyzedImage(int width, int height, List<Face> faces, List<FaceQuality> quality) {
        public AnalyzedImage {
            faces = List.copyOf(faces);
            quality = List.copyOf(quality);
            if (quality.size() > faces.size()) {
                throw new IllegalArgumentException(quality.size() + " quality measures for " + faces.size() + " faces");
            }
        }

        /** Without quality measures. */
        public AnalyzedImage(int width, int height, List<Face> faces) {
            this(width, height, faces, List.of());
        }
    }
}
