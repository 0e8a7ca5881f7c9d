package io.facesearch.server.bench;

import io.facesearch.api.v1.CollectionServiceGrpc;
import io.facesearch.api.v1.CompactCollectionRequest;
import io.facesearch.api.v1.CompactCollectionResponse;
import io.facesearch.api.v1.CreateCollectionRequest;
import io.facesearch.api.v1.DescribeCollectionRequest;
import io.facesearch.api.v1.Embedding;
import io.facesearch.api.v1.EnrollAck;
import io.facesearch.api.v1.EnrollRequest;
import io.facesearch.api.v1.EnrollmentServiceGrpc;
import io.facesearch.api.v1.FaceMatches;
import io.facesearch.api.v1.FaceServiceGrpc;
import io.facesearch.api.v1.IndexFormat;
import io.facesearch.api.v1.ListFacesRequest;
import io.facesearch.api.v1.ListFacesResponse;
import io.facesearch.api.v1.Metric;
import io.facesearch.api.v1.SearchByEmbeddingRequest;
import io.facesearch.api.v1.SearchOptions;
import io.facesearch.api.v1.SearchServiceGrpc;
import io.facesearch.server.FaceSearchServer;
import io.facesearch.server.config.ServerConfig;
import io.facesearch.server.testing.AdminKey;
import io.facesearch.store.Neighbor;
import io.facesearch.store.embedded.hnsw.BruteForceIndex;
import io.facesearch.store.embedded.hnsw.HnswIndex;
import io.facesearch.store.embedded.hnsw.HnswSettings;
import io.facesearch.store.testing.SyntheticFaces;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Measures the server end to end on clustered synthetic 128-D embeddings: ingest rate through
 * EnrollStream over gRPC, search latency (p50, p99) and throughput over gRPC and in-process on the
 * index alone, recall@10 against exact search, and disk and memory per face. Not a test: run it
 * with the {@code bench} profile (see docs/benchmarks.md). Options: {@code --faces N} (default
 * 100000), {@code --queries N} (1000), {@code --format HNSW_FLOAT32|HNSW_INT8}, {@code --streams N}
 * (2), {@code --search-threads N} (2), {@code --force-merge true|false} (false: merge the index into
 * one segment with CompactCollection once every face is indexed).
 */
public final class ServerBenchmark {
    /** Five samples per identity, as a gallery of a few photos per person would have. */
    private static final int SAMPLES_PER_IDENTITY = 5;
    private static final long SETTLE_MILLIS = 5000;
    /** Timed passes over the queries for the latency figures. */
    private static final int LATENCY_PASSES = 5;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("faces", "100000", "queries", "1000", "format", "HNSW_FLOAT32",
                "streams", "2", "search-threads", "2", "force-merge", "false"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int faces = Integer.parseInt(options.get("faces"));
        int queries = Integer.parseInt(options.get("queries"));
        IndexFormat format = IndexFormat.valueOf(options.get("format"));
        int streams = Integer.parseInt(options.get("streams"));
        int searchThreads = Integer.parseInt(options.get("search-threads"));
        new ServerBenchmark(Boolean.parseBoolean(options.get("force-merge"))).run(faces, queries, format, streams, searchThreads);
    }

    /** Merge the index into one segment after the bulk load (CompactCollection), as an operator would. */
    private final boolean forceMerge;

    private ServerBenchmark(boolean forceMerge) {
        this.forceMerge = forceMerge;
    }

    private static io.facesearch.api.v1.Collection describe(CollectionServiceGrpc.CollectionServiceBlockingStub collections) {
        return collections.describeCollection(DescribeCollectionRequest.newBuilder().setName("bench").build());
    }

