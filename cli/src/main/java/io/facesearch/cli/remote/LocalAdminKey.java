package io.facesearch.cli.remote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The key a command uses when given none: the bootstrap admin key a server on this machine wrote
 * to {@code <data>/admin.key} at its first start, where {@code <data>} is what {@code facesearch
 * serve} uses from the same folder ({@code $FACESEARCH_DATA}, else {@code ./data}). That makes
 * {@code facesearch serve} then {@code facesearch collections create x} work with nothing to
 * configure, without weakening anything: the file is the server owner's (mode 0600), and only a
 * server on a loopback address is ever sent it, so the key never leaves the machine.
 */
public final class LocalAdminKey {
    /** The server's data directory setting, as {@code ServerConfig} reads it from the environment. */
    static final String DATA_ENVIRONMENT = "FACESEARCH_DATA";

    private LocalAdminKey() {
    }

    /** The local admin key for {@code target}, if it is a loopback address and the file is readable. */
    public static Optional<String> find(String target, Map<String, String> env) {
        if (!isLoopback(host(target))) {
            return Optional.empty();
        }
        String data = env.get(DATA_ENVIRONMENT);
        Path file = Path.of(data == null || data.isBlank() ? "data" : data.strip()).resolve("admin.key");
        try {
            String secret = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return secret.isEmpty() ? Optional.empty() : Optional.of(secret);
        } catch (IOException | SecurityException e) {
            // No local server's file (or not ours to read): the call goes without a key, and the server says what it needs.
            return Optional.empty();
        }
    }

    /** The host of {@code host:port}, {@code [v6]:port}, a bare host, or a {@code dns:///} URI. */
    static String host(String target) {
        String t = target.strip();
        int scheme = t.indexOf(":///");
        if (scheme >= 0) {
            t = t.substring(scheme + 4);
        }
        if (t.startsWith("[")) {
            int end = t.indexOf(']');
            return end < 0 ? t : t.substring(1, end);
        }
        int colon = t.lastIndexOf(':');
        return colon >= 0 && t.indexOf(':') == colon ? t.substring(0, colon) : t;
    }

    /** Names and literals only: no lookup, so a name that merely resolves to 127.0.0.1 elsewhere is not trusted. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1") || h.matches("127(\\.\\d{1,3}){3}");
    }
}
