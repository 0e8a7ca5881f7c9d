/** Who each photo shows: from its folder, from a CSV manifest, or nobody known yet. */
package io.facesearch.indexer.label;
