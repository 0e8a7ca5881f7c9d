package io.facesearch.store.embedded.rocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.facesearch.domain.CollectionRecord;
import io.facesearch.domain.IndexFormat;
import io.facesearch.domain.Metric;
import io.facesearch.domain.QualityThresholds;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CollectionValueTest {

    @Test
    void settingsRoundTripWithAndWithoutQualityThresholds() {
        CollectionRecord own = new CollectionRecord("c", 7, Metric.COSINE, 0.3f, IndexFormat.HNSW_INT8, 128,
                Instant.ofEpochMilli(1_700_000_000_000L), "m@2", 0.001, new QualityThresholds(0.5, 1.3, 50, 4, 40, 30, 20));
        assertEquals(own, CollectionValue.decode("c", CollectionValue.encode(own)));
        CollectionRecord serverDefaults = new CollectionRecord("d", 8, Metric.EUCLIDEAN, 0.6f, IndexFormat.HNSW_FLOAT32, 128,
                Instant.ofEpochMilli(1_700_000_000_000L), "m@2", 0.01, null);
        assertEquals(serverDefaults, CollectionValue.decode("d", CollectionValue.encode(serverDefaults)));
    }

    /** Collections created before version 2 keep working: the default target FPIR, the server's quality settings. */
    @Test
    void aVersionOneValueReadsWithTheDefaults() {
        ByteBuffer v1 = ByteBuffer.allocate(25 + 2 + 3);
        v1.put((byte) 1).putLong(3).put((byte) Metric.EUCLIDEAN.code()).putFloat(0.6f).put((byte) IndexFormat.HNSW_FLOAT32.code())
                .putShort((short) 128).putLong(1_600_000_000_000L);
        ByteLayout.putString(v1, "m@1");

        CollectionRecord read = CollectionValue.decode("old", v1.array());

        assertEquals(3, read.id());
        assertEquals("m@1", read.modelId());
        assertEquals(0.01, read.targetFpir());
        assertNull(read.quality());
    }

    @Test
    void anUnknownLayoutVersionIsRefused() {
        byte[] v9 = new byte[30];
        v9[0] = 9;
        assertThrows(IllegalStateException.class, () -> CollectionValue.decode("x", v9));
    }
}
