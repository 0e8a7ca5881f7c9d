package io.facesearch.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.facesearch.align.ChipView;
import io.facesearch.align.DlibFaceChip;
import io.facesearch.compare.DistanceMetric;
import io.facesearch.model.FaceNetwork;
import io.facesearch.model.PreparedModels;
import io.facesearch.network.OnnxNetwork;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** face-api's ResNet on the dlib chip and its mirror, as the default pipeline runs it. */
class ResNetFaceEmbedderTest extends FaceEmbedderContract {
    private OnnxNetwork network;
    private ResNetFaceEmbedder embedder;

    @BeforeAll
    void load() throws IOException {
        network = OnnxNetwork.load(PreparedModels.resolve(), FaceNetwork.RECOGNITION, 1);
        embedder = new ResNetFaceEmbedder(network, new DlibFaceChip(), List.of(ChipView.IDENTITY, ChipView.MIRROR));
    }

    @AfterAll
    void close() {
        if (network != null) {
            network.close();
        }
    }

    @Override
    protected FaceEmbedder embedder() {
        return embedder;
    }

    @Override
    protected DistanceMetric metric() {
        return DistanceMetric.EUCLIDEAN;
    }

    @Test
    void namesTheChipAndTheViewsAveraged() {
        assertEquals(128, embedder.dimension());
        assertEquals("dlib+mirror", embedder.id());
    }
}
