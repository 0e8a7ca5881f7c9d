package io.facesearch.server.security;

import io.facesearch.server.service.FaceSearchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's API keys: creates them, checks the secrets calls present, revokes them, and keeps
 * them in the data directory ({@link KeyFile}) so they survive restarts. Knows nothing of gRPC.
 *
 * <p>A secret is {@value #SECRET_PREFIX} and 32 random bytes from {@link SecureRandom} in
 * unpadded base64url (47 characters): the prefix lets secret scanners and people recognise one.
 * Only the SHA-256 of a secret is stored. A plain fast hash is enough here, unlike for passwords:
 * 256 random bits cannot be guessed or found in a dictionary, so slowing down each guess (bcrypt,
 * Argon2) would add nothing but latency to every call. For the same reason a lookup by hash needs
 * no constant-time comparison: timing can at most reveal a hash, from which no secret follows.
 *
 * <p><b>Bootstrap.</b> At the first start (no key stored), the server makes an {@code admin:*}
 * key: the one given in the setting {@code admin.key} (environment {@code FACESEARCH_ADMIN_KEY}),
 * or else a new one whose secret it writes to {@code <data>/admin.key} (mode 0600). Later starts
 * leave both alone: once keys exist they are managed through the API, so revoking the bootstrap key
 * sticks even if the environment still names it.
 */
public final class ApiKeys {
    /** The prefix of every secret the server makes. */
    public static final String SECRET_PREFIX = "fsk_";
    /** Where the generated bootstrap secret is written, in the data directory. */
    public static final String BOOTSTRAP_FILE = "admin.key";
    /** 256 bits: beyond any guessing, and what SHA-256 preserves. */
    private static final int SECRET_BYTES = 32;
    /** A secret given by the operator must be long enough to be as unguessable as ours could be (16 chars of base64 = 96 bits). */
    private static final int MIN_GIVEN_SECRET_CHARS = 16;
    /** Names are for people; 256 bytes as every other name in the API (ProtocolLimit). */
    private static final int MAX_NAME_BYTES = 256;
    /** More scopes than collections anyone manages by hand is a mistake. */
    private static final int MAX_SCOPES = 64;
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);

    private final KeyFile file;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Every key, oldest first; replaced whole on each change, read without locking. */
    private volatile List<KeyFile.Entry> entries;
    private volatile Map<String, KeyFile.Entry> bySha256;

    private ApiKeys(KeyFile file, Clock clock, List<KeyFile.Entry> entries) {
        this.file = file;
        this.clock = clock;
        publish(entries);
    }

    /**
     * Opens the key store of a data directory, making the bootstrap admin key if it holds none.
     *
     * @param givenAdminSecret the operator's bootstrap secret ({@code FACESEARCH_ADMIN_KEY}), or empty to generate one
     */
    public static ApiKeys open(Path dataDir, Optional<String> givenAdminSecret, Clock clock) throws IOException {
        OwnerOnlyFiles.directory(dataDir);
        KeyFile file = new KeyFile(dataDir);
        ApiKeys keys = new ApiKeys(file, clock, file.read());
        keys.bootstrap(dataDir, givenAdminSecret);
        return keys;
    }

    private synchronized void bootstrap(Path dataDir, Optional<String> given) throws IOException {
        if (!entries.isEmpty()) {
            if (given.isPresent() && !bySha256.containsKey(sha256(given.get()))) {
                LOG.warn("FACESEARCH_ADMIN_KEY (admin.key) is ignored: the key store {} already holds keys; manage them with `facesearch keys`",
                        file.path());
            }
            return;
        }
        List<Scope> admin = List.of(new Scope(Permission.ADMIN, Scope.ANY));
        if (given.isPresent()) {
            String secret = given.get();
            requireUsableSecret(secret);
            NewKey key = store("bootstrap", admin, null, secret);
            LOG.info("created the bootstrap admin key id={} from FACESEARCH_ADMIN_KEY (admin.key); no file written", key.key().id());
            return;
        }
        String secret = newSecret();
        Path secretFile = dataDir.resolve(BOOTSTRAP_FILE);
        // The secret reaches the disk before the key is registered: a crash in between leaves no key
        // stored, so the next start makes a new one and overwrites the file.
        OwnerOnlyFiles.replace(secretFile, (secret + "\n").getBytes(StandardCharsets.US_ASCII));
        NewKey key = store("bootstrap", admin, null, secret);
        LOG.info("created the bootstrap admin key id={}; its secret is in file={} (mode 0600): `facesearch` commands on this machine use it",
                key.key().id(), secretFile.toAbsolutePath().normalize());
    }

    private static void requireUsableSecret(String secret) {
        if (secret.length() < MIN_GIVEN_SECRET_CHARS || !secret.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("FACESEARCH_ADMIN_KEY (admin.key) must be at least " + MIN_GIVEN_SECRET_CHARS
                    + " printable ASCII characters without spaces; e.g. `openssl rand -base64 32`");
        }
    }

    /**
     * Who presents this secret.
     *
     * @param secret the bearer secret, or null when the call carried none
     */
    public Caller authenticate(String secret) {
        if (secret == null || secret.isEmpty()) {
            return Caller.refused("this server needs an API key: send `authorization: Bearer <key>` (CLI: --token or FACESEARCH_TOKEN)");
        }
        KeyFile.Entry entry = bySha256.get(sha256(secret));
        if (entry == null) {
            return Caller.refused("unknown API key");
        }
        ApiKey key = entry.key();
        if (key.revoked()) {
            return Caller.refused("API key " + key.id() + " was revoked at " + key.revokeTime());
        }
        if (key.expiredAt(clock.instant())) {
            return Caller.refused("API key " + key.id() + " expired at " + key.expireTime());
        }
        return Caller.of(key);
    }

    /**
     * Creates a key.
     *
     * @param expireTime when it stops working, in the future; null for never
     */
    public NewKey create(String name, List<String> scopes, Instant expireTime) {
        if (name == null || name.isBlank() || name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES
                || name.chars().anyMatch(Character::isISOControl)) {
            throw FaceSearchException.invalid("a key's name is 1-" + MAX_NAME_BYTES + " bytes of text without control characters");
        }
        if (scopes.isEmpty() || scopes.size() > MAX_SCOPES) {
            throw FaceSearchException.invalid("a key needs 1-" + MAX_SCOPES + " scopes, e.g. search:people or enroll:*");
        }
        List<Scope> parsed = new ArrayList<>(new LinkedHashSet<>(scopes.stream().map(ApiKeys::scope).toList()));
        if (expireTime != null && !expireTime.isAfter(clock.instant())) {
            throw FaceSearchException.invalid("a key's expire_time must be in the future, got " + expireTime);
        }
        try {
            return store(name, parsed, expireTime, newSecret());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the key store " + file.path(), e);
        }
    }

    private static Scope scope(String text) {
        try {
            return Scope.parse(text);
        } catch (IllegalArgumentException e) {
            throw FaceSearchException.invalid(e.getMessage());
        }
    }

    private synchronized NewKey store(String name, List<Scope> scopes, Instant expireTime, String secret) throws IOException {
        ApiKey key = new ApiKey(newId(), name, scopes, clock.instant().truncatedTo(ChronoUnit.MILLIS), expireTime, null);
        List<KeyFile.Entry> updated = new ArrayList<>(entries);
        updated.add(new KeyFile.Entry(key, sha256(secret)));
        file.write(updated);
        publish(updated);
        return new NewKey(key, secret);
    }

    /** Every key, oldest first, revoked and expired ones included. */
    public List<ApiKey> list() {
        return entries.stream().map(KeyFile.Entry::key).toList();
    }

    /** Revokes a key; revoking it again changes nothing. */
    public synchronized ApiKey revoke(String id) {
        List<KeyFile.Entry> updated = new ArrayList<>(entries);
        for (int i = 0; i < updated.size(); i++) {
            KeyFile.Entry e = updated.get(i);
            if (e.key().id().equals(id)) {
                if (e.key().revoked()) {
                    return e.key();
                }
                ApiKey revoked = e.key().revokedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS));
                updated.set(i, new KeyFile.Entry(revoked, e.sha256()));
                try {
                    file.write(updated);
                } catch (IOException ex) {
                    throw new java.io.UncheckedIOException("cannot write the key store " + file.path(), ex);
                }
                publish(updated);
                return revoked;
            }
        }
        throw FaceSearchException.notFound("no API key with id '" + Abbreviated.of(id) + "'");
    }

    private void publish(List<KeyFile.Entry> updated) {
        bySha256 = updated.stream().collect(Collectors.toUnmodifiableMap(KeyFile.Entry::sha256, Function.identity(), (a, b) -> a));
        entries = List.copyOf(updated);
    }

    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** 64 random bits: unique among a server's keys, short enough to read in a log line. */
    private String newId() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return "k" + HexFormat.of().formatHex(bytes);
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
