package io.facesearch.indexer.label;

import java.util.Map;
import java.util.Objects;

/** Who a photo shows, as the input says: a subject, nobody known yet, or a reason it cannot be told. */
public sealed interface Label {

    /** The caller's data for every face of the photo (a manifest's extra columns); empty when none. */
    Map<String, String> metadata();

    /** A photo of one known person. */
    record Subject(String id, Map<String, String> metadata) implements Label {
        public Subject {
            Objects.requireNonNull(id, "id");
            metadata = Map.copyOf(metadata);
        }
    }

    /** A photo of people not named yet: its faces are stored for later clustering. */
    record Unlabeled(Map<String, String> metadata) implements Label {
        public Unlabeled {
            metadata = Map.copyOf(metadata);
        }
    }

    /**
     * A photo the labels cannot place; it is reported and not indexed.
     *
     * @param reason a short upper-case code the report groups by
     * @param message a sentence for people
     */
    record Unusable(String reason, String message) implements Label {
        @Override
        public Map<String, String> metadata() {
            return Map.of();
        }
    }
}
