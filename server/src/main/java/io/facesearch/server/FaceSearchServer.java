package io.facesearch.server;

import io.facesearch.pipeline.FacePipeline;
import io.facesearch.pipeline.FacePipelineProvider;
import io.facesearch.pipeline.FacePipelines;
import io.facesearch.pipeline.StageObserver;
import io.facesearch.server.api.AuditTrail;
import io.facesearch.server.api.Authentication;
import io.facesearch.server.api.Authorization;
import io.facesearch.server.api.CollectionHandler;
import io.facesearch.server.api.DetectionHandler;
import io.facesearch.server.api.EnrollmentHandler;
import io.facesearch.server.api.FaceHandler;
import io.facesearch.server.api.KeyHandler;
import io.facesearch.server.api.MessageSizeLimit;
import io.facesearch.server.api.SearchHandler;
import io.facesearch.server.api.VerificationHandler;
import io.facesearch.server.audit.AuditLog;
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
import io.facesearch.server.security.ApiKeys;
import io.facesearch.server.service.VerificationService;
import io.facesearch.server.transport.DataDirectory;
import io.facesearch.server.transport.ListenPolicy;
import io.facesearch.server.transport.TlsCredentials;
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
import java.util.ArrayList;
import java.util.List;
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
    private ApiKeys keys;
    private AuditLog audit;
    private boolean started;
    private boolean stopped;

    /**
     * A server on a Netty transport bound to the configured host and port.
     *
     * @param pipelineFactory opens the face pipeline, given the observer of the server's stage
     *     metrics; may return null to serve embeddings only
     */
    public FaceSearchServer(ServerConfig config, Function<StageObserver, FacePipeline> pipelineFactory) {
        this(config, pipelineFactory, null);
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
     * configured host, port and TLS are then unused. The server adds its services and the inbound
     * message limit to the builder.
     *
     * @param transport null for Netty on the configured host and port, with TLS when configured
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
        LOG.info("listening host={} port={} tls={} metrics_port={} data={} backend={} pipeline={}", config.host(), port(),
                transport != null ? "n/a" : !config.tls().enabled() ? "off" : config.tls().mutual() ? "mutual" : "on",
                metricsPort(), config.dataDir(), config.backend(), pipeline.available() ? pipeline.modelId() : "none");
        return this;
    }

    private void open() throws IOException {
        ServerBuilder<?> transport = this.transport;
        if (transport == null) {
            String warning = ListenPolicy.check(config.host(), config.tls().enabled(), config.auth().enabled(), config.insecure());
            if (!warning.isEmpty()) {
                LOG.warn(warning);
            }
            InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
            if (config.tls().enabled()) {
                transport = NettyServerBuilder.forAddress(address, TlsCredentials.open(config.tls()));
            } else {
                transport = NettyServerBuilder.forAddress(address);
            }
        }
        DataDirectory.secure(config.dataDir());
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
        // After the backend, which holds the data directory's lock: two servers never write the key store at once.
        keys = config.auth().enabled() ? ApiKeys.open(config.dataDir(), config.auth().adminKey(), Clock.systemUTC()) : null;
        if (keys == null) {
            LOG.warn("authentication is off (auth.enabled=false): anyone who reaches port {} can read and change every collection", config.port());
        }
        audit = AuditLog.open(config.dataDir(), config.auditMaxBytes(), config.auditMaxFiles(), Clock.systemUTC());
        // The last interceptor runs first: metrics, then who calls, the audit record, and what the caller may do.
        // Interceptors run last to first: metrics see every call, then the rate limit, the size limit, who calls, the
        // audit record, and what the caller may do.
        List<ServerInterceptor> chain = new ArrayList<>(List.of(new Authorization(), new AuditTrail(audit, Clock.systemUTC()),
                new Authentication(keys), new MessageSizeLimit(config.maxMessageBytes())));
        if (config.limits().rateLimited()) {
            chain.add(new RateLimit(config.limits().ratePerSecond(), config.limits().rateBurst()));
        }
        chain.add(rpcMetrics);
        ServerInterceptor[] guarded = chain.toArray(ServerInterceptor[]::new);
        if (transport instanceof NettyServerBuilder netty) {
            connectionLimits = ConnectionLimits.applyTo(netty, config.limits());
            Gauge.builder("facesearch.connections.open", connectionLimits, ConnectionLimits::open)
                    .description("gRPC connections open").register(meters);
            FunctionCounter.builder("facesearch.connections.refused", connectionLimits, ConnectionLimits::refused)
                    .description("connections closed as they arrived: limits.connections reached").register(meters);
        }
        TransportLog.quietCallerMistakes();
        // The transport reads messages a little over the limit, so that the server refuses them one by one (MessageSizeLimit).
        // The transport reads messages a little over the limit, so that the server refuses them one by one (MessageSizeLimit).
        transport.maxInboundMessageSize(MessageSizeLimit.transportBytes(config.maxMessageBytes()))
                .addService(ServerInterceptors.intercept(new CollectionHandler(new CollectionService(registry, pipeline, quality, calibrations)), guarded))
                .addService(ServerInterceptors.intercept(new EnrollmentHandler(new EnrollmentService(registry, pipeline, quality),
                        streamExecutor, config.streamWindow(), config.maxMessageBytes()), guarded))
                .addService(ServerInterceptors.intercept(new SearchHandler(new SearchService(registry, pipeline, quality, calibrations)), guarded))
                .addService(ServerInterceptors.intercept(new VerificationHandler(new VerificationService(registry, pipeline)), guarded))
                .addService(ServerInterceptors.intercept(new DetectionHandler(new DetectionService(pipeline, config.quality())), guarded))
                .addService(ServerInterceptors.intercept(new FaceHandler(new FaceCatalogService(registry)), guarded))
                .addService(ServerInterceptors.intercept(new KeyHandler(keys), guarded))
                // Health and reflection stay open: load balancers and grpcurl use them without a key.
                .addService(health.getHealthService())
                .addService(ProtoReflectionServiceV1.newInstance());
        grpc = transport.build().start();
        if (config.metricsPort() >= 0) {
            metricsEndpoint = new MetricsEndpoint(meters, config.metricsHost(), config.metricsPort());
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
        if (audit != null) {
            try {
                audit.close();
            } catch (IOException e) {
                LOG.warn("closing the audit log failed: {}", e.toString());
            }
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
            // Files the backend wrote while serving follow the process umask: close them at rest too.
            try {
                DataDirectory.secure(config.dataDir());
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot restrict the permissions of {}: {}", config.dataDir(), e.toString());
            }
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
