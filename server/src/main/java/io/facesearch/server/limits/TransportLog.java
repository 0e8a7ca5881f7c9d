package io.facesearch.server.limits;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the gRPC transport from logging a caller's mistake with a stack trace. grpc-java's Netty
 * server stream logs every message it cannot read ("Exception processing message": one larger than
 * the transport's limit, a corrupt frame) at WARNING with the exception, through java.util.logging;
 * the caller gets the status (RESOURCE_EXHAUSTED, INTERNAL) either way, and any caller could repeat it
 * to flood the log. That one logger is raised to SEVERE; the rest of gRPC's logging is untouched.
 */
public final class TransportLog {
    /** Strong references: java.util.logging holds its loggers weakly, and a collected one forgets its level. */
    private static final List<Logger> QUIETED = List.of(Logger.getLogger("io.grpc.netty.shaded.io.grpc.netty.NettyServerStream"));

    private TransportLog() {
    }

    /** Raises the transport's per-message failure log to SEVERE. Idempotent. */
    public static void quietCallerMistakes() {
        for (Logger logger : QUIETED) {
            logger.setLevel(Level.SEVERE);
        }
    }
}
