package io.facesearch.server.service;

import io.facesearch.domain.CollectionRecord;
import io.facesearch.domain.Metric;
import io.facesearch.domain.StoredFace;
import io.facesearch.domain.SubjectSummary;
import io.facesearch.identify.FaceCandidate;
import io.facesearch.identify.IdentificationDefaults;
import io.facesearch.identify.ImpostorScores;
import io.facesearch.identify.OpenSetRule;
import io.facesearch.store.Neighbor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The identification rule of each collection. The open-set threshold at a target FPIR comes from
 * the collection's own impostor statistics: a sample of its faces, each searched with its own
 * subject left out, which is a search by someone who is not enrolled against the rest of the
 * collection. The estimate therefore follows the collection as it grows, and is made again in the
 * background when its subject count has changed by a tenth; until it exists, or while it is too
 * small for the target rate, the threshold calibrated on LFW DevTrain applies.
 */
public final class OpenSetCalibrations implements CollectionListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpenSetCalibrations.class);

    /**
     * Faces searched per estimate: at FPIR 0.1 % it still allows the two false accepts an estimate
     * needs ({@link IdentificationDefaults#MIN_FALSE_ACCEPTS}); a few seconds of searches in the
     * background. Face ids are random, so the first faces in id order are a uniform sample.
     */
    static final int SAMPLE_FACES = 2_000;
    /** A new estimate is made when the subject count has changed by this fraction. */
    static final double CHANGE_TO_REESTIMATE = 0.1;

    /** A collection's impostor scores and the collection they were measured on. */
    public record Estimate(ImpostorScores impostors, long subjectCount, Instant at) {
    }

    private final String calibratedModelId;
    private final Clock clock;
    private final ExecutorService estimator;
    private final Map<Long, Estimate> estimates = new ConcurrentHashMap<>();
    private final Set<Long> inProgress = ConcurrentHashMap.newKeySet();

    /** @param calibratedModelId the model whose euclidean distances the open-set score was fitted on */
    public OpenSetCalibrations(String calibratedModelId, Clock clock) {
        this.calibratedModelId = calibratedModelId;
        this.clock = clock;
        this.estimator = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "open-set-calibration");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    /** Whether the open-set score and its calibration hold for the collection's distances. */
    public boolean calibrated(CollectionRecord record) {
        return record.metric() == Metric.EUCLIDEAN && record.modelId().equals(calibratedModelId);
    }

    /**
     * The collection's rule at a target FPIR (0: the collection's own); starts a new estimate when
     * the collection has changed enough. Call under {@link OpenCollection#use}.
     */
    IdentificationRule rule(OpenCollection collection, double targetFpir) {
        CollectionRecord record = collection.record();
        double fpir = targetFpir == 0 ? record.targetFpir() : targetFpir;
        if (!(fpir > 0 && fpir < 1)) {
            throw FaceSearchException.invalid("target_fpir must be in (0, 1), or 0 for the collection's, got " + targetFpir);
        }
        if (!calibrated(record)) {
            return IdentificationRule.distance(record.metric().threshold(record.threshold()), fpir);
        }
        Optional<Estimate> estimate = current(collection);
        if (estimate.isPresent() && estimate.get().impostors().canEstimate(fpir, IdentificationDefaults.MIN_FALSE_ACCEPTS)) {
            ImpostorScores impostors = estimate.get().impostors();
            return IdentificationRule.openSet(OpenSetRule.forTargetFpir(fpir, impostors),
                    new OpenSetBasis(fpir, ThresholdSource.COLLECTION_ESTIMATE, impostors.size()));
        }
        return IdentificationRule.openSet(new OpenSetRule(IdentificationDefaults.SCORE, IdentificationDefaults.threshold(fpir)),
                new OpenSetBasis(fpir, ThresholdSource.CALIBRATED_DEFAULT, 0));
    }

    /**
     * The collection's latest estimate, if any; starts a new one in the background when there is
     * none or the subject count has moved by {@link #CHANGE_TO_REESTIMATE} since. Call under
     * {@link OpenCollection#use}.
     */
    public Optional<Estimate> current(OpenCollection collection) {
        long id = collection.record().id();
        Estimate estimate = estimates.get(id);
        long subjects = collection.store().subjectCount();
        boolean stale = estimate == null
                ? subjects >= 2
                : Math.abs(subjects - estimate.subjectCount()) >= Math.max(1, CHANGE_TO_REESTIMATE * estimate.subjectCount());
        if (stale && calibrated(collection.record()) && inProgress.add(id)) {
            try {
                estimator.execute(() -> {
                    try {
                        estimates.put(id, measure(collection));
                    } catch (RuntimeException e) {
                        // The collection was deleted or the server is closing: nothing to keep.
                        LOG.debug("open-set estimate of collection {} stopped: {}", collection.record().name(), e.toString());
                    } finally {
                        inProgress.remove(id);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                inProgress.remove(id);
            }
        }
        return Optional.ofNullable(estimate);
    }

    /**
     * Measures the collection's impostor scores now, in the caller's thread: the sample's faces each
     * searched with their own subject left out. Each search takes the collection's read lock on its
     * own, so a deletion waits for one search at most.
     */
    Estimate measure(OpenCollection collection) {
        long subjects = collection.use(() -> collection.store().subjectCount());
        List<StoredFace> sample = collection.use(() -> collection.store().listFaces(null, null, SAMPLE_FACES).items());
        Map<String, Long> facesOfSubject = new HashMap<>();
        List<List<FaceCandidate>> searches = new ArrayList<>(sample.size());
        for (StoredFace probe : sample) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted");
            }
            List<FaceCandidate> others = collection.use(() -> impostorSearch(collection, probe, facesOfSubject));
            if (others != null) {
                searches.add(others);
            }
        }
        Estimate estimate = new Estimate(ImpostorScores.fromSearches(searches, IdentificationDefaults.SCORE), subjects, clock.instant());
        LOG.info("open-set estimate collection={} subjects={} impostor_searches={}", collection.record().name(), subjects,
                searches.size());
        return estimate;
    }

    /** The nearest faces of other subjects; null when the probe's subject has too many faces to search past. */
    private static List<FaceCandidate> impostorSearch(OpenCollection collection, StoredFace probe, Map<String, Long> facesOfSubject) {
        long own = facesOfSubject.computeIfAbsent(probe.subjectId(),
                s -> collection.store().subject(s).map(SubjectSummary::faceCount).orElse(0L));
        long wanted = IdentificationDefaults.FACES_PER_SEARCH + own;
        if (wanted > RequestLimits.MAX_RESULTS) {
            return null;
        }
        List<Neighbor> neighbors = collection.index().search(probe.embedding(), (int) wanted);
        List<FaceCandidate> others = NearestFaces.resolve(collection, neighbors, n -> true);
        others.removeIf(c -> c.subjectId().equals(probe.subjectId()));
        return others.size() > IdentificationDefaults.FACES_PER_SEARCH
                ? List.copyOf(others.subList(0, IdentificationDefaults.FACES_PER_SEARCH)) : others;
    }

    @Override
    public void closed(OpenCollection collection) {
        estimates.remove(collection.record().id());
    }

    /** Stops a running estimate and waits for it (its searches must end before the storage closes). */
    @Override
    public void close() {
        estimator.shutdownNow();
        try {
            if (!estimator.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("an open-set estimate did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
