package io.facesearch.bench;

import io.facesearch.eval.LfwPairs;
import io.facesearch.face.Face;
import io.facesearch.pipeline.AnalysisOptions;
import io.facesearch.pipeline.FacePipeline;
import io.facesearch.pipeline.FacePipelines;
import io.facesearch.pipeline.PipelineSettings;
import io.facesearch.quality.FaceQuality;
import io.facesearch.quality.QualityGate;
import io.facesearch.quality.QualityIssue;
import io.facesearch.testdata.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * The quality gate's measures on faces that must be enrolled and on detections that must not: the
 * face the pipeline chooses in each photo of LFW DevTrain's pairs (people split in two halves by
 * name order: even places tune, odd places report), every detection in {@code faces/negatives}
 * (photos without a human face), and every face in {@code faces/groups}. Prints each measure's
 * percentiles per set and the faces each rule of the gate refuses. The numbers behind the
 * "Quality gate" section of docs/accuracy.md.
 *
 * <p>Run: {@code bin/mvn -B -q -pl pipeline -am -DskipTests verify -Dbench.pipeline
 * -Dbench.main=io.facesearch.bench.QualityStudy [-Dgate.minScore=0.5 -Dgate.maxBoxToFace=2
 * -Dgate.minFacePixels=20 -Dgate.minSharpness=0 -Dgate.maxYaw=80 -Dgate.maxPitch=80 -Dgate.maxRoll=180]}:
 * the {@code gate.*} properties try other thresholds than {@link QualityGate#DEFAULT}.
 */
public final class QualityStudy {
    private static final double[] PERCENTILES = {0, 0.1, 1, 5, 50, 95, 99, 99.9, 100};

    /** One measured face: the photo it is in and whether the pipeline would enrol it (its main face). */
    private record Measured(String file, boolean main, FaceQuality quality) {
    }

    public static void main(String[] args) throws IOException {
        Path shared = SharedData.locate();
        if (shared == null) {
            throw new IllegalStateException("../shared (LFW photos) not found; set -Dfacesearch.shared=DIR");
        }
        Path faces = shared.resolve("faces");
        QualityGate gate = gate();
        System.out.println("gate: " + gate);
        try (FacePipeline pipeline = FacePipelines.open(PipelineSettings.DEFAULT)) {
            List<String> lfwFiles = lfwPhotos(faces.resolve("meta/pairsDevTrain.txt"));
            List<String> people = lfwFiles.stream().map(f -> f.substring(0, f.indexOf('/'))).distinct().sorted().toList();
            List<Measured> tune = new ArrayList<>();
            List<Measured> report = new ArrayList<>();
            int noFace = 0;
            for (String file : lfwFiles) {
                List<Measured> m = measure(pipeline, faces.resolve("lfw").resolve(file), file, 1);
                if (m.isEmpty()) {
                    noFace++;
                    continue;
                }
                boolean tuning = people.indexOf(file.substring(0, file.indexOf('/'))) % 2 == 0;
                (tuning ? tune : report).add(m.getFirst());
            }
            System.out.printf(Locale.ROOT, "LFW DevTrain pair photos: %d (%d without a face); people %d%n", lfwFiles.size(), noFace, people.size());
            List<Measured> negatives = measureFolder(pipeline, faces.resolve("negatives"));
            List<Measured> groups = measureFolder(pipeline, faces.resolve("groups"));
            List<Measured> negativeMain = negatives.stream().filter(Measured::main).toList();
            Map<String, List<Measured>> sets = new java.util.LinkedHashMap<>();
            sets.put("LFW tuning half", tune);
            sets.put("LFW report half", report);
            sets.put("negatives, main face", negativeMain);
            sets.put("negatives, all", negatives);
            sets.put("groups, all", groups);
            printDistributions(sets);
            for (String signed : List.of("yaw", "pitch", "roll")) {
                double[] v = tune.stream().mapToDouble(m -> switch (signed) {
                    case "yaw" -> m.quality().yaw();
                    case "pitch" -> m.quality().pitch();
                    default -> m.quality().roll();
                }).sorted().toArray();
                System.out.printf(Locale.ROOT, "median signed %s on the LFW tuning half: %.2f degrees%n", signed, v[v.length / 2]);
            }
            System.out.println();
            for (Map.Entry<String, List<Measured>> set : sets.entrySet()) {
                printRefusals(set.getKey(), set.getValue(), gate);
            }
            System.out.println();
            System.out.println("negative detections (main face first per photo):");
            negatives.forEach(m -> System.out.println("  " + describe(m, gate)));
            System.out.println("LFW faces refused:");
            Stream.concat(tune.stream(), report.stream()).filter(m -> !gate.check(m.quality()).passed())
                    .forEach(m -> System.out.println("  " + describe(m, gate)));
            System.out.println("LFW faces nearest each threshold (tuning half):");
            lowest(tune, "score", q -> q.score(), 5);
            lowest(tune, "face px", FaceQuality::facePixels, 5);
            lowest(tune, "sharpness", FaceQuality::sharpness, 5);
            lowest(tune, "-|yaw|", q -> -Math.abs(q.yaw()), 5);
            lowest(tune, "-|pitch|", q -> -Math.abs(q.pitch()), 5);
            lowest(tune, "-|roll|", q -> -Math.abs(q.roll()), 5);
        }
    }

    private static QualityGate gate() {
        QualityGate d = QualityGate.DEFAULT;
        return new QualityGate(number("gate.minScore", d.minScore()), number("gate.maxBoxToFace", d.maxBoxToFace()),
                number("gate.minFacePixels", d.minFacePixels()), number("gate.minSharpness", d.minSharpness()),
                number("gate.maxYaw", d.maxYaw()), number("gate.maxPitch", d.maxPitch()), number("gate.maxRoll", d.maxRoll()));
    }

    private static double number(String property, double fallback) {
        String v = System.getProperty(property);
        return v == null || v.isBlank() ? fallback : Double.parseDouble(v);
    }

    private static List<String> lfwPhotos(Path pairsFile) throws IOException {
        TreeSet<String> files = new TreeSet<>();
        for (LfwPairs.Pair p : LfwPairs.read(pairsFile).pairs()) {
            files.add(p.first());
            files.add(p.second());
        }
        return List.copyOf(files);
    }

    private static List<Measured> measureFolder(FacePipeline pipeline, Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        List<Measured> out = new ArrayList<>();
        for (Path f : files) {
            out.addAll(measure(pipeline, f, f.getFileName().toString(), AnalysisOptions.MAX_FACES));
        }
        return out;
    }

    /** The faces of one photo, main face first, as enrolment locates them (no descriptors needed). */
    private static List<Measured> measure(FacePipeline pipeline, Path file, String name, int maxFaces) throws IOException {
        FacePipeline.AnalyzedImage image;
        try {
            image = pipeline.analyze(Files.readAllBytes(file), new AnalysisOptions(false, false, maxFaces).withQuality(true));
        } catch (io.facesearch.image.InvalidImageException e) {
            System.out.println(name + ": unreadable: " + e.getMessage());
            return List.of();
        }
        List<Measured> out = new ArrayList<>();
        List<Face> found = image.faces();
        for (int i = 0; i < found.size(); i++) {
            out.add(new Measured(name, i == 0, image.quality().get(i)));
        }
        return out;
    }

    private static void printDistributions(Map<String, List<Measured>> sets) {
        Map<String, ToDoubleFunction<FaceQuality>> measures = new java.util.LinkedHashMap<>();
        measures.put("score", FaceQuality::score);
        measures.put("box/face", FaceQuality::boxToFace);
        measures.put("face px", FaceQuality::facePixels);
        measures.put("sharpness", FaceQuality::sharpness);
        measures.put("|yaw|", q -> Math.abs(q.yaw()));
        measures.put("|pitch|", q -> Math.abs(q.pitch()));
        measures.put("|roll|", q -> Math.abs(q.roll()));
        StringBuilder header = new StringBuilder("| measure | set | n |");
        StringBuilder rule = new StringBuilder("|---|---|---|");
        for (double p : PERCENTILES) {
            header.append(" p").append(p == Math.rint(p) ? Integer.toString((int) p) : Double.toString(p)).append(" |");
            rule.append("---|");
        }
        System.out.println(header);
        System.out.println(rule);
        for (Map.Entry<String, ToDoubleFunction<FaceQuality>> m : measures.entrySet()) {
            for (Map.Entry<String, List<Measured>> set : sets.entrySet()) {
                double[] v = set.getValue().stream().mapToDouble(x -> m.getValue().applyAsDouble(x.quality())).sorted().toArray();
                StringBuilder row = new StringBuilder("| " + m.getKey() + " | " + set.getKey() + " | " + v.length + " |");
                for (double p : PERCENTILES) {
                    row.append(' ').append(v.length == 0 ? "-" : format(v[(int) Math.round(p / 100 * (v.length - 1))])).append(" |");
                }
                System.out.println(row);
            }
        }
    }

    private static void printRefusals(String name, List<Measured> set, QualityGate gate) {
        Map<QualityIssue, Integer> counts = new EnumMap<>(QualityIssue.class);
        int refused = 0;
        for (Measured m : set) {
            QualityGate.Verdict v = gate.check(m.quality());
            if (!v.passed()) {
                refused++;
                counts.merge(v.issue(), 1, Integer::sum);
            }
        }
        System.out.printf(Locale.ROOT, "refused in %s: %d of %d %s%n", name, refused, set.size(), counts);
    }

    private static void lowest(List<Measured> set, String what, ToDoubleFunction<FaceQuality> measure, int n) {
        set.stream().sorted(java.util.Comparator.comparingDouble(m -> measure.applyAsDouble(m.quality()))).limit(n)
                .forEach(m -> System.out.println("  lowest " + what + ": " + describe(m, QualityGate.OFF)));
    }

    private static String describe(Measured m, QualityGate gate) {
        FaceQuality q = m.quality();
        QualityGate.Verdict v = gate.check(q);
        return String.format(Locale.ROOT, "%s%s score %.2f box/face %.2f px %.0f sharp %.0f yaw %.0f pitch %.0f roll %.0f -> %s",
                m.file(), m.main() ? " (main)" : "", q.score(), q.boxToFace(), q.facePixels(), q.sharpness(), q.yaw(), q.pitch(),
                q.roll(), v.passed() ? "pass" : v.issue() + ": " + v.message());
    }

    private static String format(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
