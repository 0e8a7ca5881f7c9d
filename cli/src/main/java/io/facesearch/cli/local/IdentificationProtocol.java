package io.facesearch.cli.local;

import io.facesearch.image.PhotoFormats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The open-set identification split of a folder-per-person tree, deterministic (people and photos
 * in name order): the gallery holds the first photo of every person with two or more; the mated
 * probes are their other photos; the non-mated probes are the photos of people with a single photo,
 * who are not enrolled. Distractors add the first photo of each of their people to the gallery only;
 * a distractor folder named like a person of the tree is left out, since that person is already in
 * the protocol.
 */
record IdentificationProtocol(List<Photo> gallery, List<Photo> mated, List<Photo> nonMated, int distractors) {

    /** A photo and the person it shows (the folder's name). */
    record Photo(String subject, Path file) {
    }

    static IdentificationProtocol of(Path images, Path distractorTree) throws IOException {
        List<Photo> gallery = new ArrayList<>();
        List<Photo> mated = new ArrayList<>();
        List<Photo> nonMated = new ArrayList<>();
        Set<String> people = new HashSet<>();
        for (Path person : people(images)) {
            String subject = person.getFileName().toString();
            List<Path> photos = photos(person);
            if (photos.isEmpty()) {
                continue;
            }
            people.add(subject);
            if (photos.size() == 1) {
                nonMated.add(new Photo(subject, photos.get(0)));
                continue;
            }
            gallery.add(new Photo(subject, photos.get(0)));
            for (Path p : photos.subList(1, photos.size())) {
                mated.add(new Photo(subject, p));
            }
        }
        int distractors = 0;
        if (distractorTree != null) {
            for (Path person : people(distractorTree)) {
                String subject = person.getFileName().toString();
                List<Path> photos = photos(person);
                if (!photos.isEmpty() && !people.contains(subject)) {
                    gallery.add(new Photo(subject, photos.get(0)));
                    distractors++;
                }
            }
        }
        return new IdentificationProtocol(List.copyOf(gallery), List.copyOf(mated), List.copyOf(nonMated),
                distractors);
    }

    /** Every photo the protocol embeds, gallery first. */
    List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (List<Photo> part : List.of(gallery, mated, nonMated)) {
            for (Photo p : part) {
                files.add(p.file());
            }
        }
        return files;
    }

    private static List<Path> people(Path tree) throws IOException {
        if (!Files.isDirectory(tree)) {
            throw new IOException("not a folder: " + tree);
        }
        try (Stream<Path> list = Files.list(tree)) {
            return list.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    private static List<Path> photos(Path person) throws IOException {
        try (Stream<Path> list = Files.list(person)) {
            return list.filter(Files::isRegularFile).filter(PhotoFormats::hasPhotoExtension)
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }
}
