package io.facesearch.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Properties;

/**
 * An npm package pinned by version and tarball integrity.
 *
 * @param name npm name, possibly scoped ({@code @scope/name})
 * @param version exact version
 * @param integrity subresource integrity string {@code sha512-<base64>}, as npm records it
 */
public record PinnedPackage(String name, String version, String integrity) {
    private static final String LOCK_RESOURCE = "model-lock.properties";

    /** The face-api release whose weights FaceSearch converts, read from {@code model-lock.properties}. */
    public static final PinnedPackage FACE_API = fromLockFile("face-api");
    /** The Human model collection FaceSearch takes {@code faceres} from, read from {@code model-lock.properties}. */
    public static final PinnedPackage HUMAN_MODELS = fromLockFile("human-models");

    public PinnedPackage {
        if (!integrity.startsWith("sha512-")) {
            throw new IllegalArgumentException("only sha512 integrity is accepted, got " + integrity);
        }
    }

    private static PinnedPackage fromLockFile(String key) {
        Properties lock = new Properties();
        try (InputStream in = PinnedPackage.class.getResourceAsStream(LOCK_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(LOCK_RESOURCE + " is missing from the classpath");
            }
            lock.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = lock.getProperty(key + ".package");
        String version = lock.getProperty(key + ".version");
        String integrity = lock.getProperty(key + ".integrity");
        if (name == null || version == null || integrity == null) {
            throw new IllegalStateException(LOCK_RESOURCE + " lacks " + key + ".package, .version or .integrity");
        }
        return new PinnedPackage(name, version, integrity);
    }

    /** {@code name@version}, the spec npm understands. */
    public String spec() {
        return name + "@" + version;
    }

    /** The tarball name in the registry: {@code face-api-1.7.15.tgz} for {@code @vladmandic/face-api}. */
    public String tarballName() {
        return name.substring(name.indexOf('/') + 1) + "-" + version + ".tgz";
    }

    /** Whether the bytes are exactly the published tarball. */
    public boolean matches(byte[] tarball) {
        MessageDigest sha512 = sha512();
        sha512.update(tarball);
        return matchesDigest(sha512);
    }

    /** Whether the file is exactly the published tarball; streamed, so a large package is not held in memory. */
    public boolean matches(Path tarball) throws IOException {
        MessageDigest sha512 = sha512();
        try (InputStream in = new DigestInputStream(Files.newInputStream(tarball), sha512)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return matchesDigest(sha512);
    }

    private boolean matchesDigest(MessageDigest sha512) {
        return integrity.equals("sha512-" + Base64.getEncoder().encodeToString(sha512.digest()));
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is required of every JRE", e);
        }
    }
}
