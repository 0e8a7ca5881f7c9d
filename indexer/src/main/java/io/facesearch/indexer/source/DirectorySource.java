package io.facesearch.indexer.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A folder tree, walked depth first with each folder's names in order, so the order does not
 * depend on the file system. Only one folder's listing is held at a time per level, so a tree of
 * millions of photos is walked without listing it all first. Links to files are followed, links to
 * folders are not (they could loop).
 */
final class DirectorySource implements ImageSource {
    private final Path root;

    DirectorySource(Path root) {
        this.root = root;
    }

    @Override
    public Path path() {
        return root;
    }

    @Override
    public long count(Predicate<String> accept) throws IOException {
        long[] n = {0};
        try {
            walk(root, file -> {
                if (accept.test(file.path())) {
                    n[0]++;
                }
                return true;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return n[0];
    }

    @Override
    public void forEach(EntryVisitor visitor) throws IOException, InterruptedException {
        walk(root, visitor);
    }

    /** @return false when the visitor stopped the walk */
    private boolean walk(Path dir, EntryVisitor visitor) throws InterruptedException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
            listing.forEach(children::add);
        } catch (IOException e) {
            // An unreadable folder is one bad entry, reported like a bad file; the walk goes on.
            return visitor.visit(new Unreadable(relative(dir), e));
        }
        children.sort(null);
        for (Path child : children) {
            boolean more;
            if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                more = walk(child, visitor);
            } else if (Files.isRegularFile(child)) {
                more = visitor.visit(new FileEntry(child, relative(child)));
            } else {
                continue; // sockets, devices, links to folders or to nothing
            }
            if (!more) {
                return false;
            }
        }
        return true;
    }

    private String relative(Path p) {
        return ImageSource.normalize(root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"));
    }

    @Override
    public void close() {
        // Nothing held open between visits.
    }

    private record FileEntry(Path file, String path) implements SourceEntry {
        @Override
        public long size() {
            try {
                return Files.size(file);
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public byte[] read(int maxBytes) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                return BoundedRead.readAll(in, path, maxBytes);
            }
        }
    }

    private record Unreadable(String path, IOException error) implements SourceEntry {
        @Override
        public long size() {
            return -1;
        }

        @Override
        public byte[] read(int maxBytes) throws IOException {
            throw error;
        }

        @Override
        public IOException failure() {
            return error;
        }
    }
}
