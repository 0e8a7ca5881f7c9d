package io.facesearch.cli.local;

import io.facesearch.face.Face;
import io.facesearch.image.InvalidImageException;
import io.facesearch.pipeline.AnalysisOptions;
import io.facesearch.pipeline.FacePipeline;
import io.facesearch.pipeline.FacePipeline.AnalyzedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One photo given to {@code verify} or {@code compare}, with the faces found in it. */
record PhotoFaces(Path file, byte[] bytes, AnalyzedImage image) {

    /** Thrown with a message for the user when a photo cannot be used. */
    static final class Unusable extends Exception {
        Unusable(String message) {
            super(message);
        }
    }

    static PhotoFaces load(FacePipeline pipeline, Path file) throws Unusable {
        try {
            byte[] bytes = Files.readAllBytes(file);
            AnalyzedImage image = pipeline.analyze(bytes, AnalysisOptions.DEFAULT);
            if (image.faces().isEmpty()) {
                throw new Unusable(file + ": no face found");
            }
            return new PhotoFaces(file, bytes, image);
        } catch (IOException e) {
            throw new Unusable(file + ": cannot read file: " + e.getMessage());
        } catch (InvalidImageException e) {
            throw new Unusable(file + ": " + e.getMessage());
        }
    }

    /** The photo's main face: the pipeline puts the largest face near the centre first. */
    Face mainFace() {
        return image.faces().get(0);
    }
}
