package io.facesearch.image;

/**
 * Where a JPEG's image ends: just after its end-of-image marker (EOI, FF D9), found by walking its
 * segments (ITU T.81 annex B) rather than by looking for FF D9 near the end of the bytes. Phones
 * append data after the image (a motion photo's video, a second picture of a multi-picture file,
 * padding): what follows the first image's EOI is not part of it. An EOI inside a segment (the
 * thumbnail of an EXIF block) is skipped with its segment, as a decoder skips it.
 *
 * <p>Hand-written: a decoder finds EOI too but does not say where, and a truncated JPEG must be told
 * from one with trailing bytes before decoding (OpenCV decodes a truncated one into grey rows).
 */
final class JpegEnd {
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;

    private JpegEnd() {
    }

    /** The length of the first image (up to and including its EOI), or -1 when it has no EOI: truncated. */
    static int of(byte[] d) {
        int pos = 2; // after SOI
        while (pos + 1 < d.length) {
            if ((d[pos] & 0xFF) != 0xFF) {
                pos++; // stray bytes between segments: decoders resynchronise on the next marker, and so do we
                continue;
            }
            int marker = d[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++; // fill byte
                continue;
            }
            if (marker == EOI) {
                return pos + 2;
            }
            if (marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x00) {
                pos += 2; // markers without a length
                continue;
            }
            if (pos + 3 >= d.length) {
                return -1;
            }
            int length = (d[pos + 2] & 0xFF) << 8 | (d[pos + 3] & 0xFF);
            pos += 2 + length;
            if (marker == SOS) {
                pos = afterEntropyCodedData(d, pos);
            }
        }
        return -1;
    }

    /** The position of the first marker after a scan's entropy-coded data (where FF is followed by 00 or a restart marker). */
    private static int afterEntropyCodedData(byte[] d, int pos) {
        while (pos + 1 < d.length) {
            if ((d[pos] & 0xFF) == 0xFF) {
                int next = d[pos + 1] & 0xFF;
                if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                    pos += 2;
                    continue;
                }
                if (next != 0xFF) {
                    return pos;
                }
            }
            pos++;
        }
        return d.length;
    }
}
