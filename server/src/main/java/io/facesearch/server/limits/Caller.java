package io.facesearch.server.limits;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Who a call comes from, for its share of the limits: the bearer token it sends ({@code authorization:
 * Bearer ...}), kept only as a hash prefix so no secret sits in memory as a map key, or else the
 * peer's IP address (not its port: one machine is one caller however many connections it opens).
 * Once calls carry API keys this is where the key's id takes the token's place.
 */
public final class Caller {
    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final String BEARER = "bearer ";
    /** 64 bits of SHA-256: enough to tell callers apart, too little to stand for the token. */
    private static final int HASH_BYTES = 8;

    private Caller() {
    }

    /** {@code token:<hash>} for a call with a bearer token, else {@code peer:<ip>}, or {@code peer:local} in process. */
    public static String of(ServerCall<?, ?> call, Metadata headers) {
        String authorization = headers.get(AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && authorization.length() > BEARER.length()) {
            return "token:" + hash(authorization.substring(BEARER.length()).trim());
        }
        SocketAddress peer = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
        if (peer instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return "peer:" + inet.getAddress().getHostAddress();
        }
        return "peer:local";
    }

    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, HASH_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
