package io.facesearch.network;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.model.FaceNetwork;
import io.facesearch.network.GoldenCrops.Pixels;
import io.facesearch.network.GoldenSet.Face;
import io.facesearch.network.GoldenSet.Image;
import io.facesearch.model.PreparedModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import java.io.IOException;
import java.util.List;

/**
 * What every converted face network must do: given the exact crop the reference fed the original
 * network, reproduce its output. PNG images decode to the same pixels as in the reference run, so
 * they are held to a strict tolerance; JPEG decoders differ by a few levels per pixel, so JPEG
 * images get a looser, documented bound. Subclasses say which network, which crop and how to
 * measure the difference.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FaceNetworkParityTest {
    static final List<String> GOLDEN_SETS = List.of("small", "negatives", "groups", "lfw400");

    private OnnxNetwork network;

    abstract FaceNetwork network();

    /** The crop of this network in the golden face. */
    abstract int[] crop(Face face);

    /** How far the network output for one face is from the golden one (in the unit of the tolerances). */
    abstract double deviation(float[] output, Face face);

    abstract double pngTolerance();

    /** Bound for 99% of JPEG faces. */
    abstract double jpegTolerance99();

    /** Bound for every JPEG face. */
    abstract double jpegToleranceMax();

    @BeforeAll
    void loadNetwork() throws IOException {
        if (GoldenSet.available()) {
            network = OnnxNetwork.load(PreparedModels.resolve(), network(), Runtime.getRuntime().availableProcessors());
        }
    }

    @AfterAll
    void closeNetwork() {
        if (network != null) {
            network.close();
        }
    }

    @Test
    void pngFacesMatchTheReference() throws IOException {
        Deviations d = measure(true);
        System.out.println(network() + " PNG " + d);
        assertTrue(d.count() > 0, "no PNG faces in the golden files");
        assertTrue(d.max() <= pngTolerance(), network() + " on PNG, tolerance " + pngTolerance() + ": " + d);
    }

    @Test
    void jpegFacesMatchTheReferenceUpToDecoderDifferences() throws IOException {
        Deviations d = measure(false);
        System.out.println(network() + " JPEG " + d);
        assertTrue(d.quantile(0.99) <= jpegTolerance99(), network() + " on JPEG, p99 bound " + jpegTolerance99() + ": " + d);
        assertTrue(d.max() <= jpegToleranceMax(), network() + " on JPEG, max bound " + jpegToleranceMax() + ": " + d);
    }

    private Deviations measure(boolean png) throws IOException {
        GoldenSet.sharedRoot();
        Deviations deviations = new Deviations(network().name().toLowerCase(java.util.Locale.ROOT));
        int size = network().inputSize();
        for (String set : GOLDEN_SETS) {
            for (Image image : GoldenSet.load(set)) {
                if (image.isPng() != png || image.faces().isEmpty()) {
                    continue;
                }
                Pixels pixels = GoldenCrops.decode(image.file());
                for (int i = 0; i < image.faces().size(); i++) {
                    Face face = image.faces().get(i);
                    float[] output = network.run(GoldenCrops.faceInput(pixels, crop(face), size), 1).values().get(0);
                    deviations.add(deviation(output, face), image.file().getFileName() + " face " + i);
                }
            }
        }
        return deviations;
    }
}
