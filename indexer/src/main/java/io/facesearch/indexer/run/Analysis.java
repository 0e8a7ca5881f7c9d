package io.facesearch.indexer.run;

import io.facesearch.face.Face;
import java.util.List;

/** What the pipeline made of a photo. */
sealed interface Analysis {

    PhotoRef photo();

    /**
     * Faces to enrol.
     *
     * @param chosen the faces the selection keeps, main face first
     */
    record Faces(PhotoRef photo, int width, int height, List<Face> chosen) implements Analysis {
        public Faces {
            chosen = List.copyOf(chosen);
        }
    }

    /** The photo holds no face. */
    record NoFace(PhotoRef photo) implements Analysis {
    }

    /** The photo was not analysed: the run is stopping. */
    record NotAnalysed(PhotoRef photo) implements Analysis {
    }

    /** The photo cannot be indexed; {@code reason} is the report's group. */
    record Refused(PhotoRef photo, String reason, String message) implements Analysis {
    }
}
