package io.facesearch.server.api;

import com.google.protobuf.Timestamp;
import io.facesearch.api.v1.ApiKey;
import io.facesearch.api.v1.CreateKeyRequest;
import io.facesearch.api.v1.CreateKeyResponse;
import io.facesearch.api.v1.KeyServiceGrpc;
import io.facesearch.api.v1.ListKeysRequest;
import io.facesearch.api.v1.ListKeysResponse;
import io.facesearch.api.v1.RevokeKeyRequest;
import io.facesearch.server.security.ApiKeys;
import io.facesearch.server.security.NewKey;
import io.facesearch.server.security.Scope;
import io.facesearch.server.service.FaceSearchException;
import io.grpc.stub.StreamObserver;
import java.time.Instant;

/** The KeyService RPCs; {@link Authorization} lets only {@code admin:*} keys in. */
public final class KeyHandler extends KeyServiceGrpc.KeyServiceImplBase {
    private final ApiKeys keys;

    /** @param keys the server's keys; null when authentication is off, and then every call says so */
    public KeyHandler(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public void createKey(CreateKeyRequest request, StreamObserver<CreateKeyResponse> response) {
        ErrorMapper.respond(response, () -> {
            NewKey created = keys().create(request.getName(), request.getScopesList(),
                    request.hasExpireTime() ? instant(request.getExpireTime()) : null);
            return CreateKeyResponse.newBuilder().setKey(apiKey(created.key())).setSecret(created.secret()).build();
        });
    }

    @Override
    public void listKeys(ListKeysRequest request, StreamObserver<ListKeysResponse> response) {
        ErrorMapper.respond(response, () -> ListKeysResponse.newBuilder()
                .addAllKeys(keys().list().stream().map(KeyHandler::apiKey).toList()).build());
    }

    @Override
    public void revokeKey(RevokeKeyRequest request, StreamObserver<ApiKey> response) {
        ErrorMapper.respond(response, () -> apiKey(keys().revoke(request.getId())));
    }

    private ApiKeys keys() {
        if (keys == null) {
            throw new FaceSearchException(FaceSearchException.Kind.FAILED_PRECONDITION,
                    "this server runs without authentication (auth.enabled=false): it has no keys to manage");
        }
        return keys;
    }

    static ApiKey apiKey(io.facesearch.server.security.ApiKey key) {
        ApiKey.Builder b = ApiKey.newBuilder().setId(key.id()).setName(key.name())
                .addAllScopes(key.scopes().stream().map(Scope::toString).toList()).setCreateTime(timestamp(key.createTime()));
        key.expiry().ifPresent(t -> b.setExpireTime(timestamp(t)));
        key.revocation().ifPresent(t -> b.setRevokeTime(timestamp(t)));
        return b.build();
    }

    private static Timestamp timestamp(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }

    private static Instant instant(Timestamp t) {
        try {
            return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw FaceSearchException.invalid("expire_time is out of range");
        }
    }
}
