package io.facesearch.compare;

import java.util.List;

/**
 * The false-accept rate of a verification threshold for one model and metric, interpolated between
 * measured points.
 *
 * <p>Between two points the rate is interpolated linearly in its logarithm (impostor distances have
 * a near-exponential lower tail), which keeps it monotone: a larger threshold never reports a smaller
 * rate. At and above the last point it is the last point's rate. Below the first point the rate is not
 * extrapolated towards zero: it is reported as at most the first point's rate.
 */
public final class FalseAcceptRates {

    /**
     * The default pipeline's model (dlib chip with mirror averaging, {@code FacePipelines.defaultModelId()})
     * with the euclidean distance, measured on every impostor pair of LFW DevTrain's tuning half (2,046
     * people split by the CRC-32 of their name, 10.2 million pairs of photos of two different people). The
     * first point is the threshold of a rate of 1e-5, below which fewer than 100 pairs remain; the others
     * are every 0.025 up to the first threshold every pair falls under. See the section "False-accept rate
     * of a verification threshold" of docs/accuracy.md for the report half and the command
     * ({@code docs/tools/false_accept_rates.py --java}) that prints these points.
     */
    public static final FalseAcceptRates DEFAULT_EUCLIDEAN = new FalseAcceptRates(DistanceMetric.EUCLIDEAN, List.of(
            point(0.4084, 9.917e-06),
            point(0.4250, 2.543e-05),
            point(0.4500, 8.042e-05),
            point(0.4750, 0.0002088),
            point(0.5000, 0.0004797),
            point(0.5250, 0.001034),
            point(0.5500, 0.002119),
            point(0.5750, 0.004387),
            point(0.6000, 0.00891),
            point(0.6250, 0.01784),
            point(0.6500, 0.03429),
            point(0.6750, 0.06204),
            point(0.7000, 0.1046),
            point(0.7250, 0.1642),
            point(0.7500, 0.2408),
            point(0.7750, 0.332),
            point(0.8000, 0.4332),
            point(0.8250, 0.5394),
            point(0.8500, 0.6441),
            point(0.8750, 0.7412),
            point(0.9000, 0.8245),
            point(0.9250, 0.89),
            point(0.9500, 0.937),
            point(0.9750, 0.9674),
            point(1.0000, 0.985),
            point(1.0250, 0.994),
            point(1.0500, 0.998),
            point(1.0750, 0.9994),
            point(1.1000, 0.9999),
            point(1.1250, 1)));

    /**
     * A measured point.
     *
     * @param threshold a distance threshold
     * @param rate the fraction of impostor pairs whose distance is strictly below it, in (0, 1]
     */
    public record Point(double threshold, double rate) {
    }

    private final DistanceMetric metric;
    private final List<Point> points;

    /**
     * @param metric the metric the thresholds are distances in
     * @param points at least two, thresholds strictly increasing, rates in (0, 1] and never decreasing
     * @throws IllegalArgumentException naming the first point that breaks these rules
     */
    public FalseAcceptRates(DistanceMetric metric, List<Point> points) {
        if (points.size() < 2) {
            throw new IllegalArgumentException("a false-accept table needs at least 2 points, got " + points.size());
        }
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (!(p.rate() > 0 && p.rate() <= 1)) {
                throw new IllegalArgumentException("point " + i + ": rate must be in (0, 1], got " + p.rate());
            }
            if (i > 0 && !(p.threshold() > points.get(i - 1).threshold())) {
                throw new IllegalArgumentException("point " + i + ": thresholds must increase, got " + p.threshold()
                        + " after " + points.get(i - 1).threshold());
            }
            if (i > 0 && p.rate() < points.get(i - 1).rate()) {
                throw new IllegalArgumentException("point " + i + ": rates must not decrease, got " + p.rate()
                        + " after " + points.get(i - 1).rate());
            }
        }
        this.metric = metric;
        this.points = List.copyOf(points);
    }

    public DistanceMetric metric() {
        return metric;
    }

    public List<Point> points() {
        return points;
    }

    /** The rate of a threshold, a distance in {@link #metric()}. */
    public FalseAcceptRate at(double threshold) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold is NaN");
        }
        Point first = points.getFirst();
        if (threshold < first.threshold()) {
            return new FalseAcceptRate(first.rate(), true);
        }
        for (int i = 1; i < points.size(); i++) {
            Point hi = points.get(i);
            if (threshold < hi.threshold()) {
                Point lo = points.get(i - 1);
                if (threshold == lo.threshold()) {
                    return new FalseAcceptRate(lo.rate(), false);
                }
                double f = (threshold - lo.threshold()) / (hi.threshold() - lo.threshold());
                double log = Math.log(lo.rate()) + f * (Math.log(hi.rate()) - Math.log(lo.rate()));
                // Rounding must not step outside the two points' rates.
                return new FalseAcceptRate(Math.min(hi.rate(), Math.max(lo.rate(), Math.exp(log))), false);
            }
        }
        return new FalseAcceptRate(points.getLast().rate(), false);
    }

    private static Point point(double threshold, double rate) {
        return new Point(threshold, rate);
    }
}
