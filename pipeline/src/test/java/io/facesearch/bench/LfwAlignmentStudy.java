package io.facesearch.bench;

import io.facesearch.align.ChipView;
import io.facesearch.align.DlibFaceChip;
import io.facesearch.align.FaceAligner;
import io.facesearch.align.FaceApiCrop;
import io.facesearch.align.LandmarkAgreement;
import io.facesearch.compare.DistanceMetric;
import io.facesearch.detect.Detection;
import io.facesearch.detect.DetectorSettings;
import io.facesearch.detect.FaceDetector;
import io.facesearch.detect.FaceProminence;
import io.facesearch.detect.SsdFaceDetector;
import io.facesearch.embed.FaceEmbedder;
import io.facesearch.embed.ResNetFaceEmbedder;
import io.facesearch.eval.LfwPairs;
import io.facesearch.eval.VerificationReport;
import io.facesearch.face.Embedding;
import io.facesearch.face.FaceBox;
import io.facesearch.face.Landmarks;
import io.facesearch.image.ImageDecoder;
import io.facesearch.image.PixelRegion;
import io.facesearch.image.RgbImage;
import io.facesearch.landmarks.FaceLandmark68Locator;
import io.facesearch.landmarks.LandmarkLocator;
import io.facesearch.model.FaceNetwork;
import io.facesearch.model.HumanNetwork;
import io.facesearch.model.ModelFiles;
import io.facesearch.model.PreparedModels;
import io.facesearch.network.Network;
import io.facesearch.network.OnnxNetwork;
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
 * setting (kept in {@code pipeline/target/study-cache}), then embeds every image with each variant
 * and reports verification accuracy on each pairs file, side by side. The numbers behind
 * docs/accuracy.md.
 *
 * <p>Run: {@code bin/mvn -B -q -pl pipeline -am -DskipTests verify -Dbench.pipeline
 * -Dbench.main=io.facesearch.bench.LfwAlignmentStudy [-Dstudy.jitter=8] [-Dstudy.only=TEXT]
 * [-Dstudy.skipOriginal=true] [-Dstudy.errors=N]
 * [-Dstudy.experiments=true] [-Dstudy.averaging=true] [-Dstudy.landmarks=true] [-Dstudy.showChoices=true]
 * [-Dstudy.ensemble=true]}
 */
public final class LfwAlignmentStudy {

    /** How the face of an image is chosen when the detector finds several. */
    enum FaceChoice {
        LARGEST(f -> (double) f.box().area()),
        BEST_SCORE(f -> (double) f.score()),
        /** Nearest the image centre (ranked in {@link #choose}). */
        CENTRAL(f -> 0.0),
        /** The product's choice, {@link FaceProminence} (ranked in {@link #choose}). */
        PROMINENT(f -> 0.0),
        /** Area less the squared offset (once, not twice). */
        PROMINENT_RELATIVE(f -> 0.0),
        /** The product's choice among the faces whose landmarks fit a face of their box's size. */
        PROMINENT_CONSISTENT(f -> 0.0);

        final Function<LocatedFace, Double> rank;

        FaceChoice(Function<LocatedFace, Double> rank) {
            this.rank = rank;
        }
    }

    /** The landmark network, for choices that read landmarks again. */
    static io.facesearch.network.Network landmarkNetwork;

