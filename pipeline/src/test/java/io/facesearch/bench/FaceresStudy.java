package io.facesearch.bench;

import io.facesearch.align.ChipView;
import io.facesearch.align.DlibFaceChip;
import io.facesearch.align.FaceAligner;
import io.facesearch.align.FaceApiCrop;
import io.facesearch.compare.DistanceMetric;
import io.facesearch.detect.DetectorSettings;
import io.facesearch.detect.SsdFaceDetector;
import io.facesearch.embed.FaceEmbedder;
import io.facesearch.embed.FaceresEmbedder;
import io.facesearch.embed.ResNetFaceEmbedder;
import io.facesearch.eval.LfwPairs;
import io.facesearch.eval.VerificationReport;
import io.facesearch.face.Embedding;
import io.facesearch.landmarks.FaceLandmark68Locator;
import io.facesearch.model.FaceNetwork;
import io.facesearch.model.HumanNetwork;
import io.facesearch.model.ModelFiles;
import io.facesearch.model.PreparedModels;
import io.facesearch.network.OnnxNetwork;
import io.facesearch.testdata.LfwSample.LocatedFace;
import io.facesearch.testdata.LfwSample;
import io.facesearch.testdata.PairScores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * faceres on LFW with each crop: face-api's axis-aligned "dlib" box and dlib's aligned chip, each
 * plain and mirror-averaged, beside face-api's own 128-D descriptor on the same faces. Scores every
 * pair of a fixed sample (identities x photos) by cosine distance. The numbers behind docs/faceres.md.
 *
 * <p>Run: {@code bin/mvn -B -q -pl pipeline -am -DskipTests verify -Dbench.pipeline
 * -Dbench.main=io.facesearch.bench.FaceresStudy [-Dstudy.identities=40 -Dstudy.photos=6 -Dstudy.zoom=1.2,1.4
 * -Dstudy.pairs=pairsDevTrain.txt -Dstudy.only=padded]}: {@code study.zoom} adds dlib chips zoomed about
 * their centre, {@code study.pairs} scores a pairs file of {@code faces/meta} with LFW's 10-fold protocol
 * (locating its ~3,400 photos takes minutes), {@code study.only} keeps the faceres crops whose name
 * contains the text.
 */
public final class FaceresStudy {

    public static void main(String[] args) throws Exception {
        Path shared = io.facesearch.testdata.SharedData.locate();
        if (shared == null) {
            throw new IllegalStateException("../shared (LFW photos) not found; set -Dfacesearch.shared=DIR");
        }
        Path faces = shared.resolve("faces");
        int identities = Integer.getInteger("study.identities", 40);
        int photos = Integer.getInteger("study.photos", 6);
        List<String> files = LfwSample.pick(faces, identities, photos);
        ModelFiles models = PreparedModels.resolve();
        int threads = Runtime.getRuntime().availableProcessors();
        try (OnnxNetwork det = OnnxNetwork.load(models, FaceNetwork.DETECTOR, 1);
                OnnxNetwork marks = OnnxNetwork.load(models, FaceNetwork.LANDMARKS, 1);
                OnnxNetwork rec = OnnxNetwork.load(models, FaceNetwork.RECOGNITION, threads);
                OnnxNetwork faceres = OnnxNetwork.load(PreparedModels.resolve(HumanNetwork.FACERES),
                        HumanNetwork.FACERES.inputSize(), threads)) {
            LfwSample sample = LfwSample.locate(faces.resolve("lfw"), files,
                    new SsdFaceDetector(det, DetectorSettings.DEFAULT), new FaceLandmark68Locator(marks));
            List<String> labels = sample.faces().stream().map(LocatedFace::identity).toList();
            System.out.printf("%d identities x %d photos: %d faces found of %d photos%n%n", identities, photos,
                    sample.faces().size(), files.size());
            System.out.println("| embedder | crop | d' | balanced accuracy | mean distance same / different | ms per face |");
            System.out.println("|---|---|---|---|---|---|");
            FaceEmbedder faceApi = new ResNetFaceEmbedder(rec, new DlibFaceChip(), List.of(ChipView.IDENTITY, ChipView.MIRROR));
            row("face-api 128-D", "dlib chip 150 + mirror", sample, labels,
                    f -> faceApi.embed(f.image(), f.canvas(), List.of(f.box()), List.of(f.landmarks())).get(0));
            List<String[]> zooms = new ArrayList<>();
            for (String z : System.getProperty("study.zoom", "").split(",")) {
                if (!z.isBlank()) {
                    zooms.add(new String[] {z.trim()});
                }
            }
            variant("face-api box 224", new FaceApiCrop(), List.of(ChipView.IDENTITY), faceres, sample, labels);
            variant("face-api box 224 + mirror", new FaceApiCrop(), List.of(ChipView.IDENTITY, ChipView.MIRROR), faceres,
                    sample, labels);
            variant("dlib chip 224", new DlibFaceChip(), List.of(ChipView.IDENTITY), faceres, sample, labels);
            variant("dlib chip 224 + mirror", new DlibFaceChip(), List.of(ChipView.IDENTITY, ChipView.MIRROR), faceres,
                    sample, labels);
            variant("dlib chip 224 padded " + FaceresEmbedder.CHIP_PADDING, new DlibFaceChip(FaceresEmbedder.CHIP_PADDING),
                    List.of(ChipView.IDENTITY), faceres, sample, labels);
            variant("dlib chip 224 padded " + FaceresEmbedder.CHIP_PADDING + " + mirror (default)",
                    new DlibFaceChip(FaceresEmbedder.CHIP_PADDING), List.of(ChipView.IDENTITY, ChipView.MIRROR), faceres,
                    sample, labels);
            for (String[] z : zooms) {
                double zoom = Double.parseDouble(z[0]);
                variant("dlib chip 224, zoom " + zoom, new DlibFaceChip(), List.of(new ChipView(0, zoom, 0, 0, false)),
                        faceres, sample, labels);
            }
            String pairsFile = System.getProperty("study.pairs");
            if (pairsFile != null) {
                pairs(faces, faces.resolve("meta").resolve(pairsFile), det, marks, faceres, zooms);
            }
        }
    }