    /** Lucene segments in the collection's index directory (one .si file each). */
    private static long segments(Path data) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(data.resolve("index"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".si")).count();
        }
    }

    /** The process's resident memory from /proc: anonymous (heap, native) and file-backed (mapped index) pages. */
    private static String residentMemory() {
        try {
            Map<String, String> status = new HashMap<>();
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    status.put(line.substring(0, colon), line.substring(colon + 1).trim());
                }
            }
            return "RSS " + status.get("VmRSS") + " (anonymous " + status.get("RssAnon") + ", file " + status.get("RssFile") + ")";
        } catch (java.io.IOException e) {
            return "RSS unknown";
        }
    }

    private final SyntheticFaces synthetic = new SyntheticFaces(1, 128);
    /** Generated before timing: drawing Gaussians costs more than enrolling, and would be measured as such. */
    private Embedding[] gallery;

    private float[] face(int i) {
        return synthetic.sample(i / SAMPLES_PER_IDENTITY, i % SAMPLES_PER_IDENTITY);
    }

    private void run(int faces, int queries, IndexFormat format, int streams, int searchThreads) throws Exception {
        Path data = Files.createTempDirectory("facesearch-bench");
        System.out.printf(Locale.ROOT, "faces=%d queries=%d format=%s streams=%d search_threads=%d cores=%d data=%s%n",
                faces, queries, format, streams, searchThreads, Runtime.getRuntime().availableProcessors(), data);
        long heapBefore = usedHeap();
        // The per-caller rate limit is off: the benchmark measures what the server can do, from one address.
        ServerConfig config = ServerConfig.load(null, Map.of(), Map.of("data", data.toString(), "host", "127.0.0.1", "port", "0",
                "metrics.port", "-1", "limits.rate.per.second", "0"));
        FaceSearchServer server = new FaceSearchServer(config, () -> null).start();
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext()
                .intercept(AdminKey.of(data)).build();
        CollectionServiceGrpc.newBlockingStub(channel).createCollection(CreateCollectionRequest.newBuilder().setName("bench")
                .setMetric(Metric.EUCLIDEAN).setIndexFormat(format).setModelId("synthetic@1").build());

        gallery = new Embedding[faces];
        for (int i = 0; i < faces; i++) {
            gallery[i] = embedding(face(i));
        }
        CollectionServiceGrpc.CollectionServiceBlockingStub collections = CollectionServiceGrpc.newBlockingStub(channel);
        long start = System.nanoTime();
        ingest(channel, faces, streams);
        double ingestSeconds = (System.nanoTime() - start) / 1e9;
        // The client's copy of the gallery is not the server's memory: drop it before measuring.
        gallery = null;
        long lagAtAck = describe(collections).getIndexLag();
        System.out.printf(Locale.ROOT, "ingest: %d faces in %.1f s = %.0f faces/s (EnrollStream, %d streams, acknowledged when WAL-synced; "
                + "index %d changes behind at the last acknowledgement)%n", faces, ingestSeconds, faces / ingestSeconds, streams, lagAtAck);
        while (describe(collections).getIndexLag() > 0) {
            Thread.sleep(50);
        }
        double indexedSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "indexed: every face in the HNSW index %.1f s after the first was sent = %.0f faces/s%n",
                indexedSeconds, faces / indexedSeconds);
        if (forceMerge) {
            CompactCollectionResponse merged = collections.compactCollection(CompactCollectionRequest.newBuilder().setName("bench")
                    .setMaxSegments(1).build());
            System.out.printf(Locale.ROOT, "force-merge to 1 segment (CompactCollection): %.1f s, index %.0f -> %.0f B/face%n",
                    merged.getTookMs() / 1e3, merged.getIndexSizeBytesBefore() / (double) faces, merged.getIndexSizeBytesAfter() / (double) faces);
        } else {
            // Let background merges of the freshly built segments finish: measure search, not merging.
            Thread.sleep(SETTLE_MILLIS);
        }
        System.out.printf(Locale.ROOT, "index segments: %d%n", segments(data));

        float[][] queryVectors = new float[queries][];
        Random random = new Random(7);
        for (int q = 0; q < queries; q++) {
            // Unseen photos of enrolled people.
            queryVectors[q] = synthetic.sample(random.nextInt(faces / SAMPLES_PER_IDENTITY), 1000 + q);
        }
        SearchServiceGrpc.SearchServiceBlockingStub search = SearchServiceGrpc.newBlockingStub(channel);
        List<List<String>> served = new ArrayList<>();
        for (int q = 0; q < queries; q++) {
            served.add(searchIds(search, queryVectors[q]));
        }
        // Several passes over the queries, so that the p99 rests on dozens of slow searches, not ten.
        long[] latencies = new long[queries * LATENCY_PASSES];
        Map<String, long[]> gcBefore = collections();
        for (int i = 0; i < latencies.length; i++) {
            long t = System.nanoTime();
            searchIds(search, queryVectors[i % queries]);
            latencies[i] = System.nanoTime() - t;
        }
        report("search over gRPC, 1 client thread, " + LATENCY_PASSES + " passes", latencies);
        printCollections("garbage collection during those searches", gcBefore);
        double qps = throughput(search, queryVectors, searchThreads);
        System.out.printf(Locale.ROOT, "throughput over gRPC: %.0f queries/s with %d client threads%n", qps, searchThreads);

        System.gc();
        long heapAfter = usedHeap();
        String memory = residentMemory();
        Map<String, Integer> rowOf = faceRows(channel, faces);
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.stop();
        long dbBytes = size(data.resolve("db"));
        long indexBytes = size(data.resolve("index"));
        System.out.printf(Locale.ROOT, "disk: database %.0f B/face, index %.0f B/face; server heap growth %.0f B/face; process %s%n",
                dbBytes / (double) faces, indexBytes / (double) faces, (heapAfter - heapBefore) / (double) faces, memory);

        List<Set<Integer>> truth = exactNeighbours(queryVectors, faces);
        System.out.printf(Locale.ROOT, "recall@10 vs exact: %.4f (%d queries)%n", recall(served, truth, rowOf), queries);
        indexOnly(data, format, queryVectors, truth, rowOf);
        deleteTree(data);
    }

    /** Collections and milliseconds spent so far, per collector of this JVM. */
    private static Map<String, long[]> collections() {
        Map<String, long[]> out = new java.util.TreeMap<>();
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            out.put(gc.getName(), new long[] {gc.getCollectionCount(), gc.getCollectionTime()});
        }
        return out;
    }

    /** What each collector did since {@code before}: tail latency is often a pause, not the index. */
    private static void printCollections(String what, Map<String, long[]> before) {
        StringBuilder line = new StringBuilder(what + ":");
        collections().forEach((name, now) -> {
            long[] then = before.getOrDefault(name, new long[2]);
            line.append(String.format(Locale.ROOT, " %s %d in %d ms;", name, now[0] - then[0], now[1] - then[1]));
        });
        System.out.println(line);
    }

    private static List<String> searchIds(SearchServiceGrpc.SearchServiceBlockingStub search, float[] query) {
        // Threshold far past every distance: recall is measured on the full top 10.
        FaceMatches m = search.searchByEmbedding(SearchByEmbeddingRequest.newBuilder().setCollection("bench")
                .setEmbedding(embedding(query)).setOptions(SearchOptions.newBuilder().setFaceMatches(true).setTopK(10).setThreshold(100)).build());
        return m.getMatchesList().stream().map(x -> x.getFaceId()).toList();
    }

    private void ingest(ManagedChannel channel, int faces, int streams) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(streams);
        AtomicInteger errors = new AtomicInteger();
        for (int s = 0; s < streams; s++) {
            int first = s;
            EnrollmentServiceGrpc.newStub(channel).enrollStream(new ClientResponseObserver<EnrollRequest, EnrollAck>() {
                int next = first;

                @Override
                public void beforeStart(ClientCallStreamObserver<EnrollRequest> requests) {
                    requests.setOnReadyHandler(() -> {
                        while (requests.isReady() && next < faces) {
                            requests.onNext(EnrollRequest.newBuilder().setCollection("bench")
                                    .setSubjectId(SyntheticFaces.subject(next / SAMPLES_PER_IDENTITY)).setRequestId(Integer.toString(next))
                                    .setEmbedding(gallery[next]).build());
                            next += streams;
                        }
                        if (next >= faces && next < faces + streams) {
                            next = faces + streams;
                            requests.onCompleted();
                        }
                    });
                }

                @Override
                public void onNext(EnrollAck ack) {
                    if (ack.hasError()) {
                        errors.incrementAndGet();
                    }
                }

                @Override
                public void onError(Throwable t) {
                    errors.incrementAndGet();
                    done.countDown();
                }

                @Override
                public void onCompleted() {
                    done.countDown();
                }
            });
        }
        done.await();
        if (errors.get() > 0) {
            throw new IllegalStateException(errors.get() + " enrolment errors");
        }
    }

    private static double throughput(SearchServiceGrpc.SearchServiceBlockingStub search, float[][] queries, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        int total = queries.length * 2;
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int q; (q = next.getAndIncrement()) < total; ) {
                    searchIds(search, queries[q % queries.length]);
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return total / ((System.nanoTime() - start) / 1e9);
    }

    /** Face id -> enrolment row, to compare served ids with exact results. */
    private static Map<String, Integer> faceRows(ManagedChannel channel, int faces) {
        Map<String, Integer> rows = new HashMap<>(faces * 2);
        FaceServiceGrpc.FaceServiceBlockingStub stub = FaceServiceGrpc.newBlockingStub(channel);
        String token = "";
        do {
            ListFacesResponse page = stub.listFaces(ListFacesRequest.newBuilder().setCollection("bench").setPageSize(1000).setPageToken(token).build());
            page.getFacesList().forEach(f -> rows.put(f.getFaceId(), Integer.parseInt(f.getRequestId())));
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return rows;
    }

    /** The rows of the 10 nearest gallery faces of each query, by exhaustive search. */
    private List<Set<Integer>> exactNeighbours(float[][] queries, int faces) {
        BruteForceIndex exact = new BruteForceIndex(io.facesearch.domain.Metric.EUCLIDEAN, 128);
        for (int i = 0; i < faces; i++) {
            exact.upsert(new UUID(0, i), face(i));
        }
        List<Set<Integer>> truth = new ArrayList<>();
        for (float[] q : queries) {
            Set<Integer> rows = new HashSet<>();
            exact.searchExact(q, 10).forEach(n -> rows.add((int) n.faceId().getLeastSignificantBits()));
            truth.add(rows);
        }
        return truth;
    }

    /** The fraction of the exact top 10 that the returned face ids hold. */
    private static double recall(List<List<String>> returned, List<Set<Integer>> truth, Map<String, Integer> rowOf) {
        int found = 0;
        int wanted = 0;
        for (int q = 0; q < truth.size(); q++) {
            for (String id : returned.get(q)) {
                found += truth.get(q).contains(rowOf.get(id)) ? 1 : 0;
            }
            wanted += truth.get(q).size();
        }
        return found / (double) wanted;
    }

    /** The candidate counts the in-process sweep tries: what raising {@code hnsw.candidates} buys and costs. */
    private static final int[] CANDIDATES = {100, 150, 200, 300};

    /**
     * Latency and recall of the index alone, in-process, as the server left it on disk, for each
     * number of search candidates ({@code hnsw.candidates}; the server's default is 150).
     */
    private static void indexOnly(Path data, IndexFormat format, float[][] queries, List<Set<Integer>> truth,
            Map<String, Integer> rowOf) throws Exception {
        Path dir;
        try (Stream<Path> dirs = Files.list(data.resolve("index"))) {
            dir = dirs.findFirst().orElseThrow();
        }
        io.facesearch.domain.IndexFormat stored = format == IndexFormat.HNSW_INT8
                ? io.facesearch.domain.IndexFormat.HNSW_INT8 : io.facesearch.domain.IndexFormat.HNSW_FLOAT32;
        HnswSettings d = HnswSettings.DEFAULT;
        for (int candidates : CANDIDATES) {
            HnswSettings settings = new HnswSettings(d.maxConn(), d.beamWidth(), candidates, d.quantizedOversample());
            try (HnswIndex index = new HnswIndex(dir, io.facesearch.domain.Metric.EUCLIDEAN, stored, 128, settings)) {
                for (float[] q : queries) {
                    index.search(q, 10);
                }
                long[] latencies = new long[queries.length];
                List<List<String>> returned = new ArrayList<>();
                for (int q = 0; q < queries.length; q++) {
                    long t = System.nanoTime();
                    List<Neighbor> n = index.search(queries[q], 10);
                    latencies[q] = System.nanoTime() - t;
                    if (n.size() != 10) {
                        throw new IllegalStateException("expected 10 neighbours");
                    }
                    returned.add(n.stream().map(x -> x.faceId().toString()).toList());
                }
                report(String.format(Locale.ROOT, "search in-process on the index, %d candidates", candidates), latencies);
                System.out.printf(Locale.ROOT, "  recall@10 vs exact with %d candidates: %.4f%n", candidates,
                        recall(returned, truth, rowOf));
            }
        }
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static Embedding embedding(float[] values) {
        Embedding.Builder b = Embedding.newBuilder();
        for (float v : values) {
            b.addValues(v);
        }
        return b.build();
    }

    private static long usedHeap() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long size(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
