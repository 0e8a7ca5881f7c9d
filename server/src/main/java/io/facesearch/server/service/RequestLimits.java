package io.facesearch.server.service;

import io.facesearch.api.v1.ProtocolLimit;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The shapes of names and caller data the services accept, checked with messages that say the limit.
 * The numbers are the API's, stated once with their reasons in the .proto ({@link ProtocolLimit}); the
 * services read nothing else of the generated API.
 */
final class RequestLimits {
    static final int MAX_COLLECTION_NAME = ProtocolLimit.MAX_COLLECTION_NAME_CHARS.getNumber();
    private static final Pattern COLLECTION_NAME = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_COLLECTION_NAME + "}");
    static final int MAX_SUBJECT_ID = ProtocolLimit.MAX_SUBJECT_ID_BYTES.getNumber();
    static final int MAX_REQUEST_ID = ProtocolLimit.MAX_REQUEST_ID_BYTES.getNumber();
    static final int MAX_METADATA_ENTRIES = ProtocolLimit.MAX_METADATA_ENTRIES.getNumber();
    static final int MAX_METADATA_KEY = ProtocolLimit.MAX_METADATA_KEY_BYTES.getNumber();
    static final int MAX_METADATA_VALUE = ProtocolLimit.MAX_METADATA_VALUE_BYTES.getNumber();
    static final int MAX_FACES_PER_IMAGE = ProtocolLimit.MAX_FACES_PER_IMAGE.getNumber();
    static final int MAX_RESULTS = ProtocolLimit.MAX_RESULTS.getNumber();

    private RequestLimits() {
    }

    static String collectionName(String name) {
        if (name == null || !COLLECTION_NAME.matcher(name).matches()) {
            throw FaceSearchException.invalid("collection name '" + name + "' is invalid: use 1-" + MAX_COLLECTION_NAME + " characters of A-Z a-z 0-9 . _ -");
        }
        return name;
    }

    static String subjectId(String subject) {
        if (subject == null || subject.isEmpty()) {
            throw FaceSearchException.invalid("subject_id is required");
        }
        if (utf8(subject) > MAX_SUBJECT_ID) {
            throw FaceSearchException.invalid("subject_id is longer than " + MAX_SUBJECT_ID + " bytes");
        }
        return subject;
    }

    static String requestId(String requestId) {
        if (utf8(requestId) > MAX_REQUEST_ID) {
            throw FaceSearchException.invalid("request_id is longer than " + MAX_REQUEST_ID + " bytes");
        }
        return requestId;
    }

    static void metadata(Map<String, String> metadata) {
        if (metadata.size() > MAX_METADATA_ENTRIES) {
            throw FaceSearchException.invalid("metadata has " + metadata.size() + " entries; at most " + MAX_METADATA_ENTRIES + " are kept");
        }
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            if (e.getKey().isEmpty() || utf8(e.getKey()) > MAX_METADATA_KEY) {
                throw FaceSearchException.invalid("metadata key '" + e.getKey() + "' must be 1-" + MAX_METADATA_KEY + " bytes");
            }
            if (utf8(e.getValue()) > MAX_METADATA_VALUE) {
                throw FaceSearchException.invalid("metadata value of '" + e.getKey() + "' is longer than " + MAX_METADATA_VALUE + " bytes");
            }
        }
    }

    /** A vector of the collection's length with finite values. */
    static float[] embedding(float[] values, int dimension) {
        if (values == null || values.length != dimension) {
            throw FaceSearchException.invalid("the embedding has " + (values == null ? 0 : values.length)
                    + " values; this collection's embeddings have " + dimension);
        }
        double norm = 0;
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw FaceSearchException.invalid("the embedding holds NaN or infinite values");
            }
            norm += (double) v * v;
        }
        if (norm == 0) {
            throw FaceSearchException.invalid("the embedding is all zeros, which no face produces");
        }
        return values;
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
