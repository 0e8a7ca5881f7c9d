package io.facesearch.server.api;

import io.facesearch.api.v1.ApiKey;
import io.facesearch.api.v1.CompactCollectionRequest;
import io.facesearch.api.v1.CreateCollectionRequest;
import io.facesearch.api.v1.CreateKeyResponse;
import io.facesearch.api.v1.DeleteCollectionRequest;
import io.facesearch.api.v1.DeleteCollectionResponse;
import io.facesearch.api.v1.DeleteFacesRequest;
import io.facesearch.api.v1.DeleteFacesResponse;
import io.facesearch.api.v1.DeleteSubjectRequest;
import io.facesearch.api.v1.DeleteSubjectResponse;
import io.facesearch.api.v1.DescribeCollectionRequest;
import io.facesearch.api.v1.DetectResponse;
import io.facesearch.api.v1.EnrollRequest;
import io.facesearch.api.v1.EnrollResponse;
import io.facesearch.api.v1.EnrolledFace;
import io.facesearch.api.v1.FaceMatches;
import io.facesearch.api.v1.FaceRecord;
import io.facesearch.api.v1.FaceReference;
import io.facesearch.api.v1.GetFaceRequest;
import io.facesearch.api.v1.ListFacesRequest;
import io.facesearch.api.v1.ListFacesResponse;
import io.facesearch.api.v1.ListSubjectsRequest;
import io.facesearch.api.v1.ListSubjectsResponse;
import io.facesearch.api.v1.Match;
import io.facesearch.api.v1.RevokeKeyRequest;
import io.facesearch.api.v1.SearchByEmbeddingRequest;
import io.facesearch.api.v1.SearchByFaceIdRequest;
import io.facesearch.api.v1.SearchRequest;
import io.facesearch.api.v1.SearchResponse;
import io.facesearch.api.v1.SearchResult;
import io.facesearch.api.v1.Subject;
import io.facesearch.api.v1.SubjectCandidate;
import io.facesearch.api.v1.VerifyRequest;
import io.facesearch.api.v1.VerifyResponse;
import io.facesearch.server.audit.AuditRecord;
import io.facesearch.server.security.Abbreviated;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the audit log keeps of one call (or one streamed item): the collection, subject and face
 * ids its request named and its response returned, and how many faces it handled. Reads ids and
 * counts only: images, embeddings, metadata and secrets never reach it. Client strings are cut to
 * a bounded length so no request can inflate the log.
 */
final class AuditFields {
    /** Names and ids are at most 256 bytes (ProtocolLimit): kept whole when valid, cut when not. */
    private static final int MAX_ID_CHARS = 256;
    private String collection = "";
    private final Set<String> subjects = new LinkedHashSet<>();
    private final Set<String> faceIds = new LinkedHashSet<>();
    private int faces;
    private String requestId = "";
    private String managedKeyId = "";
    private boolean truncated;

    String collection() {
        return collection;
    }

    /** Takes what a request message names. */
    void request(Object message) {
        switch (message) {
            case CreateCollectionRequest r -> collection(r.getName());
            case DeleteCollectionRequest r -> collection(r.getName());
            case DescribeCollectionRequest r -> collection(r.getName());
            case CompactCollectionRequest r -> collection(r.getName());
            case EnrollRequest r -> {
                collection(r.getCollection());
                subject(r.getSubjectId());
                requestId = Abbreviated.of(r.getRequestId(), MAX_ID_CHARS);
            }
            case SearchRequest r -> collection(r.getCollection());
            case SearchByEmbeddingRequest r -> collection(r.getCollection());
            case SearchByFaceIdRequest r -> {
                collection(r.getCollection());
                face(r.getFaceId());
            }
            case VerifyRequest r -> {
                collection(r.getCollection());
                reference(r.getFirst());
                reference(r.getSecond());
            }
            case ListSubjectsRequest r -> collection(r.getCollection());
            case ListFacesRequest r -> {
                collection(r.getCollection());
                subject(r.getSubjectId());
            }
            case GetFaceRequest r -> {
                collection(r.getCollection());
                face(r.getFaceId());
            }
            case DeleteFacesRequest r -> {
                collection(r.getCollection());
                r.getFaceIdsList().forEach(this::face);
            }
            case DeleteSubjectRequest r -> {
                collection(r.getCollection());
                subject(r.getSubjectId());
            }
            case RevokeKeyRequest r -> managedKeyId = Abbreviated.of(r.getId(), MAX_ID_CHARS);
            default -> {
                // ListCollections, Detect, CreateKey, ListKeys: nothing to name.
            }
        }
    }

    /** Takes what a response message returned. */
    void response(Object message) {
        switch (message) {
            case DeleteCollectionResponse r -> faces += r.getDeletedFaces();
            case EnrollResponse r -> enrolled(r);
            case SearchResponse r -> {
                for (SearchResult result : r.getResultsList()) {
                    matches(result.getMatches());
                }
            }
            case FaceMatches r -> matches(r);
            case VerifyResponse r -> face(r.getMatchedFaceId());
            case DetectResponse r -> faces += r.getFacesCount();
            case ListSubjectsResponse r -> r.getSubjectsList().stream().map(Subject::getSubjectId).forEach(this::subject);
            case ListFacesResponse r -> {
                for (FaceRecord face : r.getFacesList()) {
                    record(face);
                }
            }
            case FaceRecord r -> record(r);
            case DeleteFacesResponse r -> faces += r.getDeleted();
            case DeleteSubjectResponse r -> faces += r.getDeletedFaces();
            case CreateKeyResponse r -> managedKeyId = r.getKey().getId();
            case ApiKey r -> managedKeyId = r.getId();
            default -> {
                // Collection, ListCollections, ListKeys, Compact: no subject or face.
            }
        }
    }

    void enrolled(EnrollResponse r) {
        for (EnrolledFace face : r.getFacesList()) {
            face(face.getFaceId());
        }
        faces += r.getFacesCount();
    }

    private void matches(FaceMatches m) {
        faces++;
        m.getCandidatesList().stream().map(SubjectCandidate::getSubjectId).forEach(this::subject);
        m.getCandidatesList().stream().map(SubjectCandidate::getFaceId).forEach(this::face);
        m.getMatchesList().stream().map(Match::getFaceId).forEach(this::face);
    }

    private void record(FaceRecord face) {
        subject(face.getSubjectId());
        face(face.getFaceId());
        faces++;
    }

    private void reference(FaceReference reference) {
        switch (reference.getReferenceCase()) {
            case FACE_ID -> face(reference.getFaceId());
            case SUBJECT_ID -> subject(reference.getSubjectId());
            default -> {
                // A photo or an embedding: never logged.
            }
        }
    }

    private void collection(String name) {
        collection = Abbreviated.of(name, MAX_ID_CHARS);
    }

    private void subject(String id) {
        add(subjects, id);
    }

    private void face(String id) {
        add(faceIds, id);
    }

    private void add(Set<String> ids, String id) {
        if (id.isEmpty()) {
            return;
        }
        if (ids.size() >= AuditRecord.MAX_IDS) {
            truncated = true;
            return;
        }
        ids.add(Abbreviated.of(id, MAX_ID_CHARS));
    }

    AuditRecord toRecord(String time, String keyId, String rpc, String peer, String status) {
        return new AuditRecord(time, keyId, rpc, peer, collection, List.copyOf(subjects), List.copyOf(faceIds), faces, requestId,
                managedKeyId, truncated, status);
    }
}
