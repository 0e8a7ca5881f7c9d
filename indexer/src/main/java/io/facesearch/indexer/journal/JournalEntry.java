package io.facesearch.indexer.journal;

import io.facesearch.indexer.identity.ContentHash;
import java.util.Objects;

/**
 * One photo the journal holds as done: its faces acknowledged by the server, or no face found.
 *
 * @param outcome what became of it
 * @param photo the photo's content hash: a rerun skips every photo with a hash in the journal
 * @param faces the faces enrolled; 0 for {@link Outcome#NO_FACE}
 * @param path where the photo was in the input, for people reading the journal
 */
public record JournalEntry(Outcome outcome, ContentHash photo, int faces, String path) {

    public JournalEntry {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(path, "path");
        if (outcome == Outcome.ENROLLED ? faces < 1 : faces != 0) {
            throw new IllegalArgumentException(outcome + " with " + faces + " faces");
        }
    }

    /** What became of a photo, with its one-letter code in the journal. */
    public enum Outcome {
        /** Every selected face was acknowledged as durable by the server. */
        ENROLLED('E'),
        /** The pipeline found no face: nothing to send, nothing to redo. */
        NO_FACE('N');

        final char code;

        Outcome(char code) {
            this.code = code;
        }

        static Outcome of(char code) {
            for (Outcome o : values()) {
                if (o.code == code) {
                    return o;
                }
            }
            return null;
        }
    }
}
