package io.facesearch.server.service;

import io.facesearch.face.Face;

/** A face found in a query image and its matches. */
public record ImageMatches(Face face, MatchList matches) {
}
