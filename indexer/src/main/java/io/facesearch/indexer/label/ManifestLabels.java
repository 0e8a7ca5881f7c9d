package io.facesearch.indexer.label;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.facesearch.api.v1.ProtocolLimit;
import io.facesearch.indexer.source.ImageSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Labels from a CSV manifest (RFC 4180: quoted fields may hold commas, quotes and line breaks):
 *
 * <pre>
 * path,subject,source,license          &lt;- header: the first two names are free, the others
 * alice/1.jpg,alice,staff-2019,cc-by   &lt;-   name the metadata kept with each face
 * crowd.jpg,,party,                    &lt;- an empty subject: the photo's faces are unlabeled
 * </pre>
 *
 * <p>Paths are relative to the input's root (a folder, or an archive's top), with '/' between
 * names; a leading "./" or "/" is ignored. Only listed files are indexed, whatever their
 * extension; files not listed are ignored, and listed paths the input does not hold are reported.
 * Empty metadata values are not stored. The whole manifest is held in memory, about 200 bytes a row.
 */
public final class ManifestLabels implements Labels {
    /** What a request may carry, checked here so a bad row is reported with its line number. */
    private static final int MAX_KEY_BYTES = ProtocolLimit.MAX_METADATA_KEY_BYTES.getNumber();
    private static final int MAX_VALUE_BYTES = ProtocolLimit.MAX_METADATA_VALUE_BYTES.getNumber();
    private static final int MAX_SUBJECT_BYTES = ProtocolLimit.MAX_SUBJECT_ID_BYTES.getNumber();

    private final List<String> columns;
    private final Map<String, Label> rows;
    private final Set<String> unseen;

    private ManifestLabels(List<String> columns, Map<String, Label> rows) {
        this.columns = List.copyOf(columns);
        this.rows = rows;
        this.unseen = new LinkedHashSet<>(rows.keySet());
    }

    /**
     * Reads a manifest.
     *
     * @throws IllegalArgumentException when it is malformed; the message names the line
     */
    public static ManifestLabels load(Path file) throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        List<String> columns = null;
        Map<String, Label> rows = new LinkedHashMap<>();
        Map<String, Long> lines = new HashMap<>();
        try (InputStream in = Files.newInputStream(file);
                MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(in)) {
            while (it.hasNextValue()) {
                long line = it.getCurrentLocation().getLineNr();
                String[] row = it.nextValue();
                if (columns == null) {
                    columns = header(file, row);
                    continue;
                }
                String where = file + " line " + line;
                if (row.length > columns.size()) {
                    throw new IllegalArgumentException(where + ": " + row.length + " fields, but the header names " + columns.size());
                }
                String path = ImageSource.normalize(field(row, 0).strip());
                if (path.isEmpty()) {
                    throw new IllegalArgumentException(where + ": the path is empty");
                }
                Long earlier = lines.putIfAbsent(path, line);
                if (earlier != null) {
                    throw new IllegalArgumentException(where + ": " + path + " is listed twice (also line " + earlier + ")");
                }
                rows.put(path, label(where, row, columns));
            }
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(file + ": not a CSV file: " + e.getOriginalMessage(), e);
        }
        if (columns == null) {
            throw new IllegalArgumentException(file + " is empty: expected a header line such as path,subject");
        }
        return new ManifestLabels(columns, rows);
    }

    private static List<String> header(Path file, String[] row) {
        if (row.length < 2) {
            throw new IllegalArgumentException(file + " line 1: the header needs at least two columns, path and subject");
        }
        List<String> names = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < row.length; i++) {
            String name = row[i].strip();
            if (i >= 2) {
                if (name.isEmpty() || utf8(name) > MAX_KEY_BYTES) {
                    throw new IllegalArgumentException(file + " line 1: metadata column " + (i + 1) + " needs a name of 1-"
                            + MAX_KEY_BYTES + " bytes");
                }
                if (!keys.add(name)) {
                    throw new IllegalArgumentException(file + " line 1: column '" + name + "' is named twice");
                }
            }
            names.add(name);
        }
        return names;
    }

    private static Label label(String where, String[] row, List<String> columns) {
        Map<String, String> metadata = new LinkedHashMap<>();
        for (int i = 2; i < row.length; i++) {
            String value = row[i];
            if (utf8(value) > MAX_VALUE_BYTES) {
                throw new IllegalArgumentException(where + ": the value of '" + columns.get(i) + "' is longer than "
                        + MAX_VALUE_BYTES + " bytes, the most the server keeps");
            }
            if (!value.isEmpty()) {
                metadata.put(columns.get(i), value);
            }
        }
        String subject = field(row, 1).strip();
        if (subject.isEmpty()) {
            return new Label.Unlabeled(metadata);
        }
        if (utf8(subject) > MAX_SUBJECT_BYTES) {
            throw new IllegalArgumentException(where + ": the subject is longer than " + MAX_SUBJECT_BYTES + " bytes");
        }
        return new Label.Subject(subject, metadata);
    }

    private static String field(String[] row, int i) {
        return i < row.length ? row[i] : "";
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The header's names; those from the third on are the metadata keys. */
    public List<String> columns() {
        return columns;
    }

    /** The metadata keys: the header's names from the third on. */
    public List<String> metadataKeys() {
        return columns.subList(2, columns.size());
    }

    @Override
    public boolean accepts(String path) {
        return rows.containsKey(path);
    }

    @Override
    public Label labelOf(String path) {
        Label label = rows.get(path);
        if (label != null) {
            unseen.remove(path);
        }
        return label;
    }

    @Override
    public long listed() {
        return rows.size();
    }

    @Override
    public List<String> unseen() {
        return List.copyOf(unseen);
    }

    @Override
    public String kind() {
        return "manifest";
    }
}
