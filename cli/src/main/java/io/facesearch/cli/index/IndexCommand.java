package io.facesearch.cli.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.facesearch.cli.ExitStatus;
import io.facesearch.cli.TerminalBar;
import io.facesearch.cli.remote.ServerOptions;
import io.facesearch.client.Collection;
import io.facesearch.client.CollectionSpec;
import io.facesearch.client.FaceSearchClient;
import io.facesearch.client.FaceSearchException;
import io.facesearch.client.StatusCode;
import io.facesearch.indexer.identity.ContentHash;
import io.facesearch.indexer.journal.Journal;
import io.facesearch.indexer.label.FolderLabels;
import io.facesearch.indexer.label.Labels;
import io.facesearch.indexer.label.ManifestLabels;
import io.facesearch.indexer.label.NoLabels;
import io.facesearch.indexer.progress.Progress;
import io.facesearch.indexer.report.RunReport;
import io.facesearch.indexer.run.FaceChoice;
import io.facesearch.indexer.run.FaceMetadata;
import io.facesearch.indexer.run.IndexRun;
import io.facesearch.indexer.run.RunSettings;
import io.facesearch.indexer.source.ImageSource;
import io.facesearch.indexer.source.ImageSources;
import io.facesearch.pipeline.FacePipeline;
import io.facesearch.pipeline.FacePipelines;
import io.facesearch.pipeline.FaceSelection;
import io.facesearch.pipeline.PipelineSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code facesearch index}: a folder or archive of photos into a collection, resumably. */
@Command(name = "index", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Index a folder, .zip, .tar or .tar.gz of photos into a collection: the faces are found and embedded "
                + "on this machine, in parallel, and streamed to the server as embeddings.",
            "Labels come from the folders (<subject>/<photo>, the default), from a CSV manifest (path,subject[,metadata...] "
                + "with a header), or from nowhere (--labels none: faces stored unlabeled, one subject each).",
            "A journal remembers what the server acknowledged: run the same command again after an interruption "
                + "(even kill -9) and it goes on where it stopped; no face is ever enrolled twice, and identical photos are "
                + "indexed once.",
            "The JSON report goes to stdout (or --report FILE); a progress bar to stderr when it is a terminal.",
            "Exit status: 0 done, 1 the job cannot start (no such collection, a collection of another model, no models) "
                + "or stopped (the journal cannot be written), 2 usage, "
                + "3 done but photos were refused or the input is damaged, 4 the server cannot be reached or went away "
                + "(run the command again to resume)."})
public final class IndexCommand implements Callable<Integer> {
    /** Metadata entries the server keeps per face. */
    private static final int MAX_METADATA_ENTRIES = 32;
    /** Stack of the thread that loads the models: ONNX Runtime's loading needs more than the 1 MiB default. */
    private static final long LOADER_STACK_BYTES = 16L << 20;

    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT", description = "A folder, or a .zip, .tar, .tar.gz or .tgz archive.")
    Path input;

    @Option(names = {"-c", "--collection"}, paramLabel = "NAME", description = "The collection to enrol into (not needed with --dry-run).")
    String collection;

    @Option(names = "--create", description = "Create the collection, for this machine's face model, if it does not exist.")
    boolean create;

    @Option(names = "--labels", paramLabel = "folders|none", defaultValue = "folders",
            description = "Where subjects come from without a manifest: the folder holding each photo, or none (default: ${DEFAULT-VALUE}).")
    LabelKind labelKind;

    @Option(names = "--manifest", paramLabel = "CSV",
            description = "Labels and metadata from a CSV file: a header, then path,subject[,metadata...] per photo; "
                    + "only listed photos are indexed; an empty subject means unlabeled.")
    Path manifest;

    @Option(names = "--unlabeled-subject", paramLabel = "ID",
            description = "Put every unlabeled face under this one subject, instead of a subject of its own (unlabeled:<key>).")
    String unlabeledSubject;

