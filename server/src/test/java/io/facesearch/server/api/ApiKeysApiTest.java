package io.facesearch.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.facesearch.api.v1.ApiKey;
import io.facesearch.api.v1.CollectionServiceGrpc;
import io.facesearch.api.v1.CreateCollectionRequest;
import io.facesearch.api.v1.CreateKeyRequest;
import io.facesearch.api.v1.CreateKeyResponse;
import io.facesearch.api.v1.DeleteCollectionRequest;
import io.facesearch.api.v1.DeleteFacesRequest;
import io.facesearch.api.v1.DeleteSubjectRequest;
import io.facesearch.api.v1.DescribeCollectionRequest;
import io.facesearch.api.v1.EnrollAck;
import io.facesearch.api.v1.EnrollResponse;
import io.facesearch.api.v1.EnrollmentServiceGrpc;
import io.facesearch.api.v1.FaceServiceGrpc;
import io.facesearch.api.v1.KeyServiceGrpc;
import io.facesearch.api.v1.ListCollectionsRequest;
import io.facesearch.api.v1.ListKeysRequest;
import io.facesearch.api.v1.RevokeKeyRequest;
import io.facesearch.api.v1.SearchByEmbeddingRequest;
import io.facesearch.api.v1.SearchServiceGrpc;
import io.facesearch.api.v1.VerificationServiceGrpc;
import io.facesearch.api.v1.VerifyRequest;
import io.facesearch.api.v1.FaceReference;
import io.facesearch.server.config.ServerConfig;
import io.facesearch.server.testing.AdminKey;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * API keys against a real server over a socket: who gets in, with which scope, and what survives a
 * restart. The base class's stubs carry the bootstrap admin key; the calls here use other keys, or none.
 */
class ApiKeysApiTest extends ServerTestBase {
    private final List<ManagedChannel> opened = new ArrayList<>();