    static LocatedFace choose(Located l, FaceChoice choice) {
        if (choice == FaceChoice.CENTRAL) {
            double cx = l.image().width() / 2.0;
            double cy = l.image().height() / 2.0;
            return l.faces().stream().min(Comparator.comparingDouble(
                    f -> Math.hypot(f.box().centerX() - cx, f.box().centerY() - cy))).orElseThrow();
        }
        if (choice == FaceChoice.PROMINENT) {
            return l.faces().stream().max(Comparator.comparingDouble(
                    f -> FaceProminence.of(f.box(), l.image().width(), l.image().height()))).orElseThrow();
        }
        if (choice == FaceChoice.PROMINENT_CONSISTENT) {
            // As the pipeline does: the agreement of each face's mirror-averaged landmarks with its box.
            List<LocatedFace> consistent = l.faces().size() == 1 ? l.faces() : l.faces().stream().filter(f ->
                    LandmarkAgreement.agrees(f.box(), MIRROR_AVERAGED.apply(l, f, landmarkNetwork).landmarks()))
                    .toList();
            Located among = consistent.isEmpty() ? l : new Located(l.name(), l.image(), l.canvas(), consistent);
            return choose(among, FaceChoice.PROMINENT);
        }
        if (choice == FaceChoice.PROMINENT_RELATIVE) {
            double cx = l.image().width() / 2.0;
            double cy = l.image().height() / 2.0;
            return l.faces().stream().max(Comparator.comparingDouble(f -> {
                double dx = f.box().centerX() - cx;
                double dy = f.box().centerY() - cy;
                return f.box().area() - (dx * dx + dy * dy);
            })).orElseThrow();
        }
        return l.faces().stream().max(Comparator.comparing(choice.rank)).orElseThrow();
    }

    /** A change made to the chosen face's landmarks before alignment (an experiment). */
    interface LandmarkStep {
        LocatedFace apply(Located image, LocatedFace face, io.facesearch.network.Network landmarkNetwork);
    }

    static final LandmarkStep AS_FOUND = (l, f, d) -> f;

    record Variant(String name, DetectorSettings detector, FaceChoice choice, FaceAligner aligner,
            List<ChipView> views, LandmarkStep step, List<FaceAligner> averagedWith) {
        Variant(String name, DetectorSettings detector, FaceChoice choice, FaceAligner aligner, List<ChipView> views) {
            this(name, detector, choice, aligner, views, AS_FOUND, List.of());
        }

        Variant(String name, DetectorSettings detector, FaceChoice choice, FaceAligner aligner, List<ChipView> views,
                LandmarkStep step) {
            this(name, detector, choice, aligner, views, step, List.of());
        }
    }

    /** An aligner whose chip values pass through {@code map(channel, value)}. */
    static FaceAligner remapped(FaceAligner inner, String suffix, java.util.function.BiFunction<Integer, Float, Double> map) {
        return new FaceAligner() {
            @Override
            public void writeChip(RgbImage image, PixelRegion canvas, FaceBox box, Landmarks landmarks, ChipView view,
                    int size, float[] dest, int offset) {
                inner.writeChip(image, canvas, box, landmarks, view, size, dest, offset);
                for (int i = offset; i < offset + size * size * 3; i++) {
                    dest[i] = (float) (double) map.apply((i - offset) % 3, dest[i]);
                }
            }

            @Override
            public String id() {
                return inner.id() + "-" + suffix;
            }
        };
    }

    /** dlib's input scaling, (pixel - mean) / 256, fed through face-api's (pixel - mean) / 255 graph. */
    static FaceAligner over256(FaceAligner inner) {
        double[] mean = {122.782, 117.001, 104.298};
        return remapped(inner, "256", (channel, v) -> mean[channel] + (v - mean[channel]) * 255 / 256);
    }

    /** The detection box, in chip pixels of the dlib fit, averaged over faces: what a typical detection looks like. */
    static volatile double[] canonicalBox;

    /** Landmarks placed again, from a box that the first landmarks predict (the detector's box, denoised). */
    static LandmarkStep refine(double zoom, boolean average) {
        return (l, f, d) -> {
            io.facesearch.align.ChipTransform t = DlibFaceChip.fit(f.landmarks());
            double[] c = t.apply(canonicalBox[0], canonicalBox[1]);
            double side = canonicalBox[2] * t.scale() * zoom;
            FaceBox box = new FaceBox((float) (c[0] - side / 2), (float) (c[1] - side / 2), (float) side, (float) side);
            Landmarks again = new FaceLandmark68Locator(d).locate(l.image(), l.canvas(), List.of(box)).get(0);
            if (average) {
                float[] a = f.landmarks().toArray();
                float[] b = again.toArray();
                for (int i = 0; i < a.length; i++) {
                    b[i] = (a[i] + b[i]) / 2;
                }
                again = new Landmarks(b);
            }
            return new LocatedFace(f.box(), f.score(), again);
        };
    }

