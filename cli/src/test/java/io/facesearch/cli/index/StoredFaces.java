package io.facesearch.cli.index;

import io.facesearch.client.Face;
import io.facesearch.client.FaceQuery;
import io.facesearch.client.FaceSearchClient;
import java.util.List;

/** Every face of a collection, as the server stores it. */
final class StoredFaces {

    private StoredFaces() {
    }

    static List<Face> of(FaceSearchClient client, String collection) {
        return client.allFaces(FaceQuery.in(collection).withPageSize(1000).withEmbeddings(true)).toList();
    }
}
