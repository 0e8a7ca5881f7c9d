package io.facesearch.server.transport;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data directory holds biometric data: only the server's user may read it. It is created 0700;
 * at every start the directory tree is tightened to 0700 for directories and 0600 for files, so data
 * written by an older version or with a loose umask is closed too. Files created while the server
 * runs follow the process umask ({@code bin/facesearch} sets 077) and sit inside the closed directory.
 */
public final class DataDirectory {
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private DataDirectory() {
    }

    /** Creates the directory if needed and closes it and everything in it to other users. */
    public static void secure(Path dir) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.exists(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            } else {
                Files.createDirectories(dir);
            }
        }
        if (!posix) {
            return;
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) tree::iterator) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                Files.setPosixFilePermissions(p, Files.isDirectory(p) ? DIRECTORY : FILE);
            }
        }
    }
}
