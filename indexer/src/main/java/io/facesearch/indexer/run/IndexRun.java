package io.facesearch.indexer.run;

import io.facesearch.client.FaceSearchClient;
import io.facesearch.face.Face;
import io.facesearch.image.InvalidImageException;
import io.facesearch.indexer.identity.ContentHash;
import io.facesearch.indexer.identity.FaceIdentity;
import io.facesearch.indexer.journal.Journal;
import io.facesearch.indexer.journal.JournalEntry;
import io.facesearch.indexer.label.Label;
import io.facesearch.indexer.label.Labels;
import io.facesearch.indexer.progress.Progress;
import io.facesearch.indexer.report.RunReport;
import io.facesearch.indexer.source.ImageSource;
import io.facesearch.indexer.source.SourceEntry;
import io.facesearch.pipeline.FacePipeline;
import io.facesearch.pipeline.FaceSelection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One run of the indexer over an input. Three stages overlap, joined by bounded queues so that
 * memory stays flat however large the input:
 *
 * <pre>
 * reader (the calling thread)   reads each file, labels it, hashes it, skips what is done or a copy
 *    | tasks: 2 photos per worker, with their bytes
 * workers (threads)             decode, detect, embed: the pipeline
 *    | results: 4 per worker, embeddings only
 * sender (one thread)           hands faces to the server stream, which blocks at maxInFlight
 *    : acknowledgements (gRPC's thread) write the journal and the report
 * </pre>
 *
 * <p>A photo is journaled only once every face of it is acknowledged, so what a crash leaves out
 * is sent again, with the same request ids, and never stored twice.
 */
public final class IndexRun implements SinkListener {
    /** Photos above this are refused unread; the decoder refuses far smaller images anyway. */
    public static final int MAX_PHOTO_BYTES = 64 << 20;
    /** Photos read ahead per worker: enough to keep every worker busy while the reader hashes. */
    private static final int TASKS_PER_WORKER = 2;
    /** Results waiting per worker: absorbs a pause of the stream without stalling the pipeline. */
    private static final int RESULTS_PER_WORKER = 4;
    /** Marks the end of the tasks and of the results. */
    private static final Object END = new Object();

    private final ImageSource source;
    private final Labels labels;
    private final FacePipeline pipeline;
    private final Journal journal;
    private final RunSettings settings;
    private final RunReport report;
    private final Progress progress;
    private final FaceSink sink;
    private final Set<ContentHash> doneBefore;
    private final Map<ContentHash, String> seen = new HashMap<>();
    private final BlockingQueue<Object> tasks;
    private final BlockingQueue<Object> results;
    private volatile boolean stopping;
    private volatile boolean serverLost;
    /** The last entry the reader met, to say where a damaged input stopped; the reader's own. */
    private String lastPath;
    /** Workers whose end the sender has seen; the sender's own. */
    private int workersEnded;

    /**
     * @param client the server, or null for a dry run (nothing sent)
     * @param journal the job's journal, or null for a dry run (nothing remembered)
     */
    public IndexRun(ImageSource source, Labels labels, FacePipeline pipeline, FaceSearchClient client, Journal journal,
            RunSettings settings, RunReport report, Progress progress) {
        this.source = source;
        this.labels = labels;
        this.pipeline = pipeline;
        this.journal = journal;
        this.settings = settings;
        this.report = report;
        this.progress = progress;
        this.doneBefore = journal == null ? Set.of() : journal.done();
        this.sink = client == null ? new DryRunSink(this)
                : new ServerSink(client, settings.collection(), settings.modelId(), settings.maxInFlight(), settings.retries(), this);
        this.tasks = new ArrayBlockingQueue<>(settings.threads() * TASKS_PER_WORKER);
        this.results = new ArrayBlockingQueue<>(settings.threads() * RESULTS_PER_WORKER);
    }

    /** How a run ended; the details are in the report. */
    public enum Ending {
        /** Every photo of the input has an outcome. */
        COMPLETED,
        /** The server went away and did not come back; the rest is for the next run. */
        SERVER_LOST,
        /** The run stopped for another reason: the journal could not be written, an internal error. */
        STOPPED
    }

    /** Indexes the input; what became of each photo is in the report. */
    public Ending run() throws InterruptedException {
        report.start();
        startCounting();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < settings.threads(); i++) {
            workers.add(Thread.ofPlatform().name("index-worker-" + i).start(this::work));
        }
        Thread sender = Thread.ofPlatform().name("index-sender").start(this::sendAll);
        boolean readToEnd = false;
        try {
            source.forEach(this::read);
            readToEnd = !stopping;
        } catch (IOException e) {
            report.inputError("cannot read " + source.path() + (lastPath == null ? "" : " after " + lastPath) + ": " + describe(e));
        } finally {
            for (int i = 0; i < workers.size(); i++) {
                tasks.put(END);
            }
            for (Thread w : workers) {
                w.join();
            }
            sender.join();
        }
        if (readToEnd) {
            report.missing(labels.unseen());
        }
        report.finish();
        return serverLost ? Ending.SERVER_LOST : stopping ? Ending.STOPPED : Ending.COMPLETED;
    }

    /** Counts the photos for the progress bar, beside the real work (a tar is read twice). */
    private void startCounting() {
        if (labels.listed() >= 0) {
            progress.total(labels.listed());
            return;
        }
        Thread.ofPlatform().daemon().name("index-count").start(() -> {
            try {
                progress.total(source.count(labels::accepts));
            } catch (IOException | RuntimeException e) {
                // The bar goes without a total; the run reports the input's problems itself.
            }
        });
    }

    // --- reader --------------------------------------------------------------------------------

    private boolean read(SourceEntry entry) throws InterruptedException {
        if (stopping) {
            return false;
        }
        String path = entry.path();
        lastPath = path;
        if (entry.failure() != null) {
            report.read();
            report.refused(path, "UNREADABLE", describe(entry.failure()));
            return true;
        }
        Label label = labels.labelOf(path);
        if (label == null) {
            report.ignored();
            return true;
        }
        report.read();
        if (label instanceof Label.Unusable u) {
            report.refused(path, u.reason(), u.message());
            return true;
        }
        byte[] bytes;
        try {
            bytes = entry.read(MAX_PHOTO_BYTES);
        } catch (SourceEntry.EntryTooLargeException e) {
            report.refused(path, "TOO_LARGE", e.getMessage());
            return true;
        } catch (IOException e) {
            report.refused(path, "UNREADABLE", describe(e));
            return true;
        }
        ContentHash hash = ContentHash.of(bytes);
        if (doneBefore.contains(hash)) {
            report.indexedBefore();
            return true;
        }
        String first = seen.putIfAbsent(hash, path);
        if (first != null) {
            report.duplicate(path, first);
            return true;
        }
        tasks.put(new ImageTask(new PhotoRef(path, hash, label), bytes));
        return true;
    }

    // --- workers -------------------------------------------------------------------------------

    private void work() {
        try {
            for (Object next; (next = tasks.take()) != END;) {
                ImageTask task = (ImageTask) next;
                results.put(stopping ? new Analysis.NotAnalysed(task.photo()) : analyze(task));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            putEnd();
        }
    }

    private void putEnd() {
        try {
            results.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Analysis analyze(ImageTask task) {
        PhotoRef photo = task.photo();
        FaceSelection selection = settings.faces().selectionFor(photo.label());
        try {
            FacePipeline.AnalyzedImage image = pipeline.analyze(task.bytes(), settings.faces().optionsFor(selection));
            if (image.faces().isEmpty()) {
                return new Analysis.NoFace(photo);
            }
            List<Face> chosen = FaceChoice.choose(selection, image.faces());
            if (chosen == null) {
                return new Analysis.Refused(photo, "SEVERAL_FACES", "the photo holds several faces and the selection is fail_if_several");
            }
            return new Analysis.Faces(photo, image.width(), image.height(), chosen);
        } catch (InvalidImageException e) {
            return new Analysis.Refused(photo, e.reason().name(), e.getMessage());
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // One photo that breaks the pipeline (or is too big for the heap) must not end the run.
            return new Analysis.Refused(photo, "PIPELINE_ERROR", e.toString());
        }
    }

    // --- sender --------------------------------------------------------------------------------

    private void sendAll() {
        try {
            takeResults();
            if (!stopping) {
                sink.finish();
            }
        } catch (FaceSink.SinkFailedException e) {
            serverLost = true;
            stop(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop("interrupted");
        } catch (RuntimeException | Error e) {
            // Keep draining below: the workers would otherwise wait forever to hand over their results.
            stop("internal error: " + e);
        }
        if (stopping) {
            try {
                // The workers must be able to finish: every result still coming is left for the next run.
                takeResults();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sink.abandon();
        }
    }

    /** Handles results until every worker has ended. */
    private void takeResults() throws InterruptedException {
        while (workersEnded < settings.threads()) {
            Object next = results.take();
            if (next == END) {
                workersEnded++;
            } else {
                handle((Analysis) next);
            }
        }
    }

    private void handle(Analysis analysis) throws InterruptedException {
        PhotoRef photo = analysis.photo();
        switch (analysis) {
            case Analysis.NotAnalysed n -> report.notSent(photo.path());
            case Analysis.Refused r -> report.refused(photo.path(), r.reason(), r.message());
            case Analysis.NoFace n -> {
                record(new JournalEntry(JournalEntry.Outcome.NO_FACE, photo.hash(), 0, photo.path()));
                report.noFace();
            }
            case Analysis.Faces f -> {
                if (stopping) {
                    report.notSent(photo.path());
                } else {
                    sink.send(outgoing(f));
                }
            }
        }
    }

    private OutgoingPhoto outgoing(Analysis.Faces photo) {
        Label label = photo.photo().label();
        String subject = label instanceof Label.Subject s ? s.id() : settings.unlabeledSubject();
        List<OutgoingPhoto.Face> faces = new ArrayList<>();
        for (int rank = 0; rank < photo.chosen().size(); rank++) {
            Face face = photo.chosen().get(rank);
            faces.add(new OutgoingPhoto.Face(FaceIdentity.of(photo.photo().hash(), subject, rank), face.embedding().toArray(),
                    FaceMetadata.of(settings.archiveName(), photo, rank, label.metadata())));
        }
        return new OutgoingPhoto(photo.photo(), faces);
    }

    // --- what becomes of each photo (from the sink's threads) -----------------------------------

    @Override
    public void stored(PhotoRef photo, int faces, int alreadyStored) {
        record(new JournalEntry(JournalEntry.Outcome.ENROLLED, photo.hash(), faces, photo.path()));
        report.enrolled(faces, alreadyStored);
    }

    @Override
    public void refused(PhotoRef photo, String reason, String message) {
        report.refused(photo.path(), reason, message);
    }

    @Override
    public void lost(PhotoRef photo) {
        report.notSent(photo.path());
    }

    @Override
    public void reconnecting(String why) {
        report.reconnecting();
    }

    private void record(JournalEntry entry) {
        if (journal == null) {
            return;
        }
        try {
            journal.append(entry);
        } catch (UncheckedIOException e) {
            stop(e.getMessage() + ": " + describe(e.getCause()));
        }
    }

    private void stop(String why) {
        report.fail(why);
        stopping = true;
    }

    private static String describe(IOException e) {
        return switch (e) {
            case NoSuchFileException x -> "no such file: " + x.getFile();
            case AccessDeniedException x -> "permission denied: " + x.getFile();
            default -> e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
