package io.facesearch.server;

import io.facesearch.pipeline.FacePipeline;
import io.facesearch.pipeline.FacePipelineProvider;
import io.facesearch.pipeline.FacePipelines;
import io.facesearch.pipeline.StageObserver;
import io.facesearch.server.api.CollectionHandler;
import io.facesearch.server.api.DetectionHandler;
import io.facesearch.server.api.EnrollmentHandler;
import io.facesearch.server.api.FaceHandler;
import io.facesearch.server.api.MessageSizeLimit;
import io.facesearch.server.api.SearchHandler;
import io.facesearch.server.api.VerificationHandler;
import io.facesearch.server.config.ServerConfig;
import io.facesearch.server.limits.ConnectionLimits;
import io.facesearch.server.limits.RateLimit;
import io.facesearch.server.limits.TransportLog;
import io.facesearch.server.metrics.CollectionMetrics;
import io.facesearch.server.metrics.JvmMetrics;
import io.facesearch.server.metrics.MetricsEndpoint;
import io.facesearch.server.metrics.PipelineStageMetrics;
import io.facesearch.server.metrics.RpcMetricsInterceptor;
import io.facesearch.server.service.CollectionListener;
import io.facesearch.server.service.CollectionRegistry;
import io.facesearch.server.service.CollectionService;
import io.facesearch.server.service.DetectionService;
import io.facesearch.server.service.EnrollmentService;
import io.facesearch.server.service.FaceCatalogService;
import io.facesearch.server.service.OpenSetCalibrations;
import io.facesearch.server.service.PipelineGate;
import io.facesearch.server.service.QualityGates;
import io.facesearch.server.service.SearchService;
import io.facesearch.server.service.VerificationService;
import io.facesearch.store.StorageBackend;
import io.facesearch.store.StorageBackendProvider;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FaceSearch server: owns the storage backend, the face pipeline, the gRPC server (with health
 * and reflection services) and the metrics endpoint, and their lifecycle: {@link #start},
 * {@link #stop} and {@link #blockUntilShutdown}, with a JVM shutdown hook that stops cleanly on
 * SIGTERM. A start that fails releases whatever it had opened (the backend's files and locks,
 * threads, ports) before it throws, so the data directory can be opened again at once.
 */
public final class FaceSearchServer {
    private static final Logger LOG = LoggerFactory.getLogger(FaceSearchServer.class);

    private final ServerConfig config;
    private final Function<StageObserver, FacePipeline> pipelineFactory;
    private final ServerBuilder<?> transport;
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private JvmMetrics jvmMetrics;
    private StorageBackend backend;
    private CollectionRegistry registry;
    private OpenSetCalibrations calibrations;
    private PipelineGate pipeline;
    private ExecutorService streamExecutor;
    private Server grpc;
    private ConnectionLimits connectionLimits;
    private HealthStatusManager health;
    private MetricsEndpoint metricsEndpoint;
    private boolean started;
    private boolean stopped;

    /**
     * A server on a Netty transport bound to the configured host and port.
     *
     * @param pipelineFactory opens the face pipeline, given the observer of the server's stage
     *     metrics; may return null to serve embeddings only
     */
    public FaceSearchServer(ServerConfig config, Function<StageObserver, FacePipeline> pipelineFactory) {
        this(config, pipelineFactory, NettyServerBuilder.forAddress(new InetSocketAddress(config.host(), config.port())));
    }

    /**
     * A server on a Netty transport whose pipeline reports no stage timings.
     *
     * @param pipelineFactory opens the face pipeline; may return null to serve embeddings only
     */
    public FaceSearchServer(ServerConfig config, Supplier<FacePipeline> pipelineFactory) {
        this(config, observer -> pipelineFactory.get());
    }

    /**
     * A server on the given transport, e.g. an {@code InProcessServerBuilder} for tests; the
     * configured host and port are then unused. The server adds its services and the inbound
     * message limit to the builder.
     */
    public FaceSearchServer(ServerConfig config, Function<StageObserver, FacePipeline> pipelineFactory,
            ServerBuilder<?> transport) {
        this.config = config;
        this.pipelineFactory = pipelineFactory;
        this.transport = transport;
    }

    /**
     * Opens everything and starts listening; the port is bound when this returns. If anything fails,
     * everything opened so far is released before the failure is thrown.
     */
    public synchronized FaceSearchServer start() throws IOException {
        if (started) {
            throw new IllegalStateException("a server starts once; create another one to start again");
        }
        started = true;
        try {
            open();
        } catch (IOException | RuntimeException | Error e) {
            release();
            throw e;
        }
        LOG.info("listening port={} metrics_port={} data={} backend={} pipeline={}", port(), metricsPort(), config.dataDir(),
                config.backend(), pipeline.available() ? pipeline.modelId() : "none");
        return this;
    }

    private void open() throws IOException {
        jvmMetrics = JvmMetrics.bindTo(meters);
        backend = StorageBackendProvider.named(config.backend()).open(config.backendSettings());
        calibrations = new OpenSetCalibrations(FacePipelines.defaultModelId(), Clock.systemUTC());
        registry = new CollectionRegistry(backend, CollectionListener.all(new CollectionMetrics(meters), calibrations));
        QualityGates quality = new QualityGates(config.quality());
        FacePipeline facePipeline = pipelineFactory.apply(new PipelineStageMetrics(meters));
        pipeline = new PipelineGate(facePipeline, config.pipelineConcurrency(), config.pipelineWaitMillis());
        Gauge.builder("facesearch.store.size", registry, CollectionRegistry::diskBytes).baseUnit("bytes")
                .description("bytes of the storage backend's data").register(meters);
        streamExecutor = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "enroll-stream");
            t.setDaemon(true);
            return t;
        });
        health = new HealthStatusManager();
        RpcMetricsInterceptor rpcMetrics = new RpcMetricsInterceptor(meters);
        // Interceptors run last to first: metrics see every call, then the rate limit, then the size limit.
        ServerInterceptor[] limits = config.limits().rateLimited()
                ? new ServerInterceptor[] {new MessageSizeLimit(config.maxMessageBytes()),
                        new RateLimit(config.limits().ratePerSecond(), config.limits().rateBurst()), rpcMetrics}
                : new ServerInterceptor[] {new MessageSizeLimit(config.maxMessageBytes()), rpcMetrics};
        if (transport instanceof NettyServerBuilder netty) {
            connectionLimits = ConnectionLimits.applyTo(netty, config.limits());
            Gauge.builder("facesearch.connections.open", connectionLimits, ConnectionLimits::open)
                    .description("gRPC connections open").register(meters);
            FunctionCounter.builder("facesearch.connections.refused", connectionLimits, ConnectionLimits::refused)
                    .description("connections closed as they arrived: limits.connections reached").register(meters);
        }
        TransportLog.quietCallerMistakes();
        // The transport reads messages a little over the limit, so that the server refuses them one by one (MessageSizeLimit).
        transport.maxInboundMessageSize(MessageSizeLimit.transportBytes(config.maxMessageBytes()))
                .addService(ServerInterceptors.intercept(new CollectionHandler(new CollectionService(registry, pipeline, quality, calibrations)), limits))
                .addService(ServerInterceptors.intercept(new EnrollmentHandler(new EnrollmentService(registry, pipeline, quality),
                        streamExecutor, config.streamWindow(), config.maxMessageBytes()), limits))
                .addService(ServerInterceptors.intercept(new SearchHandler(new SearchService(registry, pipeline, quality, calibrations)), limits))
                .addService(ServerInterceptors.intercept(new VerificationHandler(new VerificationService(registry, pipeline)), limits))
                .addService(ServerInterceptors.intercept(new DetectionHandler(new DetectionService(pipeline, config.quality())), limits))
                .addService(ServerInterceptors.intercept(new FaceHandler(new FaceCatalogService(registry)), limits))
                .addService(health.getHealthService())
                .addService(ProtoReflectionServiceV1.newInstance());
        grpc = transport.build().start();
        if (config.metricsPort() >= 0) {
            metricsEndpoint = new MetricsEndpoint(meters, config.host(), config.metricsPort());
        }
        health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, HealthCheckResponse.ServingStatus.SERVING);
    }

    /** The bound gRPC port, or -1 for a transport without one (in-process). */
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
     * Stops taking calls, lets calls in progress finish (up to 10 s), makes the storage durable and
     * closes it. Idempotent.
     */
    public synchronized void stop() {
        if (stopped || grpc == null) {
            return;
        }
        release();
        LOG.info("stopped");
    }

    /** Closes whatever is open, in the reverse order of {@link #open}; a part that failed to open is null. */
    private void release() {
        stopped = true;
        if (health != null) {
            health.enterTerminalState();
        }
        if (grpc != null) {
            grpc.shutdown();
            try {
                if (!grpc.awaitTermination(10, TimeUnit.SECONDS)) {
                    grpc.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                grpc.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        if (connectionLimits != null) {
            connectionLimits.close();
        }
        if (streamExecutor != null) {
            streamExecutor.shutdown();
        }
        if (metricsEndpoint != null) {
            metricsEndpoint.close();
        }
        if (calibrations != null) {
            calibrations.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (backend != null) {
            backend.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
        if (jvmMetrics != null) {
            jvmMetrics.close();
        }
        meters.close();
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
