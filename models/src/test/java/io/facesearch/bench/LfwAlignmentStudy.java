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
import io.facesearch.face.FaceBox;
import io.facesearch.face.Landmarks;
import io.facesearch.image.ImageDecoder;
import io.facesearch.image.PixelRegion;
import io.facesearch.image.RgbImage;
import io.facesearch.landmarks.LandmarkDetector;
import io.facesearch.model.FaceNetwork;
import io.facesearch.model.ModelFiles;
import io.facesearch.model.ModelRepository;
import io.facesearch.model.OnnxNetwork;
import io.facesearch.testdata.SharedData;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * What each pipeline step adds on LFW pairs: detects and places landmarks once per detector
 * setting (kept in {@code models/target/study-cache}), then embeds every image with each variant
 * and reports verification accuracy on each pairs file, side by side. The numbers behind
 * docs/accuracy.md.
 *
 * <p>Run: {@code bin/mvn -B -q -Pbench -pl models test-compile exec:java
 * -Dbench.main=io.facesearch.bench.LfwAlignmentStudy [-Dstudy.jitter=8] [-Dstudy.only=TEXT]
 * [-Dstudy.skipOriginal=true] [-Dstudy.errors=N]}
 */
public final class LfwAlignmentStudy {

    /** How the face of an image is chosen when the detector finds several. */
    enum FaceChoice {
        LARGEST(f -> (double) f.box().area()),
        BEST_SCORE(f -> (double) f.score());

        final Function<LocatedFace, Double> rank;

        FaceChoice(Function<LocatedFace, Double> rank) {
            this.rank = rank;
        }
    }

    record Variant(String name, DetectorSettings detector, FaceChoice choice, FaceAligner aligner,
            List<ChipView> views) {
    }

    record LocatedFace(FaceBox box, float score, Landmarks landmarks) {
    }

    record Located(RgbImage image, PixelRegion canvas, List<LocatedFace> faces) {
    }

