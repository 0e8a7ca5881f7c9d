package io.facesearch.image;

/** Loads OpenCV's native library once per JVM (the openpnp jar extracts it to a temp folder). */
final class OpenCvLoader {
    private static volatile boolean loaded;

    private OpenCvLoader() {
    }

    static void load() {
        if (!loaded) {
            synchronized (OpenCvLoader.class) {
                if (!loaded) {
                    nu.pattern.OpenCV.loadLocally();
                    loaded = true;
                }
            }
        }
    }
}
