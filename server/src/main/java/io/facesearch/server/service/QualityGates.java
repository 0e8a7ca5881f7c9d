package io.facesearch.server.service;

import io.facesearch.domain.CollectionRecord;
import io.facesearch.domain.QualityThresholds;
import io.facesearch.quality.QualityGate;

/**
 * The quality gate of each collection: the thresholds it was created with, or the server's
 * {@code quality.*} settings for a collection that has none of its own.
 *
 * @param serverSettings the server's {@code quality.*} settings
 */
public record QualityGates(QualityGate serverSettings) {

    public QualityGate of(CollectionRecord collection) {
        QualityThresholds q = collection.quality();
        return q == null ? serverSettings : gate(q);
    }

    /** The gate of stored thresholds; out-of-range values are refused by the gate. */
    static QualityGate gate(QualityThresholds q) {
        return new QualityGate(q.minScore(), q.maxBoxToFace(), q.minFacePixels(), q.minSharpness(), q.maxYaw(), q.maxPitch(),
                q.maxRoll());
    }

    static QualityThresholds thresholds(QualityGate g) {
        return new QualityThresholds(g.minScore(), g.maxBoxToFace(), g.minFacePixels(), g.minSharpness(), g.maxYaw(), g.maxPitch(),
                g.maxRoll());
    }
}
