package io.facesearch.model.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The tfjs weight layout: manifest order, uint8 dequantisation, float32 little-endian, exact length. */
class WeightManifestTest {
    private static final byte[] MANIFEST = """
            [{"paths": ["m.bin"], "weights": [
              {"name": "q", "shape": [2, 2], "dtype": "float32",
               "quantization": {"dtype": "uint8", "scale": 0.5, "min": -1.0}},
              {"name": "f", "shape": [3], "dtype": "float32"}
            ]}]
            """.getBytes(StandardCharsets.UTF_8);

    private static byte[] bin(int extraBytes) {
        ByteBuffer b = ByteBuffer.allocate(4 + 12 + extraBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0).put((byte) 1).put((byte) 2).put((byte) 255);
        b.putFloat(1.5f).putFloat(-2f).putFloat(1e-7f);
        return b.array();
    }

    @Test
    void decodesQuantisedAndFloatTensorsInManifestOrder() throws IOException {
        WeightManifest m = WeightManifest.read(MANIFEST, bin(0));
        assertArrayEquals(new float[] {-1f, -0.5f, 0f, 126.5f}, m.get("q").data());
        assertArrayEquals(new int[] {2, 2}, m.get("q").shape());
        assertArrayEquals(new float[] {1.5f, -2f, 1e-7f}, m.get("f").data());
    }

    @Test
    void decodesFloat16QuantisedTensorsExactly() throws IOException {
        byte[] manifest = """
                [{"paths": ["m.bin"], "weights": [
                  {"name": "h", "shape": [5], "dtype": "float32",
                   "quantization": {"dtype": "float16", "original_dtype": "float32"}},
                  {"name": "axes", "shape": [2], "dtype": "int32"}
                ]}]
                """.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(5 * 2 + 2 * 4).order(ByteOrder.LITTLE_ENDIAN);
        // 1, -2, 65504 (largest half), 2^-24 (smallest subnormal half), -0.
        for (int bits : new int[] {0x3C00, 0xC000, 0x7BFF, 0x0001, 0x8000}) {
            b.putShort((short) bits);
        }
        b.putInt(1).putInt(2);
        WeightManifest m = WeightManifest.read(manifest, b.array());
        assertArrayEquals(new float[] {1f, -2f, 65504f, 0x1p-24f, -0f}, m.get("h").data());
        assertArrayEquals(new float[] {1f, 2f}, m.get("axes").data());
    }

    @Test
    void rejectsAnUnknownQuantisation() {
        byte[] manifest = """
                [{"paths": ["m.bin"], "weights": [
                  {"name": "u", "shape": [1], "dtype": "float32", "quantization": {"dtype": "uint16"}}
                ]}]
                """.getBytes(StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> WeightManifest.read(manifest, new byte[2]));
        assertTrue(e.getMessage().contains("uint16"), e.getMessage());
    }

    @Test
    void rejectsAWeightFileOfTheWrongLength() {
        IOException tooLong = assertThrows(IOException.class, () -> WeightManifest.read(MANIFEST, bin(1)));
        assertTrue(tooLong.getMessage().contains("16 bytes"), tooLong.getMessage());
        byte[] truncated = java.util.Arrays.copyOf(bin(0), 10);
        assertThrows(IOException.class, () -> WeightManifest.read(MANIFEST, truncated));
    }

    @Test
    void namesTheMissingWeight() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WeightManifest.read(MANIFEST, bin(0)).get("nope"));
        assertTrue(e.getMessage().contains("nope"));
    }
}
