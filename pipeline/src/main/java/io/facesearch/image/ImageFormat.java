package io.facesearch.image;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * What an encoded image is, told from its first bytes (its magic number), before any decoder sees
 * it: the formats {@link ImageDecoder} reads, and the common ones it does not, so that a refusal can
 * name the format ("HEIC images are not supported; ...") instead of calling a photo corrupt.
 *
 * <p>The signatures are hand-written, a dozen byte comparisons: the JDK's {@code ImageIO} only
 * recognises formats it has a reader for, and a sniffing library would be a dependency for a table.
 * Sources: each format's specification (JPEG ITU T.81 SOI; PNG signature; BMP "BM"; RIFF/WEBP RFC 9649;
 * GIF87a/GIF89a; TIFF "II*\0"/"MM\0*"; ISO BMFF {@code ftyp} brands for HEIF (ISO/IEC 23008-12) and
 * AVIF; JPEG XL (ISO/IEC 18181-2); JPEG 2000 (ISO/IEC 15444-1); PDF "%PDF-"; Photoshop "8BPS";
 * ICO's reserved 0 and type 1).
 */
public enum ImageFormat {
    JPEG("JPEG", true),
    PNG("PNG", true),
    BMP("BMP", true),
    WEBP("WebP", true),
    /** Read by the JDK's GIF reader (OpenCV 4.9 has none): the first frame of an animation. */
    GIF("GIF", true),
    TIFF("TIFF", false),
    HEIC("HEIC", false),
    AVIF("AVIF", false),
    JPEG_XL("JPEG XL", false),
    JPEG_2000("JPEG 2000", false),
    SVG("SVG", false),
    PDF("PDF", false),
    PSD("Photoshop (PSD)", false),
    ICO("ICO", false),
    /** None of the above: not an image FaceSearch knows. */
    UNKNOWN("unknown", false);

    /** The formats read, as people name them, in the order they are listed in messages. */
    public static final String SUPPORTED = "JPEG, PNG, BMP, WebP or GIF";

    private static final List<String> HEIF_BRANDS = List.of("heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1");
    private static final List<String> AVIF_BRANDS = List.of("avif", "avis");

    private final String displayName;
    private final boolean supported;

    ImageFormat(String displayName, boolean supported) {
        this.displayName = displayName;
        this.supported = supported;
    }

    /** The name people know the format by: "HEIC", "JPEG XL". */
    public String displayName() {
        return displayName;
    }

    /** Whether {@link ImageDecoder} reads it. */
    public boolean supported() {
        return supported;
    }

    /** The format of encoded bytes, by their signature. */
    public static ImageFormat sniff(byte[] d) {
        if (starts(d, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (starts(d, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (starts(d, 'G', 'I', 'F', '8') && d.length > 5 && (d[4] == '7' || d[4] == '9') && d[5] == 'a') {
            return GIF;
        }
        if (starts(d, 'R', 'I', 'F', 'F') && d.length >= 12 && ascii(d, 8, 4).equals("WEBP")) {
            return WEBP;
        }
        if (starts(d, 'B', 'M') && d.length >= 26) {
            return BMP;
        }
        if (starts(d, 'I', 'I', 0x2A, 0x00) || starts(d, 'M', 'M', 0x00, 0x2A)) {
            return TIFF;
        }
        if (d.length >= 12 && ascii(d, 4, 4).equals("ftyp")) {
            String brand = ascii(d, 8, 4).toLowerCase(Locale.ROOT);
            if (AVIF_BRANDS.contains(brand)) {
                return AVIF;
            }
            if (HEIF_BRANDS.contains(brand)) {
                return HEIC;
            }
        }
        if (starts(d, 0xFF, 0x0A) || starts(d, 0, 0, 0, 0x0C, 'J', 'X', 'L', ' ')) {
            return JPEG_XL;
        }
        if (starts(d, 0, 0, 0, 0x0C, 'j', 'P', ' ', ' ') || starts(d, 0xFF, 0x4F, 0xFF, 0x51)) {
            return JPEG_2000;
        }
        if (starts(d, '%', 'P', 'D', 'F', '-')) {
            return PDF;
        }
        if (starts(d, '8', 'B', 'P', 'S')) {
            return PSD;
        }
        if (starts(d, 0, 0, 1, 0) && d.length >= 6 && d[4] != 0) {
            return ICO;
        }
        if (isSvg(d)) {
            return SVG;
        }
        return UNKNOWN;
    }

    /** XML text whose first element is {@code <svg}: looks past a BOM, blanks, the XML declaration, comments and a doctype. */
    private static boolean isSvg(byte[] d) {
        String head = new String(d, 0, Math.min(d.length, 1024), StandardCharsets.UTF_8).stripLeading();
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1).stripLeading();
        }
        if (!head.startsWith("<")) {
            return false;
        }
        return head.replaceAll("(?s)<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE[^>]*>", "").stripLeading().startsWith("<svg");
    }

    private static boolean starts(byte[] d, int... signature) {
        if (d.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((d[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] d, int from, int length) {
        return new String(d, from, length, StandardCharsets.ISO_8859_1);
    }
}