    @Option(names = "--faces", paramLabel = "main|all|fail_if_several",
            description = "Which faces of each photo to enrol (default: main (the largest face near the centre) for labelled photos, all for unlabeled ones).")
    FaceSelection faces;

    @Option(names = "--threads", paramLabel = "N", description = "Photos analysed at once (default: the number of cores).")
    Integer threads;

    @Option(names = "--max-in-flight", paramLabel = "N", defaultValue = "256",
            description = "Faces sent and not yet acknowledged, at most (default: ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "5",
            description = "Times to reconnect, with growing pauses, when the server goes away (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--journal", paramLabel = "DIR",
            description = "Where journals are kept (default: $XDG_STATE_HOME/facesearch/journals, or ~/.local/state/facesearch/journals).")
    Path journalDir;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the JSON report here instead of to stdout.")
    Path reportFile;

    @Option(names = "--dry-run", description = "Run the pipeline and report, but send nothing and keep no journal (no server needed).")
    boolean dryRun;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary line on stderr.")
    boolean quiet;

    @Option(names = "--progress", description = "Show the progress bar even when stderr is not a terminal.")
    boolean progress;

    private final Supplier<FacePipeline> pipelines;

    public IndexCommand() {
        this(() -> FacePipelines.open(PipelineSettings.DEFAULT));
    }

    /**
     * The command with a pipeline of the caller's, for programs that run it with the models already
     * loaded (tests, benchmarks).
     *
     * @param pipelines opens the face pipeline; the command closes what it returns
     */
    public IndexCommand(Supplier<FacePipeline> pipelines) {
        this.pipelines = pipelines;
    }

    @Override
    public Integer call() throws Exception {
        String problem = checkOptions();
        if (problem != null) {
            return usage(problem);
        }
        Labels labels;
        try {
            labels = labels();
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        } catch (IOException e) {
            return usage("cannot read the manifest " + manifest + ": " + e.getMessage());
        }
        if (labels instanceof ManifestLabels m && m.metadataKeys().size() > MAX_METADATA_ENTRIES - FaceMetadata.KEYS.size()) {
            return usage(manifest + " has " + m.metadataKeys().size() + " metadata columns; at most "
                    + (MAX_METADATA_ENTRIES - FaceMetadata.KEYS.size()) + " fit beside the indexer's own keys");
        }
        ImageSource source;
        try {
            source = ImageSources.open(input);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        } catch (IOException e) {
            err().println("facesearch: cannot open " + input + ": " + e.getMessage());
            return ExitStatus.BAD_PHOTO;
        }
        try (source) {
            if (dryRun) {
                return index(source, labels, null);
            }
            try (FaceSearchClient client = server.connect()) {
                return index(source, labels, client);
            } catch (FaceSearchException e) {
                return serverProblem(e);
            }
        } catch (IOException e) {
            // The journal (another job's, unwritable) or the report file.
            err().println("facesearch: " + e.getMessage());
            return ExitStatus.REFUSED;
        }
    }

    private String checkOptions() {
        if (!dryRun && (collection == null || collection.isBlank())) {
            return "--collection is required (or --dry-run)";
        }
        if (manifest != null && labelKind == LabelKind.NONE) {
            return "--manifest and --labels none exclude each other: the manifest gives the labels";
        }
        if (threads != null && threads < 1 || maxInFlight < 1 || retries < 0) {
            return "--threads and --max-in-flight must be at least 1, --retries at least 0";
        }
        if (unlabeledSubject != null && (unlabeledSubject.isBlank() || unlabeledSubject.getBytes(StandardCharsets.UTF_8).length > 256)) {
            return "--unlabeled-subject must be 1-256 bytes";
        }
        return null;
    }

    private Labels labels() throws IOException {
        if (manifest != null) {
            return ManifestLabels.load(manifest);
        }
        return labelKind == LabelKind.NONE ? new NoLabels() : new FolderLabels();
    }

