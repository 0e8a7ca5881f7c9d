package io.facesearch.cli.local;

import io.facesearch.align.ChipView;
import io.facesearch.align.DlibFaceChip;
import io.facesearch.align.FaceApiCrop;
import io.facesearch.detect.DetectorSettings;
import io.facesearch.pipeline.FacePipeline;
import io.facesearch.pipeline.FacePipelines;
import io.facesearch.pipeline.PipelineSettings;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by every command that runs the face pipeline locally. */
final class PipelineOptions {
    @Option(names = "--align", defaultValue = "dlib", paramLabel = "dlib|faceapi",
            description = "Face alignment: dlib (similarity-aligned chip, the default) or faceapi (face-api.js's "
                    + "original axis-aligned crop with its original detector settings, for parity).")
    String align;

    @Option(names = "--mirror", negatable = true, paramLabel = "BOOL",
            description = "Average each face's landmarks and descriptor with those of its mirror image (default: on "
                    + "with dlib, off with faceapi).")
    Boolean mirror;

    @Option(names = "--level", negatable = true, paramLabel = "BOOL",
            description = "Read each face's landmarks a second time with the face turned so that its eyes are level "
                    + "(default: on with dlib, off with faceapi).")
    Boolean level;

    @Option(names = "--detection", paramLabel = "padded|original",
            description = "padded: 20 %% black border and a 0.4/0.3/0.1 score cascade (default with dlib); "
                    + "original: face-api's single pass at 0.5 (default with faceapi).")
    String detection;

    @Option(names = "--jitter", defaultValue = "0", paramLabel = "N",
            description = "Also average N randomly jittered chips per face (dlib alignment only; slower, "
                    + "slightly more accurate). Default: ${DEFAULT-VALUE}.")
    int jitter;

    @Option(names = "--threads", paramLabel = "N",
            description = "Images processed in parallel (default: the number of cores).")
    Integer threads;

    PipelineSettings settings() {
        boolean original = align.equals("faceapi");
        if (!original && !align.equals("dlib")) {
            throw new IllegalArgumentException("unknown --align '" + align + "': use dlib or faceapi");
        }
        String detect = detection == null ? (original ? "original" : "padded") : detection;
        DetectorSettings detector = switch (detect) {
            case "padded" -> DetectorSettings.DEFAULT;
            case "original" -> DetectorSettings.ORIGINAL;
            default -> throw new IllegalArgumentException("unknown --detection '" + detect + "': use padded or original");
        };
        boolean mirrored = mirror == null ? !original : mirror;
        List<ChipView> views = jitter > 0 ? ChipView.jittered(jitter)
                : mirrored ? List.of(ChipView.IDENTITY, ChipView.MIRROR) : List.of(ChipView.IDENTITY);
        boolean levelled = level == null ? !original : level;
        return new PipelineSettings(detector, original ? new FaceApiCrop() : new DlibFaceChip(), views, mirrored,
                levelled);
    }

    FacePipeline open() {
        return FacePipelines.open(settings());
    }

    int threads() {
        return threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads);
    }
}
