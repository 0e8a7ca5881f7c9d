package io.facesearch.server.security;

/** A key just created, with its secret: the only moment the server holds the secret in clear. */
public record NewKey(ApiKey key, String secret) {

    @Override
    public String toString() {
        return "NewKey[key=" + key + ", secret=(hidden)]";
    }
}
