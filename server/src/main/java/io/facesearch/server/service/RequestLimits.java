package io.facesearch.server.service;

import io.facesearch.api.v1.ProtocolLimit;
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
    static final int MAX_MODEL_ID = ProtocolLimit.MAX_MODEL_ID_BYTES.getNumber();
    static final int MAX_PAGE_TOKEN = ProtocolLimit.MAX_PAGE_TOKEN_CHARS.getNumber();

    private RequestLimits() {
    }

    /** A collection name as created; checked before every use, so no longer one reaches a lookup or a message. */
    static String collectionName(String name) {
        if (name == null || name.isEmpty()) {
            throw FaceSearchException.invalid("collection name is required");
        }
        if (name.length() > MAX_COLLECTION_NAME) {
            throw FaceSearchException.invalid("collection name " + Echo.quote(name) + " is " + name.length()
                    + " characters long; at most " + MAX_COLLECTION_NAME + " are allowed");
        }
        if (!COLLECTION_NAME.matcher(name).matches()) {
            throw FaceSearchException.invalid("collection name " + Echo.quote(name) + " is invalid: use 1-" + MAX_COLLECTION_NAME + " characters of A-Z a-z 0-9 . _ -");
        }
        return name;
    }

    static String subjectId(String subject) {
        if (subject == null || subject.isEmpty()) {
            throw FaceSearchException.invalid("subject_id is required");
        }
        if (utf8(subject) > MAX_SUBJECT_ID) {
            throw FaceSearchException.invalid("subject_id " + Echo.quote(subject) + " is longer than " + MAX_SUBJECT_ID + " bytes");
        }
        return subject;
    }

    /** A subject id that may be empty (no subject: a listing of the whole collection). */
    static String optionalSubjectId(String subject) {
        return subject == null || subject.isEmpty() ? subject : subjectId(subject);
    }

    /** A model id, or empty when the caller does not say. */
    static String modelId(String modelId) {
        if (modelId != null && utf8(modelId) > MAX_MODEL_ID) {
            throw FaceSearchException.invalid("model_id " + Echo.quote(modelId) + " is longer than " + MAX_MODEL_ID + " bytes");
        }
        return modelId;
    }

    /** A page token's length, checked before it is decoded. */
    static String pageToken(String token) {
        if (token != null && token.length() > MAX_PAGE_TOKEN) {
            throw FaceSearchException.invalid("page_token is " + token.length() + " characters long; tokens the server issues have at most "
                    + MAX_PAGE_TOKEN + ": pass next_page_token of the previous page unchanged");
        }
        return token;
    }

    static String requestId(String requestId) {
        if (utf8(requestId) > MAX_REQUEST_ID) {
            throw FaceSearchException.invalid("request_id " + Echo.quote(requestId) + " is longer than " + MAX_REQUEST_ID + " bytes");
        }
        return requestId;
    }

    static Map<String, String> metadata(Map<String, String> metadata) {
        if (metadata.size() > MAX_METADATA_ENTRIES) {
            throw FaceSearchException.invalid("metadata has " + metadata.size() + " entries; at most " + MAX_METADATA_ENTRIES + " are kept");
        }
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            if (e.getKey().isEmpty() || utf8(e.getKey()) > MAX_METADATA_KEY) {
                throw FaceSearchException.invalid("metadata key " + Echo.quote(e.getKey()) + " must be 1-" + MAX_METADATA_KEY + " bytes");
            }
            if (utf8(e.getValue()) > MAX_METADATA_VALUE) {
                throw FaceSearchException.invalid("metadata value of " + Echo.quote(e.getKey()) + " is longer than " + MAX_METADATA_VALUE + " bytes");
            }
        }
        return metadata;
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

    /** UTF-8 length without encoding: a megabyte of text is measured, never copied. */
    private static long utf8(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
