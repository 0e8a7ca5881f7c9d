package io.facesearch.bench;

import io.facesearch.align.ChipView;
import io.facesearch.align.DlibFaceChip;
import io.facesearch.align.FaceAligner;
import io.facesearch.align.FaceApiCrop;
import io.facesearch.compare.DistanceMetric;
import io.facesearch.detect.Detection;
import io.facesearch.detect.DetectorSettings;
import io.facesearch.detect.FaceDetector;
import io.facesearch.embed.FaceEmbedder;
import io.facesearch.eval.LfwPairs;
import io.facesearch.eval.VerificationReport;
import io.facesearch.face.Embedding;
import io.facesearch.face.Landmarks;
import io.facesearch.image.ImageDecoder;
import io.facesearch.image.PixelRegion;
import io.facesearch.image.RgbImage;
import io.facesearch.landmarks.LandmarkDetector;
import io.facesearch.model.FaceNetwork;
import io.facesearch.model.ModelFiles;
import io.facesearch.model.ModelRepository;
import io.facesearch.model.OnnxNetwork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * What each pipeline step adds on LFW pairs: detects and places landmarks once per detector
 * setting, then embeds every image with each alignment variant and reports verification accuracy
 * on each pairs file, side by side. The numbers behind docs/accuracy.md.
 *
 * <p>Run: {@code bin/mvn -B -q -Pbench -pl models test-compile exec:java
 * -Dexec.mainClass=io.facesearch.bench.LfwAlignmentStudy [-Dstudy.jitter=8]}
 */
public final class LfwAlignmentStudy {

    record Variant(String name, DetectorSettings detector, FaceAligner aligner, List<ChipView> views) {
    }

    record Located(RgbImage image, PixelRegion canvas, io.facesearch.face.FaceBox box, Landmarks landmarks) {
    }

    public static void main(String[] args) throws Exception {
        Path shared = io.facesearch.testdata.SharedData.locate();
        if (shared == null) {
            throw new IllegalStateException("../shared (LFW photos and pairs) not found; set -Dfacesearch.shared=DIR");
        }
        Path images = shared.resolve("faces/lfw");
        List<Path> pairFiles = List.of(shared.resolve("faces/meta/pairsDevTrain.txt"),
                shared.resolve("faces/meta/pairsView2_withinDevTrain.txt"));
        int jitter = Integer.getInteger("study.jitter", 8);
        List<Variant> variants = new ArrayList<>(List.of(
                new Variant("original: detector 0.5, face-api crop", DetectorSettings.ORIGINAL, new FaceApiCrop(),
                        List.of(ChipView.IDENTITY)),
                new Variant("padded detection + cascade, face-api crop", DetectorSettings.DEFAULT, new FaceApiCrop(),
                        List.of(ChipView.IDENTITY)),
                new Variant("padded detection, dlib chip", DetectorSettings.DEFAULT, new DlibFaceChip(),
                        List.of(ChipView.IDENTITY)),
                new Variant("padded detection, dlib chip + mirror (default)", DetectorSettings.DEFAULT,
                        new DlibFaceChip(), List.of(ChipView.IDENTITY, ChipView.MIRROR))));
        if (jitter > 0) {
            variants.add(new Variant("padded detection, dlib chip + mirror + " + jitter + " jittered",
                    DetectorSettings.DEFAULT, new DlibFaceChip(), ChipView.jittered(jitter)));
        }
        if (Boolean.getBoolean("study.skipOriginal")) {
            variants.remove(0);
        }
        String only = System.getProperty("study.only");
        if (only != null) {
            variants.removeIf(v -> !v.name().contains(only));
        }

        List<LfwPairs> pairs = new ArrayList<>();
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (Path f : pairFiles) {
            LfwPairs p = LfwPairs.read(f);
            pairs.add(p);
            p.pairs().forEach(x -> {
                names.add(x.first());
                names.add(x.second());
            });
        }
        List<String> files = List.copyOf(names);
        ImageDecoder decoder = new ImageDecoder();
        ModelFiles models = ModelRepository.resolve();
        try (OnnxNetwork det = OnnxNetwork.load(models, FaceNetwork.DETECTOR, 1);
                OnnxNetwork marks = OnnxNetwork.load(models, FaceNetwork.LANDMARKS, 1);
                OnnxNetwork rec = OnnxNetwork.load(models, FaceNetwork.RECOGNITION, 1)) {
            Map<DetectorSettings, Map<String, Located>> locatedBy = new LinkedHashMap<>();
            System.out.printf("| variant | %s | %s |%n", pairFiles.get(0).getFileName(), pairFiles.get(1).getFileName());
            System.out.println("|---|---|---|");
            for (Variant v : variants) {
                Map<String, Located> located = locatedBy.computeIfAbsent(v.detector(),
                        d -> cachedLocate(files, images, decoder, d, new FaceDetector(det, d), new LandmarkDetector(marks)));
                FaceEmbedder embedder = new FaceEmbedder(rec, v.aligner(), v.views());
                Map<String, Embedding> embeddings = new ConcurrentHashMap<>();
                located.entrySet().parallelStream().forEach(e -> embeddings.put(e.getKey(), embedder.embed(
                        e.getValue().image(), e.getValue().canvas(), List.of(e.getValue().box()),
                        List.of(e.getValue().landmarks())).get(0)));
                StringBuilder row = new StringBuilder("| " + v.name() + " |");
                for (LfwPairs p : pairs) {
                    VerificationReport r = report(p, embeddings, DistanceMetric.EUCLIDEAN);
                    VerificationReport c = report(p, embeddings, DistanceMetric.COSINE);
                    row.append(String.format(" %.2f %% (cosine %.2f %%), %d unscorable, threshold %.3f, TAR@FAR1e-3 %.1f %% |",
                            100 * r.accuracy(), 100 * c.accuracy(), r.unscorable(), r.bestThreshold(),
                            100 * r.tarAtFar1e3()));
                }
                System.out.println(row);
            }
        }
    }

