package io.facesearch.network;

import io.facesearch.model.FaceNetwork;
import io.facesearch.network.GoldenSet.Face;

/** face_recognition.onnx against the reference descriptors: largest absolute difference of the 128 values. */
class RecognitionParityTest extends FaceNetworkParityTest {

    @Override
    FaceNetwork network() {
        return FaceNetwork.RECOGNITION;
    }

    @Override
    int[] crop(Face face) {
        return face.descriptorCrop();
    }

    @Override
    double deviation(float[] output, Face face) {
        double max = 0;
        for (int i = 0; i < output.length; i++) {
            max = Math.max(max, Math.abs(output[i] - face.descriptor()[i]));
        }
        return max;
    }

    @Override
    double pngTolerance() {
        return 1e-3;
    }

    // Measured on 1,017 JPEG faces (OpenCV/libjpeg-turbo vs jpeg-js decoding): median 0.0047,
    // p99 0.022, max 0.038; a same-person threshold is 0.6 in Euclidean distance.
    @Override
    double jpegTolerance99() {
        return 0.03;
    }

    @Override
    double jpegToleranceMax() {
        return 0.06;
    }
}
