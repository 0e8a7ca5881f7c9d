package io.facesearch.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facesearch.api.v1.CreateKeyRequest;
import io.facesearch.api.v1.CreateKeyResponse;
import io.facesearch.api.v1.DeleteFacesRequest;
import io.facesearch.api.v1.EnrollAck;
import io.facesearch.api.v1.EnrollResponse;
import io.facesearch.api.v1.EnrollmentServiceGrpc;
import io.facesearch.api.v1.KeyServiceGrpc;
import io.facesearch.api.v1.ListKeysRequest;
import io.facesearch.api.v1.SearchByEmbeddingRequest;
import io.facesearch.api.v1.SearchServiceGrpc;
import io.facesearch.server.testing.AdminKey;
import io.facesearch.store.testing.SyntheticFaces;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The audit log as an auditor reads it, after real calls over a socket. */
class AuditApiTest extends ServerTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("time", "keyId", "rpc", "peer", "collection", "subjects", "faceIds", "faces",
            "requestId", "managedKeyId", "truncated", "status");

    @Test
    void recordsWhoDidWhatToWhichFacesAndNothingElse() throws Exception {
        createCollection("c");
        String adminId = KeyServiceGrpc.newBlockingStub(channel).listKeys(ListKeysRequest.getDefaultInstance()).getKeys(0).getId();
        EnrollResponse enrolled = enrollment.enroll(enrollRequest("c", 1, 0));
        List<EnrollAck> acks = enrollAll("c", 2, 2);
        awaitTopMatch("c", FACES.sample(1, 1), SyntheticFaces.subject(1));
        faces.deleteFaces(DeleteFacesRequest.newBuilder().setCollection("c").addFaceIds(enrolled.getFaces(0).getFaceId()).build());
        CreateKeyResponse reader = KeyServiceGrpc.newBlockingStub(channel).createKey(CreateKeyRequest.newBuilder().setName("reader")
                .addScopes("search:other").build());
        ManagedChannel readerChannel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext()
                .intercept(AdminKey.bearer(reader.getSecret())).build();
        ManagedChannel anonymous = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
        SearchByEmbeddingRequest query = SearchByEmbeddingRequest.newBuilder().setCollection("c").setEmbedding(embedding(FACES.sample(1, 1))).build();
        try {
            assertStatus(Status.Code.PERMISSION_DENIED, () -> SearchServiceGrpc.newBlockingStub(readerChannel).searchByEmbedding(query));
            assertStatus(Status.Code.UNAUTHENTICATED, () -> EnrollmentServiceGrpc.newBlockingStub(anonymous).enroll(enrollRequest("c", 5, 5)));
        } finally {
            readerChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            anonymous.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }

        Path file = dataDir.resolve("audit").resolve("audit.jsonl");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        String text = Files.readString(file);
        List<JsonNode> records = new ArrayList<>();
        for (String line : text.split("\n")) {
            JsonNode r = JSON.readTree(line);
            Iterator<String> names = r.fieldNames();
            assertEquals(FIELDS, StreamSupport.stream(((Iterable<String>) () -> names).spliterator(), false).toList(), line);
            records.add(r);
        }
        for (float v : FACES.sample(1, 0)) {
            assertFalse(text.contains(Float.toString(v)), "an embedding value in the audit log: " + v);
        }
        assertFalse(text.contains(reader.getSecret()), "a secret in the audit log");
        assertFalse(text.contains(AdminKey.read(dataDir)), "a secret in the audit log");
        assertFalse(text.contains("\"sample\""), "metadata in the audit log");

        JsonNode enroll = only(records, "Enroll", "OK");
        assertEquals(adminId, enroll.get("keyId").asText());
        assertEquals("c", enroll.get("collection").asText());
        assertEquals(List.of(SyntheticFaces.subject(1)), strings(enroll.get("subjects")));
        assertEquals(List.of(enrolled.getFaces(0).getFaceId()), strings(enroll.get("faceIds")));
        assertEquals(1, enroll.get("faces").asInt());
        assertEquals("1/0", enroll.get("requestId").asText());
        assertTrue(enroll.get("peer").asText().startsWith("127.0.0.1:"), enroll.toString());

        List<JsonNode> streamed = records.stream().filter(r -> r.get("rpc").asText().equals("EnrollStream")).toList();
        assertEquals(acks.size(), streamed.size(), "one record per streamed item");
        for (EnrollAck ack : acks) {
            JsonNode item = streamed.stream().filter(r -> r.get("requestId").asText().equals(ack.getRequestId())).findFirst().orElseThrow();
            assertEquals(List.of(ack.getResponse().getFaces(0).getFaceId()), strings(item.get("faceIds")));
            assertEquals("OK", item.get("status").asText());
            assertEquals(1, item.get("subjects").size());
        }

        JsonNode deleted = only(records, "DeleteFaces", "OK");
        assertEquals(List.of(enrolled.getFaces(0).getFaceId()), strings(deleted.get("faceIds")));
        assertEquals(1, deleted.get("faces").asInt());

        JsonNode created = only(records, "CreateKey", "OK");
        assertEquals(reader.getKey().getId(), created.get("managedKeyId").asText());

        JsonNode denied = only(records, "SearchByEmbedding", "PERMISSION_DENIED");
        assertEquals(reader.getKey().getId(), denied.get("keyId").asText());
        assertEquals("c", denied.get("collection").asText());
        JsonNode refused = only(records, "Enroll", "UNAUTHENTICATED");
        assertEquals("", refused.get("keyId").asText());

        assertTrue(records.stream().anyMatch(r -> r.get("rpc").asText().equals("SearchByEmbedding") && r.get("status").asText().equals("OK")
                && r.get("faces").asInt() == 1 && strings(r.get("subjects")).contains(SyntheticFaces.subject(1))), "searches are audited");
    }

    private static JsonNode only(List<JsonNode> records, String rpc, String status) {
        List<JsonNode> found = records.stream().filter(r -> r.get("rpc").asText().equals(rpc) && r.get("status").asText().equals(status)).toList();
        assertEquals(1, found.size(), rpc + " " + status + ": " + found);
        return found.get(0);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
