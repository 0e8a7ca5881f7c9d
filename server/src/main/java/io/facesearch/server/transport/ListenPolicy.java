package io.facesearch.server.transport;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where the server may listen unprotected. On loopback only local users reach it; on any other
 * address it holds biometric data open to the network unless TLS encrypts the traffic and API keys
 * authenticate the callers. Anything else needs the operator to say {@code insecure} explicitly.
 */
public final class ListenPolicy {

    private ListenPolicy() {
    }

    /** Whether {@code host} is a loopback address (127.0.0.0/8, ::1, a name resolving there). */
    public static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve host '" + host + "': " + e.getMessage(), e);
        }
    }

    /**
     * Refuses an unprotected server on a non-loopback address, unless {@code insecure}.
     *
     * @return the warning to log loudly when the server listens unprotected because it was told to; empty otherwise
     * @throws IllegalStateException saying what is missing and how to proceed
     */
    public static String check(String host, boolean tls, boolean apiKeys, boolean insecure) {
        if (loopback(host) || tls && apiKeys) {
            return "";
        }
        String missing = !tls && !apiKeys ? "TLS and API keys" : !tls ? "TLS" : "API keys";
        if (!insecure) {
            throw new IllegalStateException("refusing to serve on " + host + " without " + missing + ": anyone on the network could "
                    + "read and delete the enrolled faces. Give --tls-cert and --tls-key (and keep API keys on), bind a loopback "
                    + "address (--host 127.0.0.1), or pass --insecure to accept the risk.");
        }
        return "INSECURE: serving on " + host + " without " + missing + " (--insecure): anyone who reaches this port can read, "
                + "change and delete every enrolled face";
    }
}
