package io.facesearch.indexer.run;

import io.facesearch.indexer.identity.ContentHash;
import io.facesearch.indexer.label.Label;

/**
 * A photo of the input as it moves through the run, without its bytes.
 *
 * @param path its path in the input
 * @param hash its content hash
 * @param label a {@link Label.Subject} or a {@link Label.Unlabeled}
 */
public record PhotoRef(String path, ContentHash hash, Label label) {
}
