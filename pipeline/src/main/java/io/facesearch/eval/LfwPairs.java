package io.facesearch.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An LFW pairs file: an optional header ({@code count}, or {@code folds count} for View 2), then
 * {@code name n1 n2} for same-person pairs and {@code name1 n1 name2 n2} for different-person
 * pairs. Image {@code n} of {@code name} is {@code name/name_%04d.jpg}.
 *
 * @param folds the number of folds the file declares, or 0 when it declares none
 */
public record LfwPairs(List<Pair> pairs, int folds) {

    /** One pair of image paths relative to the images folder. */
    public record Pair(String first, String second, boolean same) {
    }

    public static LfwPairs read(Path file) throws IOException {
        List<Pair> pairs = new ArrayList<>();
        int folds = 0;
        int lineNo = 0;
        for (String line : Files.readAllLines(file)) {
            lineNo++;
            String[] t = line.trim().split("\\s+");
            if (t.length == 0 || t[0].isEmpty()) {
                continue;
            }
            if (lineNo == 1 && allNumeric(t)) {
                folds = t.length == 2 ? Integer.parseInt(t[0]) : 0;
                continue;
            }
            switch (t.length) {
                case 3 -> pairs.add(new Pair(image(t[0], t[1]), image(t[0], t[2]), true));
                case 4 -> pairs.add(new Pair(image(t[0], t[1]), image(t[2], t[3]), false));
                default -> throw new IOException(file + ":" + lineNo + ": expected 3 or 4 fields, got '" + line + "'");
            }
        }
        if (pairs.isEmpty()) {
            throw new IOException(file + ": no pairs");
        }
        return new LfwPairs(List.copyOf(pairs), folds);
    }

    private static String image(String name, String number) {
        return name + "/" + name + String.format("_%04d.jpg", Integer.parseInt(number));
    }

    private static boolean allNumeric(String[] t) {
        for (String s : t) {
            if (!s.chars().allMatch(Character::isDigit)) {
                return false;
            }
        }
        return t.length <= 2;
    }
}
