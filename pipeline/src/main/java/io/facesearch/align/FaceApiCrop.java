package io.facesearch.align;

import io.facesearch.face.FaceBox;
import io.facesearch.face.Landmarks;
import io.facesearch.image.NetworkInput;
import io.facesearch.image.PixelRegion;
import io.facesearch.image.RgbImage;
import io.facesearch.image.SquarePadding;
import io.facesearch.landmarks.FaceLandmark68Locator;

/**
 * face-api's original crop ({@code useDlibAlignment}): an axis-aligned square sized from the
 * eye-to-mouth distance, placed from the eye and mouth centres, clipped, centre-padded and resized.
 * No rotation. Kept for parity with face-api; {@link DlibFaceChip} is more accurate.
 */
public final class FaceApiCrop implements FaceAligner {

    @Override
    public String id() {
        return "faceapi";
    }

    @Override
    public void writeChip(RgbImage image, PixelRegion canvas, FaceBox box, Landmarks landmarks, ChipView view,
            int size, float[] dest, int offset) {
        if (!view.isRigid()) {
            throw new IllegalArgumentException("the face-api crop has no transform to jitter; use the dlib chip");
        }
        PixelRegion crop = cropOf(landmarks, FaceLandmark68Locator.cropOf(box, canvas), canvas);
        NetworkInput.writeSquare(image, crop.x(), crop.y(), crop.width(), crop.height(), SquarePadding.CENTERED,
                size, dest, offset);
        if (view.mirrored()) {
            FaceAligner.mirror(dest, offset, size);
        }
    }

    /**
     * The crop in image coordinates (face-api {@code FaceLandmarks.alignDlib}). Its width and height
     * are capped at {@code landmarkCrop + x}: face-api's landmarks keep the size of the crop they were
     * found in as their "image" size, so near the top-left corner the box shrinks to that crop.
     */
    public static PixelRegion cropOf(Landmarks lm, PixelRegion landmarkCrop, PixelRegion canvas) {
        double[] leftEye = lm.leftEyeCenter();
        double[] rightEye = lm.rightEyeCenter();
        double[] mouth = lm.mouthCenter();
        double eyeToMouth = (Math.hypot(mouth[0] - leftEye[0], mouth[1] - leftEye[1])
                + Math.hypot(mouth[0] - rightEye[0], mouth[1] - rightEye[1])) / 2;
        // 0.45 and 0.5 / 0.43 are face-api's framing constants for its "dlib" box.
        int size = (int) Math.floor(eyeToMouth / 0.45);
        double refX = (leftEye[0] + rightEye[0] + mouth[0]) / 3 - canvas.x();
        double refY = (leftEye[1] + rightEye[1] + mouth[1]) / 3 - canvas.y();
        double x = Math.floor(Math.max(0, refX - 0.5 * size));
        double y = Math.floor(Math.max(0, refY - 0.43 * size));
        double w = Math.min(size, landmarkCrop.width() + x);
        double h = Math.min(size, landmarkCrop.height() + y);
        return PixelRegion.clip(x, y, w, h, canvas.width(), canvas.height()).translate(canvas.x(), canvas.y());
    }
}
