package io.facesearch.server.service;

import io.facesearch.domain.CollectionRecord;
import io.facesearch.domain.Compaction;
import io.facesearch.domain.IndexFormat;
import io.facesearch.domain.Metric;
import io.facesearch.domain.QualityThresholds;
import io.facesearch.identify.IdentificationDefaults;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Creates, deletes, lists and describes collections. */
public final class CollectionService {
    /** The model id of collections fed only with embeddings from an unnamed model. */
    static final String UNSPECIFIED_MODEL = "unspecified";
    /** The embedding length of FaceSearch's face model, used when neither caller nor pipeline says. */
    static final int DEFAULT_DIMENSION = 128;

    private final CollectionRegistry registry;
    private final PipelineGate pipeline;
    private final QualityGates quality;
    private final OpenSetCalibrations calibrations;

    /** A bulk load's worth of graph building (10 minutes) before a compaction gives up. */
    static final long COMPACTION_CATCH_UP_MILLIS = 600_000;

    public CollectionService(CollectionRegistry registry, PipelineGate pipeline, QualityGates quality,
            OpenSetCalibrations calibrations) {
        this.registry = registry;
        this.pipeline = pipeline;
        this.quality = quality;
        this.calibrations = calibrations;
    }

    public CollectionInfo create(CollectionSpec spec) {
        String name = RequestLimits.collectionName(spec.name());
        Metric metric = spec.metric() == null ? Metric.EUCLIDEAN : spec.metric();
        if (spec.threshold() < 0 || !Float.isFinite(spec.threshold())) {
            throw FaceSearchException.invalid("threshold must be a positive distance, or 0 for the metric's default");
        }
        float threshold = spec.threshold() == 0 ? metric.defaultThreshold() : spec.threshold();
        IndexFormat format = spec.indexFormat() == null ? IndexFormat.HNSW_FLOAT32 : spec.indexFormat();
        String modelId = spec.modelId() == null || spec.modelId().isEmpty()
                ? (pipeline.available() ? pipeline.modelId() : UNSPECIFIED_MODEL) : RequestLimits.modelId(spec.modelId());
        int dimension = spec.dimension() != 0 ? spec.dimension()
                : pipeline.available() && modelId.equals(pipeline.modelId()) ? pipeline.embeddingDimension() : DEFAULT_DIMENSION;
        if (dimension < 1 || dimension > 4096) {
            throw FaceSearchException.invalid("embedding_dimension must be in [1, 4096], got " + dimension);
        }
        double targetFpir = spec.targetFpir() == 0 ? IdentificationDefaults.TARGET_FPIR : spec.targetFpir();
        if (!(targetFpir > 0 && targetFpir < 1)) {
            throw FaceSearchException.invalid("target_fpir must be in (0, 1), or 0 for " + IdentificationDefaults.TARGET_FPIR
                    + ", got " + spec.targetFpir());
        }
        QualitySpec qualitySpec = spec.quality() == null ? QualitySpec.NONE : spec.quality();
        // Thresholds set are stored whole (over the server's settings of now); none set follows the server's.
        QualityThresholds own = qualitySpec.isEmpty() ? null : QualityGates.thresholds(qualitySpec.over(quality.serverSettings()));
        OpenCollection created = registry.create(new CollectionRecord(name, 0, metric, threshold, format, dimension, Instant.EPOCH,
                modelId, targetFpir, own));
        return describe(created);
    }

    /** Deletes a collection; returns how many faces went with it. */
    public long delete(String name) {
        return registry.delete(name);
    }

    /**
     * Physically drops deleted faces from disk and optionally merges the index (see
     * {@link io.facesearch.store.StoredCollection#compact}); waits up to {@link #COMPACTION_CATCH_UP_MILLIS} for the
     * index to catch up with acknowledged enrolments first.
     */
    public Compaction compact(String name, int maxSegments) {
        if (maxSegments < 0 || maxSegments > 1000) {
            throw FaceSearchException.invalid("max_segments must be in [0, 1000], got " + maxSegments);
        }
        return registry.compact(name, maxSegments, COMPACTION_CATCH_UP_MILLIS);
    }

    public List<CollectionInfo> list() {
        return registry.all().stream().map(this::describe).toList();
    }

    public CollectionInfo describe(String name) {
        return describe(registry.get(name));
    }

    private CollectionInfo describe(OpenCollection c) {
        return c.use(() -> {
            Optional<OpenSetCalibrations.Estimate> estimate = calibrations.current(c);
            return new CollectionInfo(c.record(), c.store().faceCount(), c.store().subjectCount(), c.index().sizeOnDiskBytes(),
                    c.indexLag(), quality.of(c.record()), estimate, calibrations.rule(c, 0).basis().source());
        });
    }
}