    @AfterEach
    void closeChannels() throws InterruptedException {
        for (ManagedChannel c : opened) {
            c.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** A channel to the server sending the given interceptors' headers (none: no key at all). */
    ManagedChannel channel(ClientInterceptor... interceptors) {
        ManagedChannel c = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().intercept(interceptors).build();
        opened.add(c);
        return c;
    }

    ManagedChannel withKey(String secret) {
        return channel(AdminKey.bearer(secret));
    }

    CreateKeyResponse createKey(String name, String... scopes) {
        return KeyServiceGrpc.newBlockingStub(channel).createKey(CreateKeyRequest.newBuilder().setName(name).addAllScopes(List.of(scopes)).build());
    }

    static SearchByEmbeddingRequest query(String collection) {
        return SearchByEmbeddingRequest.newBuilder().setCollection(collection).setEmbedding(embedding(FACES.sample(1, 1))).build();
    }

    @Test
    void aCallWithoutAValidKeyIsUnauthenticated() {
        createCollection("a");
        ManagedChannel none = channel();
        assertStatus(Status.Code.UNAUTHENTICATED, () -> CollectionServiceGrpc.newBlockingStub(none)
                .listCollections(ListCollectionsRequest.getDefaultInstance()));
        assertStatus(Status.Code.UNAUTHENTICATED, () -> EnrollmentServiceGrpc.newBlockingStub(none).enroll(enrollRequest("a", 1, 1)));
        assertStatus(Status.Code.UNAUTHENTICATED, () -> SearchServiceGrpc.newBlockingStub(none).searchByEmbedding(query("a")));
        for (String header : List.of("Bearer garbage", "Bearer fsk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "Basic dXNlcjpwYXNz", "garbage")) {
            ManagedChannel wrong = channel(AdminKey.bearer("x"), headerInterceptor(header));
            assertStatus(Status.Code.UNAUTHENTICATED, () -> CollectionServiceGrpc.newBlockingStub(wrong)
                    .describeCollection(DescribeCollectionRequest.newBuilder().setName("a").build()));
        }
        assertStatus(Status.Code.UNAUTHENTICATED, () -> KeyServiceGrpc.newBlockingStub(none).listKeys(ListKeysRequest.getDefaultInstance()));
        assertEquals(1, collections.listCollections(ListCollectionsRequest.getDefaultInstance()).getCollectionsCount(), "nothing changed");
    }

    /** Replaces the authorization header the channel sends with a raw value. */
    private static ClientInterceptor headerInterceptor(String value) {
        io.grpc.Metadata headers = new io.grpc.Metadata();
        headers.put(io.grpc.Metadata.Key.of("authorization", io.grpc.Metadata.ASCII_STRING_MARSHALLER), value);
        return new ClientInterceptor() {
            @Override
            public <Q, R> io.grpc.ClientCall<Q, R> interceptCall(io.grpc.MethodDescriptor<Q, R> method, io.grpc.CallOptions options,
                    io.grpc.Channel next) {
                return new io.grpc.ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                    @Override
                    public void start(Listener<R> listener, io.grpc.Metadata sent) {
                        sent.removeAll(io.grpc.Metadata.Key.of("authorization", io.grpc.Metadata.ASCII_STRING_MARSHALLER));
                        sent.merge(headers);
                        super.start(listener, sent);
                    }
                };
            }
        };
    }

    @Test
    void aSearchKeySearchesItsCollectionOnly() throws InterruptedException {
        createCollection("a");
        createCollection("b");
        enrollAll("a", 3, 2);
        awaitTopMatch("a", FACES.sample(1, 1), io.facesearch.store.testing.SyntheticFaces.subject(1));
        CreateKeyResponse created = createKey("reader", "search:a");
        assertEquals(List.of("search:a"), created.getKey().getScopesList());
        assertTrue(created.getSecret().startsWith("fsk_") && created.getSecret().length() == 47, created.getSecret());
        ManagedChannel reader = withKey(created.getSecret());

        assertFalse(SearchServiceGrpc.newBlockingStub(reader).searchByEmbedding(query("a")).getUnknown(), "searches a");
        assertEquals(6, FaceServiceGrpc.newBlockingStub(reader).listFaces(io.facesearch.api.v1.ListFacesRequest.newBuilder()
                .setCollection("a").build()).getFacesCount(), "reads a's faces");
        assertStatus(Status.Code.PERMISSION_DENIED, () -> SearchServiceGrpc.newBlockingStub(reader).searchByEmbedding(query("b")));
        assertStatus(Status.Code.PERMISSION_DENIED, () -> CollectionServiceGrpc.newBlockingStub(reader)
                .describeCollection(DescribeCollectionRequest.newBuilder().setName("b").build()));
        assertStatus(Status.Code.PERMISSION_DENIED, () -> EnrollmentServiceGrpc.newBlockingStub(reader).enroll(enrollRequest("a", 9, 0)));
        assertStatus(Status.Code.PERMISSION_DENIED, () -> FaceServiceGrpc.newBlockingStub(reader)
                .deleteSubject(DeleteSubjectRequest.newBuilder().setCollection("a").setSubjectId("person-1").build()));
        assertStatus(Status.Code.PERMISSION_DENIED, () -> CollectionServiceGrpc.newBlockingStub(reader)
                .deleteCollection(DeleteCollectionRequest.newBuilder().setName("a").build()));
        assertStatus(Status.Code.PERMISSION_DENIED, () -> KeyServiceGrpc.newBlockingStub(reader).listKeys(ListKeysRequest.getDefaultInstance()));
        assertEquals(List.of("a"), CollectionServiceGrpc.newBlockingStub(reader).listCollections(ListCollectionsRequest.getDefaultInstance())
                .getCollectionsList().stream().map(io.facesearch.api.v1.Collection::getName).toList(), "lists what it can search");
        // Verify of two embeddings reads no collection: a search scope anywhere is enough.
        assertTrue(VerificationServiceGrpc.newBlockingStub(reader).verify(VerifyRequest.newBuilder()
                .setFirst(FaceReference.newBuilder().setEmbedding(embedding(FACES.sample(1, 0))))
                .setSecond(FaceReference.newBuilder().setEmbedding(embedding(FACES.sample(1, 1)))).build()).getMatch());
        assertEquals(6, collections.describeCollection(DescribeCollectionRequest.newBuilder().setName("a").build()).getFaceCount(),
                "nothing enrolled or deleted");
    }

    @Test
    void anEnrollKeyEnrolsAndDeletesButDoesNotAdminister() throws InterruptedException {
        createCollection("a");
        createCollection("b");
        ManagedChannel enroller = withKey(createKey("loader", "enroll:a").getSecret());
        EnrollResponse enrolled = EnrollmentServiceGrpc.newBlockingStub(enroller).enroll(enrollRequest("a", 1, 0));
        assertEquals(1, enrolled.getFacesCount());
        EnrollmentServiceGrpc.newBlockingStub(enroller).enroll(enrollRequest("a", 2, 0));
        assertEquals(1, FaceServiceGrpc.newBlockingStub(enroller).deleteFaces(DeleteFacesRequest.newBuilder().setCollection("a")
                .addFaceIds(enrolled.getFaces(0).getFaceId()).build()).getDeleted());
        assertEquals(1, FaceServiceGrpc.newBlockingStub(enroller).deleteSubject(DeleteSubjectRequest.newBuilder().setCollection("a")
                .setSubjectId(io.facesearch.store.testing.SyntheticFaces.subject(2)).build()).getDeletedFaces());
        SearchServiceGrpc.newBlockingStub(enroller).searchByEmbedding(query("a"));

        assertStatus(Status.Code.PERMISSION_DENIED, () -> EnrollmentServiceGrpc.newBlockingStub(enroller).enroll(enrollRequest("b", 1, 0)));
        assertStatus(Status.Code.PERMISSION_DENIED, () -> CollectionServiceGrpc.newBlockingStub(enroller)
                .createCollection(CreateCollectionRequest.newBuilder().setName("a2").setModelId("synthetic@1").build()));
        assertStatus(Status.Code.PERMISSION_DENIED, () -> CollectionServiceGrpc.newBlockingStub(enroller)
                .deleteCollection(DeleteCollectionRequest.newBuilder().setName("a").build()));
        assertStatus(Status.Code.PERMISSION_DENIED, () -> KeyServiceGrpc.newBlockingStub(enroller)
                .createKey(CreateKeyRequest.newBuilder().setName("escalate").addScopes("admin:*").build()));
    }

    @Test
    void streamedItemsAreCheckedOneByOne() throws InterruptedException {
        createCollection("a");
        createCollection("b");
        ManagedChannel enroller = withKey(createKey("loader", "enroll:a").getSecret());
        EnrollmentServiceGrpc.EnrollmentServiceStub stub = EnrollmentServiceGrpc.newStub(enroller);
        List<EnrollAck> acks = new ArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        StreamObserver<io.facesearch.api.v1.EnrollRequest> out = stub.enrollStream(new StreamObserver<>() {
            @Override
            public void onNext(EnrollAck ack) {
                synchronized (acks) {
                    acks.add(ack);
                }
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                done.complete(null);
            }
        });
        out.onNext(enrollRequest("a", 1, 0));
        out.onNext(enrollRequest("b", 2, 0));
        out.onNext(enrollRequest("a", 3, 0));
        out.onCompleted();
        done.orTimeout(30, TimeUnit.SECONDS).join();
        assertEquals(3, acks.size());
        for (EnrollAck ack : acks) {
            boolean intoB = ack.getRequestId().equals("2/0");
            assertEquals(intoB, ack.hasError(), ack.toString());
            if (intoB) {
                assertEquals(Status.Code.PERMISSION_DENIED.value(), ack.getError().getCode());
            }
        }
        assertEquals(0, collections.describeCollection(DescribeCollectionRequest.newBuilder().setName("b").build()).getFaceCount());
        assertEquals(2, collections.describeCollection(DescribeCollectionRequest.newBuilder().setName("a").build()).getFaceCount());
    }

    @Test
    void adminKeysManageKeysAndCollections() {
        ManagedChannel admin = withKey(createKey("ops", "admin:*").getSecret());
        CreateKeyResponse made = KeyServiceGrpc.newBlockingStub(admin).createKey(CreateKeyRequest.newBuilder().setName("made by ops")
                .addScopes("search:x").addScopes("enroll:*").build());
        CollectionServiceGrpc.newBlockingStub(admin).createCollection(CreateCollectionRequest.newBuilder().setName("x").setModelId("m@1").build());
        List<ApiKey> keys = KeyServiceGrpc.newBlockingStub(admin).listKeys(ListKeysRequest.getDefaultInstance()).getKeysList();
        assertEquals(List.of("bootstrap", "ops", "made by ops"), keys.stream().map(ApiKey::getName).toList());
        assertEquals(List.of("admin:*"), keys.get(0).getScopesList());
        assertEquals(made.getKey(), keys.get(2));
        assertFalse(keys.toString().contains(made.getSecret()), "no secret in a listing");

        // admin on one collection administers that collection, not keys nor others.
        ManagedChannel local = withKey(createKey("local", "admin:y").getSecret());
        CollectionServiceGrpc.newBlockingStub(local).createCollection(CreateCollectionRequest.newBuilder().setName("y").setModelId("m@1").build());
        EnrollmentServiceGrpc.newBlockingStub(local).enroll(enrollRequest("y", 1, 0));
        assertStatus(Status.Code.PERMISSION_DENIED, () -> CollectionServiceGrpc.newBlockingStub(local)
                .deleteCollection(DeleteCollectionRequest.newBuilder().setName("x").build()));
        assertStatus(Status.Code.PERMISSION_DENIED, () -> KeyServiceGrpc.newBlockingStub(local).listKeys(ListKeysRequest.getDefaultInstance()));

        assertStatus(Status.Code.INVALID_ARGUMENT, () -> createKey("bad", "read:x"));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> createKey("none"));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> KeyServiceGrpc.newBlockingStub(channel).createKey(CreateKeyRequest.newBuilder()
                .setName("past").addScopes("search:x").setExpireTime(Timestamp.newBuilder().setSeconds(1000)).build()));
        assertStatus(Status.Code.NOT_FOUND, () -> KeyServiceGrpc.newBlockingStub(channel)
                .revokeKey(RevokeKeyRequest.newBuilder().setId("k0000000000000000").build()));
    }

