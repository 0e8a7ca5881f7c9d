package io.facesearch.client;

import java.util.Objects;

/**
 * Which faces to list: those of a collection, or of one subject of it. Start from
 * {@link #in(String)}: {@code FaceQuery.in("staff").withSubject("alice")}.
 *
 * @param collection the collection to list
 * @param subjectId only this subject's faces; empty for every face of the collection
 * @param pageSize faces per page, at most 1000; 0 means 100
 * @param pageToken empty for the first page, else {@link Page#nextPageToken()} of the previous one
 * @param includeEmbeddings also return each face's embedding
 */
public record FaceQuery(String collection, String subjectId, int pageSize, String pageToken, boolean includeEmbeddings) {

    public FaceQuery {
        Objects.requireNonNull(collection, "collection");
        subjectId = subjectId == null ? "" : subjectId;
        pageToken = pageToken == null ? "" : pageToken;
    }

    public static FaceQuery in(String collection) {
        return new FaceQuery(collection, "", 0, "", false);
    }

    public FaceQuery withSubject(String subject) {
        return new FaceQuery(collection, subject, pageSize, pageToken, includeEmbeddings);
    }

    public FaceQuery withPageSize(int size) {
        return new FaceQuery(collection, subjectId, size, pageToken, includeEmbeddings);
    }

    public FaceQuery withPageToken(String token) {
        return new FaceQuery(collection, subjectId, pageSize, token, includeEmbeddings);
    }

    public FaceQuery withEmbeddings(boolean include) {
        return new FaceQuery(collection, subjectId, pageSize, pageToken, include);
    }
}
