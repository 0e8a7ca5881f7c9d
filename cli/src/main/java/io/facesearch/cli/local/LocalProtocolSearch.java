package io.facesearch.cli.local;

import io.facesearch.compare.DistanceMetric;
import io.facesearch.face.Embedding;
import io.facesearch.identify.FaceCandidate;
import io.facesearch.pipeline.AnalysisOptions;
import io.facesearch.pipeline.FacePipeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The protocol on this machine: every photo embedded once with the default pipeline (or taken from
 * the embeddings cache), the gallery searched exactly in memory with the euclidean distance.
 */
final class LocalProtocolSearch implements ProtocolSearch {
    private final Map<Path, Embedding> embeddings;
    private final int photos;
    private ExactGallery gallery = new ExactGallery(List.of(), DistanceMetric.EUCLIDEAN);

    private LocalProtocolSearch(Map<Path, Embedding> embeddings, int photos) {
        this.embeddings = embeddings;
        this.photos = photos;
    }

    /** Embeds every photo of the protocol that the cache does not hold, then saves the cache. */
    static LocalProtocolSearch open(List<Path> files, PipelineOptions pipeline, Path cacheFile, PrintWriter err)
            throws Exception {
        EmbeddingCache cache = EmbeddingCache.open(cacheFile);
        Map<Path, Embedding> embeddings = new HashMap<>();
        List<Path> missing = new ArrayList<>();
        for (Path f : files) {
            Optional<Optional<Embedding>> cached = cache.get(f);
            if (cached.isPresent()) {
                cached.get().ifPresent(e -> embeddings.put(f, e));
            } else {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            Map<String, Path> byName = new HashMap<>();
            missing.forEach(f -> byName.put(f.toString(), f));
            try (FacePipeline p = pipeline.open()) {
                ImageBatchRun.run(p, missing, AnalysisOptions.DEFAULT, pipeline.threads(), r -> {
                    Path file = byName.get(r.file());
                    if (r.error() != null) {
                        err.println(r.file() + ": " + r.error());
                    }
                    Embedding e = r.error() == null && !r.image().faces().isEmpty()
                            ? r.image().faces().get(0).embedding() : null;
                    if (e != null) {
                        embeddings.put(file, e);
                    }
                    try {
                        cache.put(file, e);
                    } catch (IOException x) {
                        throw new UncheckedIOException(x);
                    }
                });
            }
            cache.save();
        }
        return new LocalProtocolSearch(embeddings, files.size());
    }

    @Override
    public Set<String> enroll(List<IdentificationProtocol.Photo> photos) {
        List<ExactGallery.Entry> entries = new ArrayList<>();
        Set<String> subjects = new HashSet<>();
        for (IdentificationProtocol.Photo p : photos) {
            Embedding e = embeddings.get(p.file());
            if (e != null) {
                entries.add(new ExactGallery.Entry(p.subject() + "/" + p.file().getFileName(), p.subject(), e));
                subjects.add(p.subject());
            }
        }
        gallery = new ExactGallery(entries, DistanceMetric.EUCLIDEAN);
        return subjects;
    }

    @Override
    public int gallerySize() {
        return gallery.size();
    }

    @Override
    public Optional<List<FaceCandidate>> search(Path photo, int limit) {
        Embedding e = embeddings.get(photo);
        return e == null ? Optional.empty() : Optional.of(gallery.search(e, limit, null));
    }

    @Override
    public List<List<FaceCandidate>> impostorSearches(int limit) {
        List<List<FaceCandidate>> searches = new ArrayList<>();
        for (ExactGallery.Entry e : gallery.entries()) {
            searches.add(gallery.search(e.embedding(), limit, e.subjectId()));
        }
        return searches;
    }

    @Override
    public int photosWithoutFace() {
        return photos - embeddings.size();
    }

    @Override
    public void close() {
    }
}
