package io.facesearch.testdata;

import io.facesearch.detect.Detection;
import io.facesearch.detect.FaceDetector;
import io.facesearch.detect.FaceProminence;
import io.facesearch.face.FaceBox;
import io.facesearch.face.Landmarks;
import io.facesearch.image.ImageDecoder;
import io.facesearch.image.PixelRegion;
import io.facesearch.image.RgbImage;
import io.facesearch.landmarks.LandmarkLocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A fixed sample of LFW photos, several per identity, with each photo's main face located once
 * (detection box and 68 landmarks) so that embedders can be compared on the same faces.
 *
 * <p>The identities are those of {@code meta/peopleDevTrain.txt} with at least {@code photosEach}
 * photos, taken at an even stride through the alphabetical list, so the sample is spread over the
 * whole list and is the same on every machine.
 */
public record LfwSample(List<LocatedFace> faces) {

    /** One photo's main face. */
    public record LocatedFace(String identity, String file, RgbImage image, PixelRegion canvas, FaceBox box,
            Landmarks landmarks) {
    }

    /** The first {@code photosEach} photos of {@code identities} people, relative to {@code faces/lfw}. */
    public static List<String> pick(Path faces, int identities, int photosEach) throws IOException {
        List<String> people = new ArrayList<>();
        for (String line : Files.readAllLines(faces.resolve("meta/peopleDevTrain.txt"))) {
            String[] t = line.trim().split("\\s+");
            if (t.length == 2 && Integer.parseInt(t[1]) >= photosEach) {
                people.add(t[0]);
            }
        }
        people.sort(Comparator.naturalOrder());
        if (people.size() < identities) {
            throw new IllegalArgumentException("only " + people.size() + " people have " + photosEach + " photos");
        }
        List<String> files = new ArrayList<>();
        for (int i = 0; i < identities; i++) {
            String name = people.get(i * people.size() / identities);
            for (int n = 1; n <= photosEach; n++) {
                files.add(name + "/" + name + String.format("_%04d.jpg", n));
            }
        }
        return files;
    }

    /** Decodes and locates every photo, in parallel; photos without a face are left out. */
    public static LfwSample locate(Path lfw, List<String> files, FaceDetector detector, LandmarkLocator landmarks) {
        ImageDecoder decoder = new ImageDecoder();
        LocatedFace[] found = new LocatedFace[files.size()];
        IntStream.range(0, files.size()).parallel().forEach(i -> {
            String file = files.get(i);
            try {
                RgbImage image = decoder.decode(Files.readAllBytes(lfw.resolve(file))).pixels();
                FaceDetector.Result result = detector.detect(image);
                PixelRegion canvas = result.canvas();
                Comparator<FaceBox> mainFirst = FaceProminence.mainFirst(image.width(), image.height());
                Detection best = result.faces().stream().min((a, b) -> mainFirst.compare(a.box(), b.box())).orElse(null);
                if (best != null) {
                    Landmarks points = landmarks.locate(image, canvas, List.of(best.box())).get(0);
                    found[i] = new LocatedFace(file.substring(0, file.indexOf('/')), file, image, canvas, best.box(),
                            points);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (io.facesearch.image.InvalidImageException e) {
                throw new IllegalStateException(file + ": " + e.getMessage(), e);
            }
        });
        List<LocatedFace> faces = new ArrayList<>();
        for (LocatedFace f : found) {
            if (f != null) {
                faces.add(f);
            }
        }
        return new LfwSample(List.copyOf(faces));
    }
}