    public static void main(String[] args) throws Exception {
        Path shared = SharedData.locate();
        if (shared == null) {
            throw new IllegalStateException("../shared (LFW photos and pairs) not found; set -Dfacesearch.shared=DIR");
        }
        Path images = shared.resolve("faces/lfw");
        List<Path> pairFiles = List.of(shared.resolve("faces/meta/pairsDevTrain.txt"),
                shared.resolve("faces/meta/pairsView2_withinDevTrain.txt"));
        int jitter = Integer.getInteger("study.jitter", 8);
        List<ChipView> mirror = List.of(ChipView.IDENTITY, ChipView.MIRROR);
        List<ChipView> plain = List.of(ChipView.IDENTITY);
        DetectorSettings padded = DetectorSettings.DEFAULT;
        List<Variant> variants = new ArrayList<>(List.of(
                new Variant("original: detector 0.5, face-api crop", DetectorSettings.ORIGINAL, FaceChoice.LARGEST,
                        new FaceApiCrop(), plain),
                new Variant("padded detection + fallbacks, face-api crop", padded, FaceChoice.LARGEST, new FaceApiCrop(),
                        plain),
                new Variant("padded detection, dlib chip", padded, FaceChoice.LARGEST, new DlibFaceChip(), plain),
                new Variant("padded detection, dlib chip + mirror (default)", padded, FaceChoice.LARGEST,
                        new DlibFaceChip(), mirror),
                new Variant("padded detection, best-scored face, dlib chip + mirror", padded, FaceChoice.BEST_SCORE,
                        new DlibFaceChip(), mirror)));
        if (jitter > 0) {
            variants.add(new Variant("padded detection, dlib chip + mirror + " + jitter + " jittered", padded,
                    FaceChoice.LARGEST, new DlibFaceChip(), ChipView.jittered(jitter)));
        }
        if (Boolean.getBoolean("study.skipOriginal")) {
            variants.remove(0);
        }
        String only = System.getProperty("study.only");
        if (only != null) {
            variants.removeIf(v -> !v.name().contains(only));
        }
        int errors = Integer.getInteger("study.errors", 0);

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
                Map<String, Located> located = locatedBy.computeIfAbsent(v.detector(), d -> cachedLocate(files, images,
                        decoder, d, new FaceDetector(det, d), new LandmarkDetector(marks)));
                FaceEmbedder embedder = new FaceEmbedder(rec, v.aligner(), v.views());
                Map<String, Embedding> embeddings = new ConcurrentHashMap<>();
                located.entrySet().parallelStream().forEach(e -> {
                    Located l = e.getValue();
                    LocatedFace face = l.faces().stream().max(Comparator.comparing(v.choice().rank)).orElseThrow();
                    embeddings.put(e.getKey(), embedder.embed(l.image(), l.canvas(), List.of(face.box()),
                            List.of(face.landmarks())).get(0));
                });
                StringBuilder row = new StringBuilder("| " + v.name() + " |");
                for (LfwPairs p : pairs) {
                    VerificationReport r = report(p, embeddings, DistanceMetric.EUCLIDEAN);
                    VerificationReport c = report(p, embeddings, DistanceMetric.COSINE);
                    row.append(String.format(" %.2f %% (cosine %.2f %%), %d unscorable, threshold %.3f, TAR@FAR1e-3 %.1f %% |",
                            100 * r.accuracy(), 100 * c.accuracy(), r.unscorable(), r.bestThreshold(),
                            100 * r.tarAtFar1e3()));
                    if (errors > 0) {
                        printErrors(p, embeddings, r.bestThreshold(), errors);
                    }
                }
                System.out.println(row);
                if (Boolean.getBoolean("study.ensemble") && v.name().contains("(default)")) {
                    ensemble(pairs, located, embeddings, v.choice());
                }
            }
        }
    }

    /**
     * The default descriptor fused with faceres (1024-D, cosine): each distance divided by its own
     * best threshold, then a weighted sum. The weight is chosen on the same pairs, so the best row
     * is slightly optimistic.
     */
    private static void ensemble(List<LfwPairs> pairs, Map<String, Located> located, Map<String, Embedding> primary,
            FaceChoice choice) throws Exception {
        try (OnnxNetwork faceres = OnnxNetwork.load(ModelRepository.resolve(io.facesearch.model.HumanNetwork.FACERES),
                io.facesearch.model.HumanNetwork.FACERES.inputSize(), 1)) {
            io.facesearch.embed.FaceresEmbedder embedder = io.facesearch.embed.FaceresEmbedder.of(faceres, true);
            Map<String, Embedding> second = new ConcurrentHashMap<>();
            located.entrySet().parallelStream().forEach(e -> {
                Located l = e.getValue();
                LocatedFace face = l.faces().stream().max(Comparator.comparing(choice.rank)).orElseThrow();
                second.put(e.getKey(), embedder.embed(l.image(), l.canvas(), List.of(face.box()),
                        List.of(face.landmarks())).get(0));
            });
            for (double w : new double[] {0, 0.25, 0.5, 0.75, 1.0, 1.5, 1000}) {
                StringBuilder row = new StringBuilder(String.format("| ensemble, faceres weight %s |", w == 1000 ? "faceres alone" : w));
                for (LfwPairs p : pairs) {
                    double[] d1 = distances(p, primary, DistanceMetric.EUCLIDEAN);
                    double[] d2 = distances(p, second, DistanceMetric.COSINE);
                    boolean[] same = new boolean[d1.length];
                    for (int i = 0; i < d1.length; i++) {
                        same[i] = p.pairs().get(i).same();
                    }
                    boolean[] all = new boolean[d1.length];
                    java.util.Arrays.fill(all, true);
                    double t1 = VerificationReport.of(d1, same, p.folds()).bestThreshold();
                    double t2 = VerificationReport.of(d2, same, p.folds()).bestThreshold();
                    double[] fused = new double[d1.length];
                    for (int i = 0; i < d1.length; i++) {
                        fused[i] = w == 1000 ? d2[i] / t2 : d1[i] / t1 + w * d2[i] / t2;
                    }
                    VerificationReport r = VerificationReport.of(fused, same, p.folds());
                    row.append(String.format(" %.2f %%, %d unscorable, TAR@FAR1e-3 %.1f %% |", 100 * r.accuracy(),
                            r.unscorable(), 100 * r.tarAtFar1e3()));
                }
                System.out.println(row);
            }
        }
    }

    private static VerificationReport report(LfwPairs p, Map<String, Embedding> e, DistanceMetric metric) {
        double[] d = distances(p, e, metric);
        boolean[] same = new boolean[d.length];
        for (int i = 0; i < d.length; i++) {
            same[i] = p.pairs().get(i).same();
        }
        return VerificationReport.of(d, same, p.folds());
    }

    private static double[] distances(LfwPairs p, Map<String, Embedding> e, DistanceMetric metric) {
        double[] d = new double[p.pairs().size()];
        for (int i = 0; i < d.length; i++) {
            Embedding a = e.get(p.pairs().get(i).first());
            Embedding b = e.get(p.pairs().get(i).second());
            d[i] = a == null || b == null ? Double.NaN : metric.distance(a, b);
        }
        return d;
    }

    /** The worst errors at the best threshold, for looking at the photos. */
    private static void printErrors(LfwPairs p, Map<String, Embedding> e, double threshold, int n) {
        double[] d = distances(p, e, DistanceMetric.EUCLIDEAN);
        Integer[] order = IntStream.range(0, d.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> -Math.abs(d[i] - threshold)));
        int shown = 0;
        for (int i : order) {
            LfwPairs.Pair pair = p.pairs().get(i);
            boolean wrong = Double.isNaN(d[i]) || (d[i] < threshold) != pair.same();
            if (wrong && shown++ < n) {
                System.err.printf("error: %s %.3f %s %s%n", pair.same() ? "same" : "diff", d[i], pair.first(), pair.second());
            }
        }
    }

    /**
     * {@link #locate}, kept in {@code models/target/study-cache} between runs: detection is most of
     * the time, and alignment variants do not change it. Images are decoded again on load.
     */
    private static Map<String, Located> cachedLocate(List<String> files, Path dir, ImageDecoder decoder,
            DetectorSettings settings, FaceDetector detector, LandmarkDetector landmarks) {
        String key = Integer.toHexString(Objects.hash(files.hashCode(), Arrays.toString(settings.scoreCascade()),
                Arrays.toString(settings.paddingRatios()), settings.retryTransformed()));
        Path cache = Path.of("models/target/study-cache/located-v2-" + key + ".bin");
        try {
            if (Files.exists(cache)) {
                Map<String, Located> out = new ConcurrentHashMap<>();
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cache)))) {
                    int n = in.readInt();
                    for (int i = 0; i < n; i++) {
                        String name = in.readUTF();
                        PixelRegion canvas = new PixelRegion(in.readInt(), in.readInt(), in.readInt(), in.readInt());
                        int count = in.readInt();
                        List<LocatedFace> faces = new ArrayList<>();
                        for (int f = 0; f < count; f++) {
                            FaceBox box = new FaceBox(in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat());
                            float score = in.readFloat();
                            float[] xy = new float[Landmarks.COUNT * 2];
                            for (int k = 0; k < xy.length; k++) {
                                xy[k] = in.readFloat();
                            }
                            faces.add(new LocatedFace(box, score, new Landmarks(xy)));
                        }
                        RgbImage image = decoder.decode(Files.readAllBytes(dir.resolve(name))).pixels();
                        out.put(name, new Located(image, canvas, faces));
                    }
                }
                return out;
            }
            Map<String, Located> located = locate(files, dir, decoder, detector, landmarks);
            Files.createDirectories(cache.getParent());
            try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cache)))) {
                o.writeInt(located.size());
                for (var e : located.entrySet()) {
                    Located l = e.getValue();
                    o.writeUTF(e.getKey());
                    o.writeInt(l.canvas().x());
                    o.writeInt(l.canvas().y());
                    o.writeInt(l.canvas().width());
                    o.writeInt(l.canvas().height());
                    o.writeInt(l.faces().size());
                    for (LocatedFace f : l.faces()) {
                        o.writeFloat(f.box().x());
                        o.writeFloat(f.box().y());
                        o.writeFloat(f.box().width());
                        o.writeFloat(f.box().height());
                        o.writeFloat(f.score());
                        for (float v : f.landmarks().toArray()) {
                            o.writeFloat(v);
                        }
                    }
                }
            }
            return located;
        } catch (Exception e) {
            throw new IllegalStateException("study cache " + cache + ": " + e, e);
        }
    }

    /** Every face of each image, with its landmarks; images without a face are left out. */
    private static Map<String, Located> locate(List<String> files, Path dir, ImageDecoder decoder,
            FaceDetector detector, LandmarkDetector landmarks) {
        Map<String, Located> out = new ConcurrentHashMap<>();
        IntStream.range(0, files.size()).parallel().forEach(i -> {
            try {
                RgbImage image = decoder.decode(Files.readAllBytes(dir.resolve(files.get(i)))).pixels();
                FaceDetector.Result result = detector.detect(image);
                if (result.faces().isEmpty()) {
                    System.err.println("no face: " + files.get(i));
                    return;
                }
                List<FaceBox> boxes = result.faces().stream().map(Detection::box).toList();
                List<Landmarks> points = landmarks.locate(image, result.canvas(), boxes);
                List<LocatedFace> faces = new ArrayList<>();
                for (int f = 0; f < boxes.size(); f++) {
                    faces.add(new LocatedFace(boxes.get(f), result.faces().get(f).score(), points.get(f)));
                }
                out.put(files.get(i), new Located(image, result.canvas(), faces));
            } catch (Exception e) {
                throw new IllegalStateException(files.get(i) + ": " + e, e);
            }
        });
        return out;
    }
}
