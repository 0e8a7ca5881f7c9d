package io.facesearch.model;

import java.nio.file.Path;

/** The four ONNX graphs, in one directory. */
public record ModelFiles(Path directory, Path detector, Path landmarks, Path expression, Path recognition) {

    /** The files of a model directory laid out with {@link FaceNetwork#fileName()}. */
    public static ModelFiles in(Path directory) {
        return new ModelFiles(directory,
                directory.resolve(FaceNetwork.DETECTOR.fileName()),
                directory.resolve(FaceNetwork.LANDMARKS.fileName()),
                directory.resolve(FaceNetwork.EXPRESSION.fileName()),
                directory.resolve(FaceNetwork.RECOGNITION.fileName()));
    }

    public Path path(FaceNetwork network) {
        return switch (network) {
            case DETECTOR -> detector;
            case LANDMARKS -> landmarks;
            case EXPRESSION -> expression;
            case RECOGNITION -> recognition;
        };
    }
}
