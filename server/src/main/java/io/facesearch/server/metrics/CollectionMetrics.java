package io.facesearch.server.metrics;

import io.facesearch.server.service.CollectionListener;
import io.facesearch.server.service.OpenCollection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

/**
 * Gauges of each open collection, tagged {@code collection}: faces and subjects (read from the
 * database counters at scrape time), documents visible in the index, acknowledged changes not yet
 * in the index (lag), and index bytes on disk.
 * Removed when the collection is deleted, so a scrape never reports a collection that is gone.
 */
public final class CollectionMetrics implements CollectionListener {
    private final MeterRegistry registry;
    private final Map<String, List<Meter>> meters = new ConcurrentHashMap<>();

    public CollectionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void opened(OpenCollection c) {
        String name = c.record().name();
        meters.put(name, List.of(
                gauge("facesearch.collection.faces", "faces", name, c, x -> x.store().faceCount()),
                gauge("facesearch.collection.subjects", "subjects", name, c, x -> x.store().subjectCount()),
                gauge("facesearch.index.documents", "documents", name, c, x -> orNaN(() -> x.index().size())),
                gauge("facesearch.index.lag", "changes", name, c, OpenCollection::indexLag),
                gauge("facesearch.index.size", "bytes", name, c, x -> orNaN(() -> x.index().sizeOnDiskBytes()))));
    }

    @Override
    public void closed(OpenCollection c) {
        List<Meter> removed = meters.remove(c.record().name());
        if (removed != null) {
            removed.forEach(registry::remove);
        }
    }

    /** A scrape must not fail because one collection's index cannot answer (closing, I/O error). */
    private static double orNaN(LongSupplier value) {
        try {
            return value.getAsLong();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private Meter gauge(String name, String unit, String collection, OpenCollection c, ToDoubleFunction<OpenCollection> value) {
        return Gauge.builder(name, c, value).baseUnit(unit).tag("collection", collection).register(registry);
    }
}
