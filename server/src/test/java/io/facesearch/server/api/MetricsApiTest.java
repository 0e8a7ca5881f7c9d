package io.facesearch.server.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.server.config.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsApiTest extends ServerTestBase {

    @Override
    ServerConfig config() {
        return ServerConfig.load(null, Map.of(), Map.of("data", dataDir.toString(), "host", "127.0.0.1", "port", "0", "metrics.port", "0"));
    }

    @Test
    void prometheusEndpointReportsRpcsAndCollections() throws IOException, InterruptedException {
        createCollection("c");
        enrollAll("c", 3, 2);
        searchEmbedding("c", FACES.sample(1, 1), 3, false);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.metricsPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        assertTrue(response.statusCode() == 200);
        assertTrue(body.contains("facesearch_rpc_seconds_count{code=\"OK\",method=\"facesearch.v1.SearchService/SearchByEmbedding\"} 1"), body);
        assertTrue(body.contains("facesearch_collection_faces{collection=\"c\"} 6"), body);
        assertTrue(body.contains("facesearch_collection_subjects{collection=\"c\"} 3"), body);
        assertTrue(body.contains("facesearch_index_size_bytes{collection=\"c\"}"), body);
        assertTrue(body.contains("facesearch_index_lag_changes{collection=\"c\"}"), body);
        assertTrue(body.contains("facesearch_store_size_bytes"), body);
        // Micrometer's JVM and process binders, beside the product's meters.
        assertTrue(body.contains("jvm_memory_used_bytes{area=\"heap\""), body);
        assertTrue(body.contains("jvm_gc_"), body);
        assertTrue(body.contains("jvm_threads_live_threads"), body);
        assertTrue(body.contains("jvm_classes_loaded_classes"), body);
        assertTrue(body.contains("process_cpu_usage"), body);
        assertTrue(body.contains("system_cpu_count"), body);
        assertTrue(body.contains("process_uptime_seconds"), body);
    }
}