    /** The chosen face's landmarks placed again, each crop also read mirrored and the two averaged (the default). */
    static final LandmarkStep MIRROR_AVERAGED = (l, f, d) -> new LocatedFace(f.box(), f.score(),
            new FaceLandmark68Locator(d, true).locate(l.image(), l.canvas(), List.of(f.box())).get(0));

    /** The default's landmarks, then the chip fitted on other template points. */
    static LandmarkStep fitOn(int[] points) {
        return (l, f, d) -> {
            LocatedFace m = MIRROR_AVERAGED.apply(l, f, d);
            return new LocatedFace(m.box(), m.score(), io.facesearch.align.FitStudy.fittedOn(m.landmarks(), points));
        };
    }

    /** Mirror-averaged landmarks read on boxes scaled by each factor about their centre, then averaged. */
    static LandmarkStep boxScales(double... factors) {
        return (l, f, d) -> {
            LandmarkLocator detector = new FaceLandmark68Locator(d, true);
            float[] sum = new float[Landmarks.COUNT * 2];
            for (double k : factors) {
                FaceBox b = f.box();
                double w = b.width() * k;
                double h = b.height() * k;
                FaceBox scaled = new FaceBox((float) (b.centerX() - w / 2), (float) (b.centerY() - h / 2), (float) w, (float) h);
                float[] xy = detector.locate(l.image(), l.canvas(), List.of(scaled)).get(0).toArray();
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += xy[i] / factors.length;
                }
            }
            return new LocatedFace(f.box(), f.score(), new Landmarks(sum));
        };
    }

    /**
     * Landmarks read again on the photo turned so that the first reading's eyes are level (the
     * network was trained mostly on upright faces), mapped back; optionally averaged with the first.
     */
    static LandmarkStep upright(boolean average) {
        return upright(average, MIRROR_AVERAGED, true);
    }

    static final LandmarkStep PLAIN = (l, f, d) -> new LocatedFace(f.box(), f.score(),
            new FaceLandmark68Locator(d, false).locate(l.image(), l.canvas(), List.of(f.box())).get(0));

    static LandmarkStep then(LandmarkStep a, java.util.function.UnaryOperator<Landmarks> b) {
        return (l, f, d) -> {
            LocatedFace x = a.apply(l, f, d);
            return new LocatedFace(x.box(), x.score(), b.apply(x.landmarks()));
        };
    }

    static LandmarkStep upright(boolean average, LandmarkStep firstStep, boolean mirrorSecond) {
        return upright(average, firstStep, mirrorSecond, 0);
    }

    static final java.util.concurrent.atomic.AtomicInteger turned = new java.util.concurrent.atomic.AtomicInteger();

    static LandmarkStep upright(boolean average, LandmarkStep firstStep, boolean mirrorSecond, double minDegrees) {
        return (l, f, d) -> {
            LocatedFace first = firstStep.apply(l, f, d);
            double angle = DlibFaceChip.fit(first.landmarks()).angle();
            if (Math.abs(Math.toDegrees(angle)) < minDegrees) {
                return first;
            }
            turned.incrementAndGet();
            float[] q = new FaceLandmark68Locator(d, mirrorSecond).locateTurned(l.image(), l.canvas(), List.of(f.box()),
                    new double[] {angle}).get(0).toArray();
            if (average) {
                float[] a = first.landmarks().toArray();
                for (int i = 0; i < q.length; i++) {
                    q[i] = (q[i] + a[i]) / 2;
                }
            }
            return new LocatedFace(f.box(), f.score(), new Landmarks(q));
        };
    }

    /**
     * The landmarks kept only when they agree with the detection box ({@link LandmarkAgreement});
     * otherwise the chip is placed from the box alone, upright, where the mean detection box sits in
     * the chip.
     */
    static LandmarkStep placedFromBoxWhenDisagreeing(LandmarkStep inner) {
        return (l, f, d) -> {
            LocatedFace x = inner.apply(l, f, d);
            if (LandmarkAgreement.agrees(f.box(), x.landmarks())) {
                return x;
            }
            double s = Math.sqrt(f.box().width() * f.box().height()) / canonicalBox[2];
            io.facesearch.align.ChipTransform fromBox = new io.facesearch.align.ChipTransform(0, s,
                    f.box().centerX() - s * canonicalBox[0], f.box().centerY() - s * canonicalBox[1]);
            if (Boolean.getBoolean("study.showChoices")) {
                System.err.printf("landmarks disagree %s: box/fit %.2f%n", l.name(), LandmarkAgreement.boxToFace(f.box(), x.landmarks()));
            }
            return new LocatedFace(x.box(), x.score(), io.facesearch.align.FitStudy.placedBy(x.landmarks(), fromBox));
        };
    }

    /** When the landmarks do not fit a face of the box's size, read again on boxes of other scales; keep the first that fits. */
    static LandmarkStep recovered(LandmarkStep inner) {
        return (l, f, d) -> {
            LocatedFace x = inner.apply(l, f, d);
            if (LandmarkAgreement.agrees(f.box(), x.landmarks())) {
                return x;
            }
            for (double k : new double[] {0.8, 1.25, 0.64, 1.5}) {
                LocatedFace y = boxScales(k).apply(l, f, d);
                System.err.printf("recover %s: ratio %.2f, box x%.2f gives %.2f%n", l.name(),
                        LandmarkAgreement.boxToFace(f.box(), x.landmarks()), k, LandmarkAgreement.boxToFace(f.box(), y.landmarks()));
                if (LandmarkAgreement.agrees(f.box(), y.landmarks())) {
                    return new LocatedFace(f.box(), f.score(), y.landmarks());
                }
            }
            return x;
        };
    }

    static LandmarkStep shift(float by) {
        return (l, f, d) -> {
            float[] a = f.landmarks().toArray();
            for (int i = 0; i < a.length; i++) {
                a[i] += by;
            }
            return new LocatedFace(f.box(), f.score(), new Landmarks(a));
        };
    }

    /** Mean detection box in the dlib chip's coordinates (centre x, centre y, side) over every chosen face. */
    static double[] measureCanonicalBox(Map<String, Located> located) {
        double[] sum = new double[4];
        for (Located l : located.values()) {
            LocatedFace f = l.faces().stream().max(Comparator.comparing(FaceChoice.LARGEST.rank)).orElseThrow();
            io.facesearch.align.ChipTransform t = DlibFaceChip.fit(f.landmarks());
            // Inverse of the similarity: chip = R(-angle) (image - t) / scale.
            double dx = f.box().centerX() - t.tx();
            double dy = f.box().centerY() - t.ty();
            double cos = Math.cos(-t.angle()) / t.scale();
            double sin = Math.sin(-t.angle()) / t.scale();
            sum[0] += cos * dx - sin * dy;
            sum[1] += sin * dx + cos * dy;
            sum[2] += Math.sqrt(f.box().width() * f.box().height()) / t.scale();
            sum[3]++;
        }
        return new double[] {sum[0] / sum[3], sum[1] / sum[3], sum[2] / sum[3]};
    }

    /** The chip rounded down to whole levels, as dlib stores it. */
    static FaceAligner truncating(FaceAligner inner) {
        return remapped(inner, "uint8", (channel, v) -> Math.floor(v));
    }

    record LocatedFace(FaceBox box, float score, Landmarks landmarks) {
    }

    record Located(String name, RgbImage image, PixelRegion canvas, List<LocatedFace> faces) {
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
                new Variant("padded detection, largest face, dlib chip + mirror", padded, FaceChoice.LARGEST,
                        new DlibFaceChip(), mirror),
                new Variant("padded detection, main face (prominence), dlib chip + mirror", padded,
                        FaceChoice.PROMINENT, new DlibFaceChip(), mirror),
                new Variant("padded detection, main face, landmarks and dlib chip + mirror", padded,
                        FaceChoice.PROMINENT, new DlibFaceChip(), mirror, MIRROR_AVERAGED),
                new Variant("padded detection, main face among faces whose landmarks agree with their box, landmarks and dlib chip + mirror",
                        padded, FaceChoice.PROMINENT_CONSISTENT, new DlibFaceChip(), mirror, MIRROR_AVERAGED),
                new Variant("padded detection, main face among faces whose landmarks agree with their box, landmarks read again "
                        + "levelled, dlib chip + mirror (default)",
                        padded, FaceChoice.PROMINENT_CONSISTENT, new DlibFaceChip(), mirror, upright(false)),
                new Variant("padded detection, best-scored face, dlib chip + mirror", padded, FaceChoice.BEST_SCORE,
                        new DlibFaceChip(), mirror)));
        if (Boolean.getBoolean("study.experiments")) {
            variants.add(new Variant("experiment: largest face, landmarks -0.5 px, dlib chip + mirror", padded, FaceChoice.LARGEST,
                    new DlibFaceChip(), mirror, shift(-0.5f)));
            for (FaceChoice c : List.of(FaceChoice.CENTRAL, FaceChoice.PROMINENT_RELATIVE)) {
                variants.add(new Variant("experiment: " + c.name().toLowerCase(java.util.Locale.ROOT) + " face" + ", dlib chip + mirror", padded, c, new DlibFaceChip(), mirror));
                variants.add(new Variant("experiment: " + c.name().toLowerCase(java.util.Locale.ROOT) + " face" + ", face-api crop", padded, c, new FaceApiCrop(), plain));
                variants.add(new Variant("experiment: " + c.name().toLowerCase(java.util.Locale.ROOT) + " face"
                        + ", landmarks and dlib chip + mirror", padded, c, new DlibFaceChip(), mirror, MIRROR_AVERAGED));
            }
            variants.add(new Variant("experiment: largest face, uint8 chip, dlib chip + mirror", padded, FaceChoice.LARGEST,
                    truncating(new DlibFaceChip()), mirror));
            for (double zoom : new double[] {1.0, 1.1}) {
                variants.add(new Variant("experiment: largest face, refined landmarks zoom " + zoom + ", dlib chip + mirror", padded,
                        FaceChoice.LARGEST, new DlibFaceChip(), mirror, refine(zoom, false)));
            }
            variants.add(new Variant("experiment: largest face, refined landmarks averaged, dlib chip + mirror", padded,
                    FaceChoice.LARGEST, new DlibFaceChip(), mirror, refine(1.0, true)));
        }
        if (Boolean.getBoolean("study.landmarks")) {
            FaceChoice p = FaceChoice.PROMINENT;
            DlibFaceChip chip = new DlibFaceChip();
            variants.add(new Variant("landmarks: read again upright", padded, p, chip, mirror, upright(false)));
            variants.add(new Variant("landmarks: read again upright, averaged with the first", padded, p, chip, mirror, upright(true)));
            variants.add(new Variant("landmarks: upright after a plain reading", padded, p, chip, mirror, upright(false, PLAIN, true)));
            variants.add(new Variant("landmarks: upright, plain readings", padded, p, chip, mirror, upright(false, PLAIN, false)));
            variants.add(new Variant("landmarks: upright twice", padded, p, chip, mirror, upright(false, upright(false), true)));
            variants.add(new Variant("landmarks: upright, fit on all 51", padded, p, chip, mirror, then(upright(false),
                    lm -> io.facesearch.align.FitStudy.fittedOn(lm, IntStream.rangeClosed(17, 67).toArray()))));
            variants.add(new Variant("landmarks: boxes x0.9/1/1.1 averaged", padded, p, chip, mirror, boxScales(0.9, 1, 1.1)));
            variants.add(new Variant("landmarks: boxes x1/1.1 averaged", padded, p, chip, mirror, boxScales(1, 1.1)));
            variants.add(new Variant("landmarks: fit on eyes, nose, mouth corners", padded, p, chip, mirror,
                    fitOn(IntStream.concat(IntStream.rangeClosed(27, 47), IntStream.of(48, 54)).toArray())));
            variants.add(new Variant("landmarks: fit on eye corners, nose base, mouth corners", padded, p, chip, mirror,
                    fitOn(new int[] {36, 39, 42, 45, 33, 48, 54})));
            variants.add(new Variant("landmarks: fit on all 51 template points", padded, p, chip, mirror,
                    fitOn(IntStream.rangeClosed(17, 67).toArray())));
        }
        if (Boolean.getBoolean("study.cascade")) {
            // The main face chosen among every face above a lower first threshold, not only the first level's.
            for (float first : new float[] {0.4f, 0.3f}) {
                float[] cascade = Boolean.getBoolean("study.threeLevels") ? new float[] {first, 0.3f, 0.1f} : new float[] {first, 0.1f};
                DetectorSettings lower = new DetectorSettings(cascade, padded.paddingRatios(),
                        padded.retryTransformed(), padded.maxIou(), padded.maxResults(), padded.seekWholeFace());
                variants.add(new Variant("cascade: main face among all above " + first + ", default otherwise", lower,
                        FaceChoice.PROMINENT, new DlibFaceChip(), mirror, MIRROR_AVERAGED));
                variants.add(new Variant("cascade: main face among all above " + first + ", landmarks read upright", lower,
                        FaceChoice.PROMINENT, new DlibFaceChip(), mirror, upright(false)));
                variants.add(new Variant("cascade: main face among all above " + first + " whose landmarks fit its box", lower,
                        FaceChoice.PROMINENT_CONSISTENT, new DlibFaceChip(), mirror, MIRROR_AVERAGED));
                variants.add(new Variant("cascade: main face among all above " + first + " whose landmarks fit its box, read upright",
                        lower, FaceChoice.PROMINENT_CONSISTENT, new DlibFaceChip(), mirror, upright(false)));
                variants.add(new Variant("cascade: main face among all above " + first + " whose landmarks fit its box, recovered",
                        lower, FaceChoice.PROMINENT_CONSISTENT, new DlibFaceChip(), mirror, recovered(MIRROR_AVERAGED)));
                variants.add(new Variant("cascade: main face among all above " + first + " whose landmarks fit its box, chip from the box "
                        + "when they do not", lower, FaceChoice.PROMINENT_CONSISTENT, new DlibFaceChip(), mirror, placedFromBoxWhenDisagreeing(MIRROR_AVERAGED)));
                for (double degrees : new double[] {2, 4, 8}) {
                    variants.add(new Variant("cascade: main face among all above " + first + " whose landmarks fit its box, read upright beyond "
                            + degrees + " deg", lower, FaceChoice.PROMINENT_CONSISTENT, new DlibFaceChip(), mirror,
                            upright(false, MIRROR_AVERAGED, true, degrees)));
                }
            }
        }
        if (Boolean.getBoolean("study.averaging")) {
            FaceChoice p = FaceChoice.PROMINENT;
            variants.add(new Variant("experiment: main face, dlib's /256 input scaling, dlib chip + mirror", padded, p, over256(new DlibFaceChip()), mirror));
            variants.add(new Variant("averaging: main face, dlib chip + face-api crop, mirror", padded, p, new DlibFaceChip(), mirror,
                    AS_FOUND, List.of(new FaceApiCrop())));
            variants.add(new Variant("averaging: main face, dlib chips padded 0.2/0.25/0.3, mirror", padded, p, new DlibFaceChip(), mirror,
                    AS_FOUND, List.of(new DlibFaceChip(0.2), new DlibFaceChip(0.3))));
        }
        if (jitter > 0) {
            variants.add(new Variant("the default + " + jitter + " jittered chips", padded,
                    FaceChoice.PROMINENT_CONSISTENT, new DlibFaceChip(), ChipView.jittered(jitter), upright(false)));
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
        ModelFiles models = PreparedModels.resolve();
        try (OnnxNetwork det = OnnxNetwork.load(models, FaceNetwork.DETECTOR, 1);
                OnnxNetwork marks = OnnxNetwork.load(models, FaceNetwork.LANDMARKS, 1);
                OnnxNetwork rec = OnnxNetwork.load(models, FaceNetwork.RECOGNITION, 1)) {
            landmarkNetwork = marks;
            Map<DetectorSettings, Map<String, Located>> locatedBy = new LinkedHashMap<>();
            System.out.printf("| variant | %s | %s |%n", pairFiles.get(0).getFileName(), pairFiles.get(1).getFileName());
            System.out.println("|---|---|---|");
            for (Variant v : variants) {
                Map<String, Located> located = locatedBy.computeIfAbsent(v.detector(), d -> cachedLocate(files, images,
                        decoder, d, new SsdFaceDetector(det, d), new FaceLandmark68Locator(marks)));
                if (canonicalBox == null) {
                    canonicalBox = measureCanonicalBox(located);
                    System.err.printf("canonical detection box in chip px: centre (%.2f, %.2f), side %.2f%n",
                            canonicalBox[0], canonicalBox[1], canonicalBox[2]);
                    long several = located.values().stream().filter(l -> l.faces().size() > 1).count();
                    long differ = located.values().stream().filter(l -> choose(l, FaceChoice.LARGEST) != choose(l, FaceChoice.CENTRAL)).count();
                    long differScore = located.values().stream().filter(l -> choose(l, FaceChoice.LARGEST) != choose(l, FaceChoice.BEST_SCORE)).count();
                    System.err.printf("%d images, %d with several faces; largest != central in %d, largest != best-scored in %d%n",
                            located.size(), several, differ, differScore);
                    for (FaceChoice c : List.of(FaceChoice.PROMINENT, FaceChoice.PROMINENT_RELATIVE)) {
                        System.err.printf("%s != central in %d, != largest in %d%n", c,
                                located.values().stream().filter(l -> choose(l, c) != choose(l, FaceChoice.CENTRAL)).count(),
                                located.values().stream().filter(l -> choose(l, c) != choose(l, FaceChoice.LARGEST)).count());
                    }
                    if (Boolean.getBoolean("study.showChoices")) {
                        located.forEach((name, l) -> {
                            LocatedFace a = choose(l, FaceChoice.LARGEST);
                            LocatedFace b = choose(l, FaceChoice.CENTRAL);
                            if (a != b) {
                                System.err.printf("choice %s: largest %s score %.2f, central %s score %.2f%n", name, a.box(), a.score(), b.box(), b.score());
                            }
                        });
                    }
                }
                if (Boolean.getBoolean("study.showChoices") && v.detector() != padded) {
                    Map<String, Located> before = locatedBy.computeIfAbsent(padded, d -> cachedLocate(files, images,
                            decoder, d, new SsdFaceDetector(det, d), new FaceLandmark68Locator(marks)));
                    located.forEach((name, l) -> {
                        LocatedFace a = choose(before.get(name), v.choice());
                        LocatedFace b = choose(l, v.choice());
                        if (Math.abs(a.box().x() - b.box().x()) > 5 || Math.abs(a.box().y() - b.box().y()) > 5) {
                            System.err.printf("changed %s: %s score %.2f -> %s score %.2f%n", name, a.box(), a.score(), b.box(), b.score());
                        }
                    });
                }
                FaceEmbedder embedder = new ResNetFaceEmbedder(rec, v.aligner(), v.views());
                Map<String, Embedding> embeddings = new ConcurrentHashMap<>();
                located.entrySet().parallelStream().forEach(e -> {
                    Located l = e.getValue();
                    LocatedFace face = v.step().apply(l, choose(l, v.choice()), marks);
                    float[] sum = embedder.embed(l.image(), l.canvas(), List.of(face.box()), List.of(face.landmarks())).get(0).toArray();
                    for (FaceAligner other : v.averagedWith()) {
                        float[] more = new ResNetFaceEmbedder(rec, other, v.views()).embed(l.image(), l.canvas(), List.of(face.box()),
                                List.of(face.landmarks())).get(0).toArray();
                        for (int k = 0; k < sum.length; k++) {
                            sum[k] += more[k];
                        }
                    }
                    for (int k = 0; k < sum.length; k++) {
                        sum[k] /= 1 + v.averagedWith().size();
                    }
                    embeddings.put(e.getKey(), new Embedding(sum));
                });
                if (turned.get() > 0) {
                    System.err.printf("%s: %d faces read again upright%n", v.name(), turned.getAndSet(0));
                }
                StringBuilder row = new StringBuilder("| " + v.name() + " |");
                for (LfwPairs p : pairs) {
                    VerificationReport r = report(p, embeddings, DistanceMetric.EUCLIDEAN);
                    VerificationReport c = report(p, embeddings, DistanceMetric.COSINE);
                    row.append(String.format(" %.3f %% (cosine %.2f %%), %d unscorable, threshold %.3f, TAR@FAR1e-3 %.1f %% |",
                            100 * r.accuracy(), 100 * c.accuracy(), r.unscorable(), r.bestThreshold(),
                            100 * r.tarAtFar1e3()));
                    if (errors > 0) {
                        printErrors(p, embeddings, r.bestThreshold(), errors);
                    }
                }
                System.out.println(row);
                if (Boolean.getBoolean("study.ensemble") && v.name().contains("(default)")) {
                    ensemble(pairs, located, embeddings, v);
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
            Variant variant) throws Exception {
        try (OnnxNetwork faceres = OnnxNetwork.load(PreparedModels.resolve(io.facesearch.model.HumanNetwork.FACERES),
                io.facesearch.model.HumanNetwork.FACERES.inputSize(), 1)) {
            io.facesearch.embed.FaceresEmbedder embedder = io.facesearch.embed.FaceresEmbedder.of(faceres, true);
            Map<String, Embedding> second = new ConcurrentHashMap<>();
            located.entrySet().parallelStream().forEach(e -> {
                Located l = e.getValue();
                LocatedFace face = choose(l, variant.choice());
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
     * {@link #locate}, kept in {@code pipeline/target/study-cache} between runs: detection is most of
     * the time, and alignment variants do not change it. Images are decoded again on load.
     */
    private static Map<String, Located> cachedLocate(List<String> files, Path dir, ImageDecoder decoder,
            DetectorSettings settings, FaceDetector detector, LandmarkLocator landmarks) {
        String key = Integer.toHexString(Objects.hash(files.hashCode(), Arrays.toString(settings.scoreCascade()),
                Arrays.toString(settings.paddingRatios()), settings.retryTransformed(), settings.seekWholeFace(),
                System.getProperty(PreparedModels.MODEL_DIR_PROPERTY)));
        Path cache = Path.of("pipeline/target/study-cache/located-v2-" + key + ".bin");
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
                        out.put(name, new Located(name, image, canvas, faces));
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
            FaceDetector detector, LandmarkLocator landmarks) {
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
                out.put(files.get(i), new Located(files.get(i), image, result.canvas(), faces));
            } catch (Exception e) {
                throw new IllegalStateException(files.get(i) + ": " + e, e);
            }
        });
        return out;
    }
}
