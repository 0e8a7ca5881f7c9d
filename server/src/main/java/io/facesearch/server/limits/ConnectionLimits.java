package io.facesearch.server.limits;

import io.facesearch.server.config.Limits;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection settings of the Netty transport ({@code limits.*} but the rate): concurrent calls
 * per connection, keepalive enforcement, idle and age limits, the handshake timeout, and a cap on
 * concurrent connections.
 *
 * <p>Netty's gRPC builder has no connection cap, so the server channel here is Netty's NIO one with
 * one change: a connection accepted beyond the cap is closed at once, before gRPC sees it (no
 * handshake, no buffers; the client sees the connection reset, UNAVAILABLE, and retries later). The
 * builder then needs its own event loops (it refuses a channel factory without them), which this
 * object owns and {@link #close closes} after the server has stopped.
 */
public final class ConnectionLimits implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimits.class);
    /** How long the server waits for a ping's answer before it drops the connection. */
    private static final long KEEPALIVE_TIMEOUT_MS = 20_000;
    /** At most one log line per this interval about refused connections: a flood must not flood the log. */
    private static final long REFUSAL_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong lastRefusalLog = new AtomicLong(System.nanoTime() - REFUSAL_LOG_INTERVAL_NANOS);
    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(0, NioIoHandler.newFactory());

    private ConnectionLimits(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /** Sets every connection limit on the builder; close the result once the server has terminated. */
    public static ConnectionLimits applyTo(NettyServerBuilder builder, Limits limits) {
        ConnectionLimits connections = new ConnectionLimits(limits.connections());
        builder.channelFactory(connections::newServerChannel)
                .bossEventLoopGroup(connections.boss)
                .workerEventLoopGroup(connections.workers)
                .maxConcurrentCallsPerConnection(limits.callsPerConnection())
                .permitKeepAliveTime(limits.keepAlivePermit().toMillis(), TimeUnit.MILLISECONDS)
                .permitKeepAliveWithoutCalls(false)
                .keepAliveTime(limits.keepAlive().toMillis(), TimeUnit.MILLISECONDS)
                .keepAliveTimeout(KEEPALIVE_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .maxConnectionIdle(limits.connectionIdle().toMillis(), TimeUnit.MILLISECONDS)
                .maxConnectionAgeGrace(limits.connectionAgeGrace().toMillis(), TimeUnit.MILLISECONDS)
                .handshakeTimeout(limits.handshake().toMillis(), TimeUnit.MILLISECONDS);
        if (!limits.connectionAge().isZero()) {
            builder.maxConnectionAge(limits.connectionAge().toMillis(), TimeUnit.MILLISECONDS);
        }
        return connections;
    }

    /** Connections open now. */
    public int open() {
        return open.get();
    }

    /** Connections closed on arrival because the cap was reached, since start. */
    public long refused() {
        return refused.get();
    }

    private NioServerSocketChannel newServerChannel() {
        return new NioServerSocketChannel() {
            @Override
            protected int doReadMessages(List<Object> accepted) throws Exception {
                int before = accepted.size();
                int read = super.doReadMessages(accepted);
                for (int i = accepted.size() - 1; i >= before; i--) {
                    Channel connection = (Channel) accepted.get(i);
                    if (open.incrementAndGet() > maxConnections) {
                        open.decrementAndGet();
                        accepted.remove(i);
                        read--;
                        connection.unsafe().closeForcibly();
                        refusedOne();
                    } else {
                        connection.closeFuture().addListener(closed -> open.decrementAndGet());
                    }
                }
                return read;
            }
        };
    }

    private void refusedOne() {
        long total = refused.incrementAndGet();
        long last = lastRefusalLog.get();
        long now = System.nanoTime();
        if (now - last >= REFUSAL_LOG_INTERVAL_NANOS && lastRefusalLog.compareAndSet(last, now)) {
            LOG.warn("connection refused: limits.connections={} reached; refused_total={}", maxConnections, total);
        }
    }

    /**
     * Stops the event loops after 100 ms without work, and waits for them (so every socket is closed
     * and every port free when the server's stop returns); call after the gRPC server has terminated.
     * The quiet period lets a call's last write, which may reach them just after termination, through.
     */
    @Override
    public void close() {
        boss.shutdownGracefully(100, 5_000, TimeUnit.MILLISECONDS).syncUninterruptibly();
        workers.shutdownGracefully(100, 5_000, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }
}