    @Test
    void revokedAndExpiredKeysAreRefused() throws InterruptedException {
        createCollection("a");
        CreateKeyResponse revoked = createKey("leaked", "search:a");
        ManagedChannel leaked = withKey(revoked.getSecret());
        SearchServiceGrpc.newBlockingStub(leaked).searchByEmbedding(query("a"));
        ApiKey after = KeyServiceGrpc.newBlockingStub(channel).revokeKey(RevokeKeyRequest.newBuilder().setId(revoked.getKey().getId()).build());
        assertTrue(after.hasRevokeTime());
        assertStatus(Status.Code.UNAUTHENTICATED, () -> SearchServiceGrpc.newBlockingStub(leaked).searchByEmbedding(query("a")));
        assertEquals(after, KeyServiceGrpc.newBlockingStub(channel).revokeKey(RevokeKeyRequest.newBuilder().setId(revoked.getKey().getId()).build()),
                "revoking twice changes nothing");

        Instant expiry = Instant.now().plusMillis(1500);
        CreateKeyResponse shortLived = KeyServiceGrpc.newBlockingStub(channel).createKey(CreateKeyRequest.newBuilder().setName("brief")
                .addScopes("search:a").setExpireTime(Timestamp.newBuilder().setSeconds(expiry.getEpochSecond()).setNanos(expiry.getNano())).build());
        ManagedChannel brief = withKey(shortLived.getSecret());
        SearchServiceGrpc.newBlockingStub(brief).searchByEmbedding(query("a"));
        Thread.sleep(Math.max(0, expiry.toEpochMilli() - System.currentTimeMillis()) + 100);
        assertStatus(Status.Code.UNAUTHENTICATED, () -> SearchServiceGrpc.newBlockingStub(brief).searchByEmbedding(query("a")));
    }

