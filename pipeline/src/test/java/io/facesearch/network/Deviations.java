package io.facesearch.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Per-face (or per-image) deviations from the golden outputs, summarised for assertions and reports. */
final class Deviations {
    private final String what;
    private final List<Double> values = new ArrayList<>();
    private String worst = "";
    private double worstValue = Double.NEGATIVE_INFINITY;

    Deviations(String what) {
        this.what = what;
    }

    void add(double value, String where) {
        values.add(value);
        if (value > worstValue) {
            worstValue = value;
            worst = where;
        }
    }

    int count() {
        return values.size();
    }

    double max() {
        return values.isEmpty() ? 0 : Collections.max(values);
    }

    /** The value below which {@code fraction} of the deviations fall (nearest rank). */
    double quantile(double fraction) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(fraction * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(rank, sorted.size() - 1)));
    }

    /** Share of deviations above a bound. */
    double fractionAbove(double bound) {
        return values.isEmpty() ? 0 : values.stream().filter(v -> v > bound).count() / (double) values.size();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: n=%d median=%.3g p99=%.3g max=%.3g (worst: %s)",
                what, count(), quantile(0.5), quantile(0.99), max(), worst);
    }
}
