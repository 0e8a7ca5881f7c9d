package io.facesearch.cli.local;

import io.facesearch.identify.FaceCandidate;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where {@code eval identification} enrols its gallery and searches its probes: this machine's
 * pipeline with an exact in-memory search, or a server through the client SDK. Both give the open-set
 * rule the same thing, the nearest faces of each probe without a distance cut.
 */
interface ProtocolSearch extends AutoCloseable {

    /** Enrols the gallery; returns the subjects that got a face (a photo without a face enrols nobody). */
    Set<String> enroll(List<IdentificationProtocol.Photo> gallery) throws Exception;

    /** The enrolled faces. */
    int gallerySize();

    /** The {@code limit} nearest faces of the photo's main face; empty when no face was found. */
    Optional<List<FaceCandidate>> search(Path photo, int limit) throws Exception;

    /**
     * Every enrolled face searched with its own subject left out, {@code limit} faces each: the
     * non-mated searches a collection can run on itself.
     */
    List<List<FaceCandidate>> impostorSearches(int limit) throws Exception;

    /** Photos in which no face was found, gallery and probes. */
    int photosWithoutFace();

    @Override
    void close() throws Exception;
}