    @Test
    void healthAndReflectionNeedNoKey() throws InterruptedException {
        ManagedChannel none = channel();
        assertEquals(HealthCheckResponse.ServingStatus.SERVING,
                HealthGrpc.newBlockingStub(none).check(HealthCheckRequest.getDefaultInstance()).getStatus());
        CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> ask = ServerReflectionGrpc.newStub(none).serverReflectionInfo(new StreamObserver<>() {
            @Override
            public void onNext(ServerReflectionResponse r) {
                answer.complete(r);
            }

            @Override
            public void onError(Throwable t) {
                answer.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
            }
        });
        ask.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
        ServerReflectionResponse services = answer.orTimeout(10, TimeUnit.SECONDS).join();
        ask.onCompleted();
        assertTrue(services.getListServicesResponse().getServiceList().stream().anyMatch(s -> s.getName().equals("facesearch.v1.KeyService")),
                services.toString());
    }

    @Test
    void theBootstrapKeyIsWrittenOnceOwnerOnlyAndKeysSurviveARestart() throws IOException, InterruptedException {
        Path file = dataDir.resolve("admin.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("keys.jsonl"))));
        String secret = AdminKey.read(dataDir);
        assertTrue(secret.startsWith("fsk_"), secret);
        String stored = Files.readString(dataDir.resolve("keys.jsonl"));
        assertFalse(stored.contains(secret), "the store holds hashes only");

        CreateKeyResponse reader = createKey("reader", "search:*");
        assertFalse(Files.readString(dataDir.resolve("keys.jsonl")).contains(reader.getSecret()));
        var written = Files.getLastModifiedTime(file);
        restartServer();
        assertEquals(secret, AdminKey.read(dataDir), "not written again");
        assertEquals(written, Files.getLastModifiedTime(file));
        assertEquals(0, CollectionServiceGrpc.newBlockingStub(withKey(reader.getSecret()))
                .listCollections(ListCollectionsRequest.getDefaultInstance()).getCollectionsCount(), "the reader's key survived");
        assertEquals(2, KeyServiceGrpc.newBlockingStub(channel).listKeys(ListKeysRequest.getDefaultInstance()).getKeysCount());
    }

    @Test
    void aGivenAdminKeyReplacesTheFile() throws IOException, InterruptedException {
        stopServer();
        Path other = dataDir.resolve("given");
        String given = "operator-chosen-secret-0123456789";
        ServerConfig config = ServerConfig.load(null, Map.of("FACESEARCH_ADMIN_KEY", given),
                Map.of("data", other.toString(), "host", "127.0.0.1", "port", "0", "metrics.port", "-1"));
        assertFalse(config.toString().contains(given), "a configuration prints no secret");
        server = new io.facesearch.server.FaceSearchServer(config, pipeline()).start();
        channel = withKey(given);
        try {
            assertFalse(Files.exists(other.resolve("admin.key")), "no file when the key is given");
            KeyServiceGrpc.newBlockingStub(channel).createKey(CreateKeyRequest.newBuilder().setName("n").addScopes("search:*").build());
            assertEquals("bootstrap", KeyServiceGrpc.newBlockingStub(channel).listKeys(ListKeysRequest.getDefaultInstance()).getKeys(0).getName());
        } finally {
            opened.remove(channel);
        }
    }

    @Test
    void withAuthenticationOffEveryCallIsAllowed() throws IOException, InterruptedException {
        stopServer();
        Path other = dataDir.resolve("open");
        server = new io.facesearch.server.FaceSearchServer(ServerConfig.load(null, Map.of(), Map.of("data", other.toString(), "host",
                "127.0.0.1", "port", "0", "metrics.port", "-1", "auth.enabled", "false")), pipeline()).start();
        channel = channel();
        opened.remove(channel);
        CollectionServiceGrpc.newBlockingStub(channel).createCollection(CreateCollectionRequest.newBuilder().setName("open").setModelId("m@1").build());
        assertFalse(Files.exists(other.resolve("admin.key")));
        assertStatus(Status.Code.FAILED_PRECONDITION, () -> KeyServiceGrpc.newBlockingStub(channel).listKeys(ListKeysRequest.getDefaultInstance()));
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.load(null, Map.of(), Map.of("auth.enabled", "maybe")));
    }
}