    /** LFW's verification protocol on a pairs file: 10-fold accuracy of each faceres crop, cosine distance. */
    private static void pairs(Path faces, Path file, OnnxNetwork det, OnnxNetwork marks, OnnxNetwork faceres,
            List<String[]> zooms) throws java.io.IOException {
        LfwPairs pairs = LfwPairs.read(file);
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        pairs.pairs().forEach(p -> {
            names.add(p.first());
            names.add(p.second());
        });
        LfwSample sample = LfwSample.locate(faces.resolve("lfw"), List.copyOf(names),
                new SsdFaceDetector(det, DetectorSettings.DEFAULT), new FaceLandmark68Locator(marks));
        System.out.printf("%n%s: %d pairs, %d of %d photos with a face%n%n", file.getFileName(), pairs.pairs().size(),
                sample.faces().size(), names.size());
        System.out.println("| crop | 10-fold accuracy | TAR at FAR 1e-3 |");
        System.out.println("|---|---|---|");
        List<Object[]> variants = new ArrayList<>(List.of(
                new Object[] {"face-api box 224", new FaceApiCrop(), List.of(ChipView.IDENTITY)},
                new Object[] {"face-api box 224 + mirror", new FaceApiCrop(), List.of(ChipView.IDENTITY, ChipView.MIRROR)},
                new Object[] {"dlib chip 224", new DlibFaceChip(), List.of(ChipView.IDENTITY)},
                new Object[] {"dlib chip 224 + mirror", new DlibFaceChip(), List.of(ChipView.IDENTITY, ChipView.MIRROR)},
                new Object[] {"dlib chip 224 padded " + FaceresEmbedder.CHIP_PADDING,
                    new DlibFaceChip(FaceresEmbedder.CHIP_PADDING), List.of(ChipView.IDENTITY)},
                new Object[] {"dlib chip 224 padded " + FaceresEmbedder.CHIP_PADDING + " + mirror (default)",
                    new DlibFaceChip(FaceresEmbedder.CHIP_PADDING), List.of(ChipView.IDENTITY, ChipView.MIRROR)}));
        for (String[] z : zooms) {
            double zoom = Double.parseDouble(z[0]);
            variants.add(new Object[] {"dlib chip 224, zoom " + zoom + " + mirror", new DlibFaceChip(),
                    List.of(new ChipView(0, zoom, 0, 0, false), new ChipView(0, zoom, 0, 0, true))});
        }
        for (Object[] v : variants) {
            if (!selected((String) v[0])) {
                continue;
            }
            @SuppressWarnings("unchecked")
            FaceresEmbedder embedder = new FaceresEmbedder(faceres, (FaceAligner) v[1], (List<ChipView>) v[2]);
            java.util.Map<String, Embedding> byFile = new java.util.HashMap<>();
            for (LocatedFace f : sample.faces()) {
                byFile.put(f.file(), embedder.embed(f.image(), f.canvas(), List.of(f.box()), List.of(f.landmarks())).get(0));
            }
            double[] d = new double[pairs.pairs().size()];
            boolean[] same = new boolean[d.length];
            for (int i = 0; i < d.length; i++) {
                Embedding a = byFile.get(pairs.pairs().get(i).first());
                Embedding b = byFile.get(pairs.pairs().get(i).second());
                d[i] = a == null || b == null ? Double.NaN : DistanceMetric.COSINE.distance(a, b);
                same[i] = pairs.pairs().get(i).same();
            }
            VerificationReport r = VerificationReport.of(d, same, pairs.folds());
            System.out.printf("| %s | %.2f %% +- %.2f | %.1f %% |%n", v[0], 100 * r.accuracy(), 100 * r.accuracyStdDev(),
                    100 * r.tarAtFar1e3());
        }
    }

    private static void variant(String crop, FaceAligner aligner, List<ChipView> views, OnnxNetwork faceres,
            LfwSample sample, List<String> labels) {
        if (!selected(crop)) {
            return;
        }
        FaceresEmbedder embedder = new FaceresEmbedder(faceres, aligner, views);
        row("faceres 1024-D", crop, sample, labels,
                f -> embedder.embed(f.image(), f.canvas(), List.of(f.box()), List.of(f.landmarks())).get(0));
    }

    /** {@code -Dstudy.only=TEXT} runs only the faceres crops whose name contains TEXT. */
    private static boolean selected(String crop) {
        return crop.contains(System.getProperty("study.only", ""));
    }

    private static void row(String embedder, String crop, LfwSample sample, List<String> labels,
            Function<LocatedFace, Embedding> embed) {
        embed.apply(sample.faces().get(0)); // warm-up
        long start = System.nanoTime();
        List<Embedding> embeddings = sample.faces().stream().map(embed).toList();
        double ms = (System.nanoTime() - start) / 1e6 / embeddings.size();
        PairScores s = PairScores.of(labels, embeddings);
        System.out.printf("| %s | %s | %.2f | %.3f | %.3f / %.3f | %.1f |%n", embedder, crop, s.dPrime(),
                s.balancedAccuracy(), s.meanSame(), s.meanDifferent(), ms);
    }
}
