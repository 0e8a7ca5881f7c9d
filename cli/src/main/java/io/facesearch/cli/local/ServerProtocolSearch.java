package io.facesearch.cli.local;

import io.facesearch.client.EnrollResult;
import io.facesearch.client.EnrolledFace;
import io.facesearch.client.FaceSearchClient;
import io.facesearch.client.Match;
import io.facesearch.client.Photo;
import io.facesearch.client.SearchOptions;
import io.facesearch.client.SearchResult;
import io.facesearch.identify.FaceCandidate;
import java.nio.file.Path;
import io.facesearch.cli.remote.LocalAdminKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The protocol through a server: a temporary collection (created with the server's defaults) holds
 * the gallery, probes are searched exactly by photo, and the collection is deleted at the end,
 * whatever happened.
 */
final class ServerProtocolSearch implements ProtocolSearch {
    /**
     * A distance beyond any pair of descriptors, so that the search returns the nearest faces without
     * the collection's 1:1 threshold cutting the runner-up off.
     */
    private static final float NO_DISTANCE_CUT = 100f;
    /**
     * The protocol scores the nearest faces itself, so it asks for the face-level list (the server's
     * decision and subject candidates are not used), exactly searched.
     */
    private static final SearchOptions NEAREST_FACES = SearchOptions.DEFAULT.withThreshold(NO_DISTANCE_CUT).withExact(true)
            .withFaceMatches(true);

    private final FaceSearchClient client;
    private final String collection;
    private final Map<String, String> subjectOfFace = new LinkedHashMap<>();
    private int photosWithoutFace;

    private ServerProtocolSearch(FaceSearchClient client, String collection) {
        this.client = client;
        this.collection = collection;
    }

    /**
     * Connects and creates the temporary collection.
     *
     * @param token the API key (it needs admin on the collections it creates); null or blank for a local server's bootstrap key
     */
    static ServerProtocolSearch open(String target, String token) {
        FaceSearchClient client = FaceSearchClient.builder().target(target).deadline(Duration.ofMinutes(1))
                .token(token == null || token.isBlank() ? LocalAdminKey.find(target, System.getenv()).orElse(null) : token).build();
        String name = "eval-identification-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            client.createCollection(name);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        return new ServerProtocolSearch(client, name);
    }

    @Override
    public Set<String> enroll(List<IdentificationProtocol.Photo> gallery) throws Exception {
        Set<String> subjects = new HashSet<>();
        for (IdentificationProtocol.Photo p : gallery) {
            EnrollResult r = client.enroll(collection, p.subject(), Photo.read(p.file()));
            if (r.faces().isEmpty()) {
                photosWithoutFace++;
            }
            for (EnrolledFace f : r.faces()) {
                subjectOfFace.put(f.faceId(), p.subject());
                subjects.add(p.subject());
            }
        }
        return subjects;
    }

    @Override
    public int gallerySize() {
        return subjectOfFace.size();
    }

    @Override
    public Optional<List<FaceCandidate>> search(Path photo, int limit) throws Exception {
        List<SearchResult> results = client.search(collection, Photo.read(photo), NEAREST_FACES.withTopK(limit));
        if (results.isEmpty()) {
            photosWithoutFace++;
            return Optional.empty();
        }
        return Optional.of(candidates(results.get(0).matches().matches(), null));
    }

    @Override
    public List<List<FaceCandidate>> impostorSearches(int limit) {
        List<List<FaceCandidate>> searches = new ArrayList<>();
        for (Map.Entry<String, String> face : subjectOfFace.entrySet()) {
            // One face per gallery subject in this protocol: one more than the limit covers its own.
            List<Match> matches = client.searchByFace(collection, face.getKey(),
                    NEAREST_FACES.withTopK(limit + 1)).matches();
            List<FaceCandidate> others = candidates(matches, face.getValue());
            searches.add(others.size() > limit ? others.subList(0, limit) : others);
        }
        return searches;
    }

    private static List<FaceCandidate> candidates(List<Match> matches, String excludedSubject) {
        List<FaceCandidate> out = new ArrayList<>();
        for (Match m : matches) {
            if (!m.subjectId().equals(excludedSubject)) {
                out.add(new FaceCandidate(m.faceId(), m.subjectId(), m.distance()));
            }
        }
        return out;
    }

    @Override
    public int photosWithoutFace() {
        return photosWithoutFace;
    }

    @Override
    public void close() {
        try {
            client.deleteCollection(collection);
        } finally {
            client.close();
        }
    }
}
