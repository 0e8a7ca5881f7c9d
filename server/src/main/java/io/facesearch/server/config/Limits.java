package io.facesearch.server.config;

import java.time.Duration;

/**
 * The {@code limits.*} settings: how much any one caller or connection may take of the server (see
 * {@link ServerConfig} for each one's default and deploy/SECURITY.md, "Limits").
 *
 * @param ratePerSecond calls per second each caller may make on average ({@code limits.rate.per.second}); 0 turns the rate limit off
 * @param rateBurst calls a caller may make at once above the average ({@code limits.rate.burst})
 * @param connections concurrent connections the server accepts; more are closed as they arrive ({@code limits.connections})
 * @param callsPerConnection concurrent calls (HTTP/2 streams) per connection ({@code limits.calls.per.connection})
 * @param keepAlivePermit the shortest interval between a client's keepalive pings; faster ones end the connection
 *     ({@code limits.keepalive.permit.ms})
 * @param keepAlive how often the server pings a connection to find dead peers ({@code limits.keepalive.ms})
 * @param connectionIdle a connection without calls for this long is closed ({@code limits.connection.idle.ms})
 * @param connectionAge a connection older than this is asked to go away, zero for never ({@code limits.connection.age.ms})
 * @param connectionAgeGrace calls in progress on such a connection get this long to finish ({@code limits.connection.age.grace.ms})
 * @param handshake a new connection must finish its handshake within this ({@code limits.handshake.ms})
 */
public record Limits(
        int ratePerSecond,
        int rateBurst,
        int connections,
        int callsPerConnection,
        Duration keepAlivePermit,
        Duration keepAlive,
        Duration connectionIdle,
        Duration connectionAge,
        Duration connectionAgeGrace,
        Duration handshake) {

    public Limits {
        if (ratePerSecond < 0) {
            throw new IllegalArgumentException("limits.rate.per.second must be at least 0 (0: no rate limit), got " + ratePerSecond);
        }
        if (ratePerSecond > 0 && rateBurst < 1) {
            throw new IllegalArgumentException("limits.rate.burst must be at least 1, got " + rateBurst);
        }
        if (connections < 1) {
            throw new IllegalArgumentException("limits.connections must be at least 1, got " + connections);
        }
        if (callsPerConnection < 1) {
            throw new IllegalArgumentException("limits.calls.per.connection must be at least 1, got " + callsPerConnection);
        }
        positive(keepAlivePermit, "limits.keepalive.permit.ms");
        positive(keepAlive, "limits.keepalive.ms");
        positive(connectionIdle, "limits.connection.idle.ms");
        positive(connectionAgeGrace, "limits.connection.age.grace.ms");
        positive(handshake, "limits.handshake.ms");
        if (connectionAge.isNegative()) {
            throw new IllegalArgumentException("limits.connection.age.ms must be at least 0 (0: no limit), got " + connectionAge.toMillis());
        }
    }

    /** Whether callers are rate limited. */
    public boolean rateLimited() {
        return ratePerSecond > 0;
    }

    private static void positive(Duration d, String name) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + d.toMillis());
        }
    }
}
