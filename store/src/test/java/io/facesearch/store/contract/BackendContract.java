package io.facesearch.store.contract;

import static org.junit.jupiter.api.Assertions.fail;

import io.facesearch.domain.CollectionRecord;
import io.facesearch.domain.EnrollItem;
import io.facesearch.domain.Enrolled;
import io.facesearch.domain.IndexFormat;
import io.facesearch.domain.Metric;
import io.facesearch.domain.NewFace;
import io.facesearch.domain.StoredFace;
import io.facesearch.store.BackendSettings;
import io.facesearch.store.StorageBackend;
import io.facesearch.store.StoredCollection;
import io.facesearch.store.testing.SyntheticFaces;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every contract of the storage seam shares: a backend opened on fresh settings before each
 * test and closed after it, and helpers written against the SPI only. A backend's test extends
 * each {@code *Contract} class and implements {@link #open}; nothing else.
 */
public abstract class BackendContract {
    /** Embeddings of the contract: 128-D, clustered like a face model's. */
    protected static final SyntheticFaces FACES = new SyntheticFaces(11, 128);
    /** How long a backend may take to make acknowledged faces searchable. */
    protected static final long SEARCHABLE_WITHIN_MILLIS = 30_000;

    @TempDir
    protected Path dataDir;
    protected StorageBackend backend;

    /**
     * Opens the backend under test. Called before each test with {@link #settings()}, and again with
     * the same settings after {@link #reopen} closed it: a durable backend finds its data again.
     */
    protected abstract StorageBackend open(BackendSettings settings);

    /** The settings every open uses; override to shorten a backend's refresh period, say. */
    protected BackendSettings settings() {
        return new BackendSettings(dataDir, Map.of("refresh.ms", "100"));
    }

    @BeforeEach
    final void openBackend() {
        backend = open(settings());
    }

    @AfterEach
    final void closeBackend() {
        if (backend != null) {
            backend.close();
        }
    }

    /** Closes the backend and opens it again on the same settings. */
    protected final void reopen() {
        backend.close();
        backend = null;
        backend = open(settings());
    }

    protected final StoredCollection create(String name, Metric metric) {
        CollectionRecord settings = new CollectionRecord(name, 0, metric, metric.defaultThreshold(), IndexFormat.HNSW_FLOAT32,
                FACES.dimension(), Instant.EPOCH, "synthetic@1", 0.01, null);
        return backend.create(settings).orElseThrow(() -> new AssertionError("collection " + name + " already exists"));
    }

    protected final StoredCollection create(String name) {
        return create(name, Metric.EUCLIDEAN);
    }

    /** The open collection of that name, as the backend lists it. */
    protected final StoredCollection collection(String name) {
        return backend.collections().stream().filter(c -> c.record().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no collection " + name + " in " + backend.collections()));
    }

    /** One precomputed face of an identity's sample, with a request id (empty for none). */
    protected static EnrollItem item(int identity, int sample, String requestId) {
        NewFace face = new NewFace(FACES.sample(identity, sample), null, 1, null, StoredFace.Source.PRECOMPUTED);
        return new EnrollItem(requestId, SyntheticFaces.subject(identity), List.of(face), Map.of("sample", Integer.toString(sample)),
                "synthetic@1");
    }

    /** Enrols identities x samples faces in batches, each with request id "identity/sample"; returns the stored faces. */
    protected static List<StoredFace> enrollGrid(StoredCollection c, int identities, int samples) {
        List<EnrollItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < identities; i++) {
            for (int s = 0; s < samples; s++) {
                items.add(item(i, s, i + "/" + s));
            }
        }
        List<StoredFace> stored = new java.util.ArrayList<>();
        for (int from = 0; from < items.size(); from += 256) {
            for (Enrolled e : c.faces().enroll(items.subList(from, Math.min(items.size(), from + 256)))) {
                stored.addAll(e.faces());
            }
        }
        return stored;
    }

    /** Waits until the collection's index holds exactly {@code faces} faces and no acknowledged change is pending. */
    protected static void awaitSearchable(StoredCollection c, long faces) {
        long deadline = System.currentTimeMillis() + SEARCHABLE_WITHIN_MILLIS;
        while (c.index().size() != faces || c.index().lag() != 0) {
            if (System.currentTimeMillis() > deadline) {
                fail("the index of " + c.record().name() + " holds " + c.index().size() + " faces, lag " + c.index().lag()
                        + ", after " + SEARCHABLE_WITHIN_MILLIS + " ms; expected " + faces);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