    private int index(ImageSource source, Labels labels, FaceSearchClient client) throws IOException, InterruptedException {
        // A missing collection or an unreachable server is told before the models load.
        Collection target = client == null ? null : existingCollection(client);
        try (FacePipeline pipeline = openPipeline()) {
            if (pipeline == null) {
                return ExitStatus.REFUSED;
            }
            if (client != null && target == null) {
                target = createCollection(client, pipeline);
            }
            if (target != null && !target.modelId().equals(pipeline.modelId())) {
                err().println("facesearch: collection '" + collection + "' holds embeddings of model '" + target.modelId()
                        + "', but this machine's pipeline computes '" + pipeline.modelId() + "': index into a collection of this model");
                return ExitStatus.REFUSED;
            }
            FaceChoice choice = faces == null ? FaceChoice.DEFAULT : FaceChoice.always(faces);
            Map<String, String> identity = identity(labels, choice);
            Journal journal = client == null ? null : openJournal(identity);
            try (journal) {
                RunSettings settings = new RunSettings(dryRun ? "" : collection, nameOf(input), pipeline.modelId(),
                        threads == null ? Runtime.getRuntime().availableProcessors() : threads, maxInFlight, retries, choice,
                        unlabeledSubject);
                Progress bar = progressDisplay();
                RunReport report = new RunReport(about(labels, choice, journal), bar);
                IndexRun.Ending ending;
                try {
                    ending = new IndexRun(source, labels, pipeline, client, journal, settings, report, bar).run();
                } finally {
                    bar.close(); // before the report and the summary, which would garble it
                }
                return finish(report, ending);
            }
        }
    }

    /** The collection; null when it does not exist and {@code --create} was given. */
    private Collection existingCollection(FaceSearchClient client) {
        try {
            return client.describeCollection(collection);
        } catch (FaceSearchException e) {
            if (e.code() != StatusCode.NOT_FOUND) {
                throw e;
            }
            if (!create) {
                throw new FaceSearchException(e.code(), "collection '" + collection
                        + "' does not exist: create it (facesearch collections create) or pass --create", e);
            }
            return null;
        }
    }

    /** A collection for the embeddings this machine computes, whatever model the server runs (if any). */
    private Collection createCollection(FaceSearchClient client, FacePipeline pipeline) {
        try {
            return client.createCollection(CollectionSpec.named(collection).withModelId(pipeline.modelId())
                    .withEmbeddingDimension(pipeline.embeddingDimension()));
        } catch (FaceSearchException e) {
            if (e.code() == StatusCode.ALREADY_EXISTS) {
                return client.describeCollection(collection); // created meanwhile by someone else
            }
            throw e;
        }
    }

    /**
     * Opens the pipeline on a thread of its own with a large stack: ONNX Runtime's native library
     * runs its initialisers on the thread that first loads it, and they overflow the JVM's default
     * 1 MiB stack under some class paths (a SIGSEGV with no error report).
     */
    private FacePipeline openPipeline() throws InterruptedException {
        FacePipeline[] opened = new FacePipeline[1];
        RuntimeException[] failed = new RuntimeException[1];
        Thread loader = Thread.ofPlatform().name("pipeline-loader").stackSize(LOADER_STACK_BYTES).start(() -> {
            try {
                opened[0] = pipelines.get();
            } catch (RuntimeException e) {
                failed[0] = e;
            }
        });
        loader.join();
        if (failed[0] != null) {
            err().println("facesearch: cannot load the face models: " + failed[0].getMessage());
        }
        return opened[0];
    }

