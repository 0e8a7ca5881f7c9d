package io.facesearch.client;

/**
 * A key just created and its secret, to send as {@code authorization: Bearer <secret>}
 * ({@link FaceSearchClientBuilder#token}). The server never tells the secret again: keep it now.
 */
public record NewApiKey(ApiKey key, String secret) {

    /** Leaves the secret out: records end up in logs. */
    @Override
    public String toString() {
        return "NewApiKey[key=" + key + ", secret=(hidden)]";
    }
}