    private static VerificationReport report(LfwPairs p, Map<String, Embedding> e, DistanceMetric metric) {
        double[] d = new double[p.pairs().size()];
        boolean[] same = new boolean[d.length];
        for (int i = 0; i < d.length; i++) {
            Embedding a = e.get(p.pairs().get(i).first());
            Embedding b = e.get(p.pairs().get(i).second());
            d[i] = a == null || b == null ? Double.NaN : metric.distance(a, b);
            same[i] = p.pairs().get(i).same();
        }
        return VerificationReport.of(d, same, p.folds());
    }

    /**
     * {@link #locate}, kept in {@code target/study-cache} between runs: detection is most of the
     * time, and alignment variants do not change it. Images are decoded again on load.
     */
    private static Map<String, Located> cachedLocate(List<String> files, Path dir, ImageDecoder decoder,
            DetectorSettings settings, FaceDetector detector, LandmarkDetector landmarks) {
        String key = Integer.toHexString(java.util.Objects.hash(files.hashCode(),
                java.util.Arrays.toString(settings.scoreCascade()), java.util.Arrays.toString(settings.paddingRatios())));
        Path cache = Path.of("models/target/study-cache/located-" + key + ".bin");
        try {
            if (Files.exists(cache)) {
                Map<String, Located> out = new ConcurrentHashMap<>();
                try (var in = new java.io.DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(cache)))) {
                    int n = in.readInt();
                    for (int i = 0; i < n; i++) {
                        String name = in.readUTF();
                        PixelRegion canvas = new PixelRegion(in.readInt(), in.readInt(), in.readInt(), in.readInt());
                        var box = new io.facesearch.face.FaceBox(in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat());
                        float[] xy = new float[Landmarks.COUNT * 2];
                        for (int k = 0; k < xy.length; k++) {
                            xy[k] = in.readFloat();
                        }
                        RgbImage image = decoder.decode(Files.readAllBytes(dir.resolve(name))).pixels();
                        out.put(name, new Located(image, canvas, box, new Landmarks(xy)));
                    }
                }
                return out;
            }
            Map<String, Located> located = locate(files, dir, decoder, detector, landmarks);
            Files.createDirectories(cache.getParent());
            try (var o = new java.io.DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(cache)))) {
                o.writeInt(located.size());
                for (var e : located.entrySet()) {
                    Located l = e.getValue();
                    o.writeUTF(e.getKey());
                    o.writeInt(l.canvas().x());
                    o.writeInt(l.canvas().y());
                    o.writeInt(l.canvas().width());
                    o.writeInt(l.canvas().height());
                    o.writeFloat(l.box().x());
                    o.writeFloat(l.box().y());
                    o.writeFloat(l.box().width());
                    o.writeFloat(l.box().height());
                    for (float f : l.landmarks().toArray()) {
                        o.writeFloat(f);
                    }
                }
            }
            return located;
        } catch (Exception e) {
            throw new IllegalStateException("study cache " + cache + ": " + e, e);
        }
    }

    /** The largest face of each image, with its landmarks; images without a face are left out. */
    private static Map<String, Located> locate(List<String> files, Path dir, ImageDecoder decoder,
            FaceDetector detector, LandmarkDetector landmarks) {
        Map<String, Located> out = new ConcurrentHashMap<>();
        IntStream.range(0, files.size()).parallel().forEach(i -> {
            try {
                RgbImage image = decoder.decode(Files.readAllBytes(dir.resolve(files.get(i)))).pixels();
                FaceDetector.Result result = detector.detect(image);
                PixelRegion canvas = result.canvas();
                Detection best = result.faces().stream()
                        .max(Comparator.comparingDouble(d -> d.box().area())).orElse(null);
                if (best == null) {
                    System.err.println("no face: " + files.get(i));
                    return;
                }
                out.put(files.get(i), new Located(image, canvas, best.box(),
                        landmarks.locate(image, canvas, List.of(best.box())).get(0)));
            } catch (Exception e) {
                throw new IllegalStateException(files.get(i) + ": " + e, e);
            }
        });
        return out;
    }
}