    private int finish(RunReport report, IndexRun.Ending ending) throws IOException {
        ObjectNode json = report.toJson();
        String text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
        if (reportFile != null) {
            Files.writeString(reportFile, text + "\n");
        } else {
            out().println(text);
            out().flush();
        }
        if (!quiet) {
            err().println((dryRun ? "dry run: would enrol " : "enrolled ") + report.summary()
                    + (ending == IndexRun.Ending.COMPLETED ? "" : "; stopped: " + json.path("error").asText()
                            + " - run the same command again to go on"));
            err().flush();
        }
        return switch (ending) {
            case SERVER_LOST -> ExitStatus.UNREACHABLE;
            case STOPPED -> ExitStatus.REFUSED;
            case COMPLETED -> report.hasRefusals() ? ExitStatus.BAD_PHOTO : ExitStatus.OK;
        };
    }

    // --- pieces ----------------------------------------------------------------------------------

    /** What decides the job's outcome: a journal is only ever continued by the same job. */
    private Map<String, String> identity(Labels labels, FaceChoice choice) throws IOException {
        Map<String, String> id = new LinkedHashMap<>();
        id.put("input", input.toRealPath().toString());
        id.put("server", server.server());
        id.put("collection", collection);
        id.put("labels", labels.kind());
        if (manifest != null) {
            id.put("manifest-sha256", ContentHash.of(Files.readAllBytes(manifest)).hex());
        }
        id.put("faces", selectionName(choice.labelled()) + "/" + selectionName(choice.unlabeled()));
        if (unlabeledSubject != null) {
            id.put("unlabeled-subject", unlabeledSubject);
        }
        return id;
    }

    private Journal openJournal(Map<String, String> identity) throws IOException {
        Path folder = journalDir != null ? journalDir : defaultJournalFolder();
        Journal journal = Journal.open(Journal.fileFor(folder, nameOf(input), collection, identity), identity);
        if (!quiet && journal.previous().records() > 0) {
            err().println("facesearch: resuming from " + journal.file() + ": " + journal.previous().records()
                    + " photos done by earlier runs" + (journal.previous().damaged() > 0
                            ? " (" + journal.previous().damaged() + " damaged lines skipped; their photos are sent again)" : ""));
            err().flush();
        }
        return journal;
    }

    static Path defaultJournalFolder() {
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() ? Path.of(state) : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("facesearch").resolve("journals");
    }

    private Map<String, Object> about(Labels labels, FaceChoice choice, Journal journal) {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("input", input.toString());
        about.put("collection", dryRun ? null : collection);
        about.put("server", dryRun ? null : server.server());
        about.put("dryRun", dryRun);
        about.put("labels", labels.kind());
        Map<String, String> selection = new LinkedHashMap<>();
        selection.put("labelled", selectionName(choice.labelled()));
        selection.put("unlabeled", selectionName(choice.unlabeled()));
        about.put("faceSelection", selection);
        about.put("journal", journal == null ? null : journal.file().toString());
        return about;
    }

    private Progress progressDisplay() {
        return !quiet && (progress || TerminalBar.onTerminal()) ? ProgressBarDisplay.on(err()) : Progress.NONE;
    }

    private int serverProblem(FaceSearchException e) {
        String target = server.server();
        err().println(switch (e.code()) {
            case UNAVAILABLE -> "facesearch: cannot reach FaceSearch server at " + target + ": " + e.serverMessage();
            case DEADLINE_EXCEEDED -> "facesearch: FaceSearch server at " + target + " did not answer in time (see --deadline)";
            default -> "facesearch: " + e.serverMessage() + " (" + e.code() + ")";
        });
        err().flush();
        return e.code() == StatusCode.UNAVAILABLE || e.code() == StatusCode.DEADLINE_EXCEEDED ? ExitStatus.UNREACHABLE : ExitStatus.REFUSED;
    }

    private int usage(String message) {
        err().println("facesearch index: " + message);
        err().flush();
        return ExitStatus.USAGE;
    }

    private static String selectionName(FaceSelection s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    private static String nameOf(Path p) {
        Path name = p.toAbsolutePath().normalize().getFileName();
        return name == null ? p.toString() : name.toString();
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
