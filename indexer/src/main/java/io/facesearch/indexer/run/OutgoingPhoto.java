package io.facesearch.indexer.run;

import io.facesearch.indexer.identity.FaceIdentity;
import java.util.List;
import java.util.Map;

/** The faces of one photo, ready to enrol. */
record OutgoingPhoto(PhotoRef photo, List<Face> faces) {

    OutgoingPhoto {
        faces = List.copyOf(faces);
    }

    /** One face: its ids, its embedding, and the metadata to keep with it. */
    record Face(FaceIdentity identity, float[] embedding, Map<String, String> metadata) {
    }
}
