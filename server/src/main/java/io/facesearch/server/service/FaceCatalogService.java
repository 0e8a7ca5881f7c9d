package io.facesearch.server.service;

import io.facesearch.domain.Deleted;
import io.facesearch.domain.Page;
import io.facesearch.domain.StoredFace;
import io.facesearch.domain.SubjectSummary;
import java.util.List;
import java.util.UUID;

/** Lists, reads and deletes the subjects and faces of a collection. */
public final class FaceCatalogService {
    /** Bounds the memory and time one listing call may take. */
    static final int MAX_PAGE_SIZE = RequestLimits.MAX_RESULTS;
    static final int DEFAULT_PAGE_SIZE = 100;

    private final CollectionRegistry registry;

    public FaceCatalogService(CollectionRegistry registry) {
        this.registry = registry;
    }

    /** One page of results and the token of the next, empty on the last page. */
    public record Listing<T>(List<T> items, String nextPageToken) {
        public Listing {
            items = List.copyOf(items);
        }
    }

    public Listing<SubjectSummary> listSubjects(String collectionName, int pageSize, String pageToken) {
        OpenCollection c = registry.get(collectionName);
        long id = c.record().id();
        String after = PageToken.decodeSubject(RequestLimits.pageToken(pageToken), id);
        Page<SubjectSummary, String> page = c.use(() -> c.store().listSubjects(after, pageSize(pageSize)));
        return new Listing<>(page.items(), page.after() == null ? "" : PageToken.subjects(id, page.after()));
    }

    /** Faces of the collection, or of one subject when {@code subjectId} is non-empty. */
    public Listing<StoredFace> listFaces(String collectionName, String subjectId, int pageSize, String pageToken) {
        OpenCollection c = registry.get(collectionName);
        String subject = subjectId == null || subjectId.isEmpty() ? null : RequestLimits.subjectId(subjectId);
        PageToken.Kind kind = subject == null ? PageToken.Kind.FACES : PageToken.Kind.SUBJECT_FACES;
        UUID after = PageToken.decodeFace(RequestLimits.pageToken(pageToken), kind, c.record().id());
        Page<StoredFace, UUID> page = c.use(() -> c.store().listFaces(subject, after, pageSize(pageSize)));
        return new Listing<>(page.items(), page.after() == null ? "" : PageToken.faces(kind, c.record().id(), page.after()));
    }

    public StoredFace getFace(String collectionName, UUID faceId) {
        OpenCollection c = registry.get(collectionName);
        return c.use(() -> c.store().get(faceId)).orElseThrow(() ->
                FaceSearchException.notFound("face " + faceId + " is not in collection '" + collectionName + "'"));
    }

    /** Deletes faces; they are gone from search and listings when this returns. */
    public Deleted deleteFaces(String collectionName, List<UUID> faceIds) {
        if (faceIds.isEmpty()) {
            throw FaceSearchException.invalid("face_ids is empty: name at least one face to delete");
        }
        if (faceIds.size() > MAX_PAGE_SIZE) {
            throw FaceSearchException.invalid("at most " + MAX_PAGE_SIZE + " faces can be deleted per call, got " + faceIds.size());
        }
        OpenCollection c = registry.get(collectionName);
        return c.use(() -> c.store().delete(faceIds));
    }

    /** Deletes a subject and all its faces; returns how many faces went. */
    public int deleteSubject(String collectionName, String subjectId) {
        OpenCollection c = registry.get(collectionName);
        RequestLimits.subjectId(subjectId);
        int deleted = c.use(() -> c.store().deleteSubject(subjectId).faces().size());
        if (deleted == 0) {
            throw FaceSearchException.notFound("subject " + Echo.quote(subjectId) + " has no face in collection '" + collectionName + "'");
        }
        return deleted;
    }

    private static int pageSize(int requested) {
        if (requested < 0 || requested > MAX_PAGE_SIZE) {
            throw FaceSearchException.invalid("page_size must be in [0, " + MAX_PAGE_SIZE + "], got " + requested);
        }
        return requested == 0 ? DEFAULT_PAGE_SIZE : requested;
    }
}
