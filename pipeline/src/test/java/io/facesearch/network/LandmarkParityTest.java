package io.facesearch.network;

import io.facesearch.model.FaceNetwork;
import io.facesearch.network.GoldenSet.Face;

/**
 * face_landmarks.onnx against the reference landmarks in image pixels, after face-api's own mapping
 * back to the image: largest point distance in pixels.
 */
class LandmarkParityTest extends FaceNetworkParityTest {

    @Override
    FaceNetwork network() {
        return FaceNetwork.LANDMARKS;
    }

    @Override
    int[] crop(Face face) {
        return face.landmarkCrop();
    }

    @Override
    double deviation(float[] output, Face face) {
        float[] points = toImage(output, face.landmarkCrop(), face.box()[0], face.box()[1]);
        double max = 0;
        for (int i = 0; i < points.length; i += 2) {
            max = Math.max(max, Math.hypot(points[i] - face.landmarks()[i], points[i + 1] - face.landmarks()[i + 1]));
        }
        return max;
    }

    /**
     * face-api {@code FaceLandmark68NetBase.postProcess} and {@code FaceLandmarks.forSize/shiftBy}: undo the
     * centred padding of the w x h crop, scale to the crop, then shift by the detection box's corner, which
     * is the unfloored box (the crop itself started at the floored one).
     */
    static float[] toImage(float[] raw, int[] crop, float boxX, float boxY) {
        float size = FaceNetwork.LANDMARKS.inputSize();
        float w = crop[2];
        float h = crop[3];
        float scale = size / Math.max(w, h);
        float sw = w * scale;
        float sh = h * scale;
        float padX = sw < sh ? (sh - sw) / 2 : 0;
        float padY = sh < sw ? (sw - sh) / 2 : 0;
        float[] out = new float[raw.length];
        for (int i = 0; i < raw.length; i += 2) {
            out[i] = (raw[i] * size - padX) / sw * w + boxX;
            out[i + 1] = (raw[i + 1] * size - padY) / sh * h + boxY;
        }
        return out;
    }

    @Override
    double pngTolerance() {
        return 1;
    }

    // Measured on 1,017 JPEG faces: median 0.15 px, p99 2.1 px, max 3.4 px.
    @Override
    double jpegTolerance99() {
        return 3;
    }

    @Override
    double jpegToleranceMax() {
        return 5;
    }
}
