package io.facesearch.server;

import io.facesearch.pipeline.FacePipeline;
import io.facesearch.pipeline.FacePipelineProvider;
import io.facesearch.pipeline.StageObserver;
import io.facesearch.server.api.CollectionHandler;
import io.facesearch.server.api.DetectionHandler;
import io.facesearch.server.api.EnrollmentHandler;
import io.facesearch.server.api.FaceHandler;
import io.facesearch.server.api.SearchHandler;
import io.facesearch.server.api.VerificationHandler;
import io.facesearch.server.config.ServerConfig;
import io.facesearch.server.metrics.CollectionMetrics;
import io.facesearch.server.metrics.MetricsEndpoint;
import io.facesearch.server.metrics.PipelineStageMetrics;
import io.facesearch.server.metrics.RpcMetricsInterceptor;
import io.facesearch.server.service.CollectionRegistry;
import io.facesearch.server.service.CollectionService;
import io.facesearch.server.service.DetectionService;
import io.facesearch.server.service.EnrollmentService;
import io.facesearch.server.service.FaceCatalogService;
import io.facesearch.server.service.PipelineGate;
import io.facesearch.server.service.SearchService;
import io.facesearch.server.service.VerificationService;
import io.facesearch.server.store.CollectionStore;
import io.facesearch.server.store.RocksDatabase;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The FaceSearch server: owns the database, the collections' indexes, the face pipeline, the gRPC
 * server (with health and reflection services) and the metrics endpoint, and their lifecycle:
 * {@link #start}, {@link #stop} and {@link #blockUntilShutdown}, with a JVM shutdown hook that
 * stops cleanly on SIGTERM.
 */
public final class FaceSearchServer {
    private static final Logger LOG = Logger.getLogger(FaceSearchServer.class.getName());

    private final ServerConfig config;
    private final Function<StageObserver, FacePipeline> pipelineFactory;
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private RocksDatabase database;
    private CollectionRegistry registry;
    private PipelineGate pipeline;
    private ExecutorService streamExecutor;
    private Server grpc;
    private HealthStatusManager health;
    private MetricsEndpoint metricsEndpoint;
    private boolean stopped;

    /**
     * @param pipelineFactory opens the face pipeline, given the observer of the server's stage
     *     metrics; may return null to serve embeddings only
     */
    public FaceSearchServer(ServerConfig config, Function<StageObserver, FacePipeline> pipelineFactory) {
        this.config = config;
        this.pipelineFactory = pipelineFactory;
    }

    /**
     * @param pipelineFactory opens the face pipeline, which reports no stage timings; may return null
     *     to serve embeddings only
     */
    public FaceSearchServer(ServerConfig config, Supplier<FacePipeline> pipelineFactory) {
        this(config, observer -> pipelineFactory.get());
    }

    /** Opens everything and starts listening; the port is bound when this returns. */
    public synchronized FaceSearchServer start() throws IOException {
        database = RocksDatabase.open(config.dataDir().resolve("db"));
        CollectionStore collections = new CollectionStore(database, Clock.systemUTC());
        registry = new CollectionRegistry(collections, config.dataDir().resolve("index"), config.hnsw(),
                config.refreshInterval(), config.commitInterval(), config.maxIndexLag(), new CollectionMetrics(meters));
        FacePipeline facePipeline = pipelineFactory.apply(new PipelineStageMetrics(meters));
        pipeline = new PipelineGate(facePipeline, config.pipelineConcurrency(), config.pipelineWaitMillis());
        Gauge.builder("facesearch.store.size", collections, CollectionStore::diskBytes).baseUnit("bytes")
                .description("live RocksDB SST bytes").register(meters);
        streamExecutor = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "enroll-stream");
            t.setDaemon(true);
            return t;
        });
        health = new HealthStatusManager();
        RpcMetricsInterceptor rpcMetrics = new RpcMetricsInterceptor(meters);
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(config.host(), config.port()))
                .maxInboundMessageSize(config.maxMessageBytes())
                .addService(ServerInterceptors.intercept(new CollectionHandler(new CollectionService(registry, pipeline)), rpcMetrics))
                .addService(ServerInterceptors.intercept(new EnrollmentHandler(new EnrollmentService(registry, pipeline),
                        streamExecutor, config.streamWindow()), rpcMetrics))
                .addService(ServerInterceptors.intercept(new SearchHandler(new SearchService(registry, pipeline)), rpcMetrics))
                .addService(ServerInterceptors.intercept(new VerificationHandler(new VerificationService(registry, pipeline)), rpcMetrics))
                .addService(ServerInterceptors.intercept(new DetectionHandler(new DetectionService(pipeline)), rpcMetrics))
                .addService(ServerInterceptors.intercept(new FaceHandler(new FaceCatalogService(registry)), rpcMetrics))
                .addService(health.getHealthService())
                .addService(ProtoReflectionServiceV1.newInstance());
        grpc = builder.build().start();
        if (config.metricsPort() >= 0) {
            metricsEndpoint = new MetricsEndpoint(meters, config.host(), config.metricsPort());
        }
        health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, HealthCheckResponse.ServingStatus.SERVING);
        LOG.info(() -> "listening port=" + port() + " metrics_port=" + metricsPort() + " data=" + config.dataDir()
                + " pipeline=" + (pipeline.available() ? pipeline.modelId() : "none"));
        return this;
    }

    /** The bound gRPC port. */
    public int port() {
        return grpc.getPort();
    }

    /** The bound metrics port, or -1 when metrics are disabled. */
    public int metricsPort() {
        return metricsEndpoint == null ? -1 : metricsEndpoint.port();
    }

    public PrometheusMeterRegistry meters() {
        return meters;
    }

    /** Stops on JVM shutdown (SIGTERM, SIGINT); a SIGKILL is covered by the synced WAL instead. */
    public FaceSearchServer addShutdownHook() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "facesearch-shutdown"));
        return this;
    }

    /**
     * Stops taking calls, lets calls in progress finish (up to 10 s), commits every index and closes
     * the database. Idempotent.
     */
    public synchronized void stop() {
        if (stopped || grpc == null) {
            return;
        }
        stopped = true;
        health.enterTerminalState();
        grpc.shutdown();
        try {
            if (!grpc.awaitTermination(10, TimeUnit.SECONDS)) {
                grpc.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            grpc.shutdownNow();
            Thread.currentThread().interrupt();
        }
        streamExecutor.shutdown();
        if (metricsEndpoint != null) {
            metricsEndpoint.close();
        }
        registry.close();
        pipeline.close();
        database.close();
        meters.close();
        LOG.info("stopped");
    }

    public void blockUntilShutdown() throws InterruptedException {
        grpc.awaitTermination();
    }

    /** Opens the pipeline of the first {@link FacePipelineProvider} on the class path, or null. */
    public static FacePipeline discoverPipeline() {
        return discoverPipeline(StageObserver.NONE);
    }

    /**
     * Opens the pipeline of the first {@link FacePipelineProvider} on the class path, reporting its
     * stage timings to {@code observer}, or null when there is none.
     */
    public static FacePipeline discoverPipeline(StageObserver observer) {
        return ServiceLoader.load(FacePipelineProvider.class).findFirst()
                .map(provider -> provider.open(observer)).orElse(null);
    }

}
