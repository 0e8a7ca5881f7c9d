package io.facesearch.server.api;

import io.facesearch.api.v1.CollectionServiceGrpc;
import io.facesearch.api.v1.CompactCollectionRequest;
import io.facesearch.api.v1.CreateCollectionRequest;
import io.facesearch.api.v1.DeleteCollectionRequest;
import io.facesearch.api.v1.DeleteFacesRequest;
import io.facesearch.api.v1.DeleteSubjectRequest;
import io.facesearch.api.v1.DescribeCollectionRequest;
import io.facesearch.api.v1.DetectionServiceGrpc;
import io.facesearch.api.v1.EnrollRequest;
import io.facesearch.api.v1.EnrollmentServiceGrpc;
import io.facesearch.api.v1.FaceServiceGrpc;
import io.facesearch.api.v1.GetFaceRequest;
import io.facesearch.api.v1.KeyServiceGrpc;
import io.facesearch.api.v1.ListFacesRequest;
import io.facesearch.api.v1.ListSubjectsRequest;
import io.facesearch.api.v1.SearchByEmbeddingRequest;
import io.facesearch.api.v1.SearchByFaceIdRequest;
import io.facesearch.api.v1.SearchRequest;
import io.facesearch.api.v1.SearchServiceGrpc;
import io.facesearch.api.v1.VerificationServiceGrpc;
import io.facesearch.api.v1.VerifyRequest;
import io.facesearch.server.security.Permission;
import io.facesearch.server.security.Scope;
import io.grpc.MethodDescriptor;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Which permission each RPC needs, and on which collection: the one table of access rules. An RPC
 * missing from it is refused (fail closed), so a new RPC cannot slip through unguarded.
 *
 * <table>
 * <caption>RPC to scope</caption>
 * <tr><th>RPC</th><th>needs</th></tr>
 * <tr><td>Search, SearchByEmbedding, SearchByFaceId, ListSubjects, ListFaces, GetFace, DescribeCollection</td><td>search on the collection</td></tr>
 * <tr><td>Verify</td><td>search on its collection; with none (two photos or embeddings), search on some collection</td></tr>
 * <tr><td>Detect</td><td>search on some collection (it reads no collection)</td></tr>
 * <tr><td>Enroll, DeleteFaces, DeleteSubject</td><td>enroll on the collection</td></tr>
 * <tr><td>EnrollStream</td><td>enroll on each item's collection, checked per item (the item's acknowledgement carries PERMISSION_DENIED)</td></tr>
 * <tr><td>CreateCollection, DeleteCollection, CompactCollection</td><td>admin on the collection</td></tr>
 * <tr><td>ListCollections</td><td>any valid key; lists the collections the key can search</td></tr>
 * <tr><td>CreateKey, ListKeys, RevokeKey</td><td>admin:*</td></tr>
 * </table>
 */
final class AccessPolicy {

    /**
     * What one RPC needs.
     *
     * @param collection the collection a request names; null for RPCs bound to none, and for a request that names none
     * @param kind how the rule applies
     */
    record Rule(Permission permission, Function<Object, String> collection, Kind kind) {
    }

    enum Kind {
        /** The permission on the request's collection, or somewhere when it names none. */
        ON_COLLECTION,
        /** The permission on every collection ({@code *}). */
        ON_ALL,
        /** Any valid key; the handler narrows what it returns. */
        ANY_KEY,
        /** Checked by the handler for each streamed item. */
        PER_ITEM
    }

    private static final Map<String, Rule> RULES = rules();

    private AccessPolicy() {
    }

    /** The rule of a method, or null for a method no rule covers. */
    static Rule of(MethodDescriptor<?, ?> method) {
        return RULES.get(method.getFullMethodName());
    }

    private static Map<String, Rule> rules() {
        Map<String, Rule> r = new HashMap<>();
        on(r, CollectionServiceGrpc.getCreateCollectionMethod(), Permission.ADMIN, m -> ((CreateCollectionRequest) m).getName());
        on(r, CollectionServiceGrpc.getDeleteCollectionMethod(), Permission.ADMIN, m -> ((DeleteCollectionRequest) m).getName());
        on(r, CollectionServiceGrpc.getCompactCollectionMethod(), Permission.ADMIN, m -> ((CompactCollectionRequest) m).getName());
        on(r, CollectionServiceGrpc.getDescribeCollectionMethod(), Permission.SEARCH, m -> ((DescribeCollectionRequest) m).getName());
        r.put(CollectionServiceGrpc.getListCollectionsMethod().getFullMethodName(), new Rule(Permission.SEARCH, m -> null, Kind.ANY_KEY));
        on(r, EnrollmentServiceGrpc.getEnrollMethod(), Permission.ENROLL, m -> ((EnrollRequest) m).getCollection());
        r.put(EnrollmentServiceGrpc.getEnrollStreamMethod().getFullMethodName(), new Rule(Permission.ENROLL, m -> null, Kind.PER_ITEM));
        on(r, SearchServiceGrpc.getSearchMethod(), Permission.SEARCH, m -> ((SearchRequest) m).getCollection());
        on(r, SearchServiceGrpc.getSearchByEmbeddingMethod(), Permission.SEARCH, m -> ((SearchByEmbeddingRequest) m).getCollection());
        on(r, SearchServiceGrpc.getSearchByFaceIdMethod(), Permission.SEARCH, m -> ((SearchByFaceIdRequest) m).getCollection());
        on(r, VerificationServiceGrpc.getVerifyMethod(), Permission.SEARCH, m -> emptyToNull(((VerifyRequest) m).getCollection()));
        on(r, DetectionServiceGrpc.getDetectMethod(), Permission.SEARCH, m -> null);
        on(r, FaceServiceGrpc.getListSubjectsMethod(), Permission.SEARCH, m -> ((ListSubjectsRequest) m).getCollection());
        on(r, FaceServiceGrpc.getListFacesMethod(), Permission.SEARCH, m -> ((ListFacesRequest) m).getCollection());
        on(r, FaceServiceGrpc.getGetFaceMethod(), Permission.SEARCH, m -> ((GetFaceRequest) m).getCollection());
        on(r, FaceServiceGrpc.getDeleteFacesMethod(), Permission.ENROLL, m -> ((DeleteFacesRequest) m).getCollection());
        on(r, FaceServiceGrpc.getDeleteSubjectMethod(), Permission.ENROLL, m -> ((DeleteSubjectRequest) m).getCollection());
        for (MethodDescriptor<?, ?> keys : new MethodDescriptor<?, ?>[] {KeyServiceGrpc.getCreateKeyMethod(), KeyServiceGrpc.getListKeysMethod(),
            KeyServiceGrpc.getRevokeKeyMethod()}) {
            r.put(keys.getFullMethodName(), new Rule(Permission.ADMIN, m -> Scope.ANY, Kind.ON_ALL));
        }
        return Map.copyOf(r);
    }

    private static void on(Map<String, Rule> rules, MethodDescriptor<?, ?> method, Permission permission, Function<Object, String> collection) {
        rules.put(method.getFullMethodName(), new Rule(permission, collection, Kind.ON_COLLECTION));
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
