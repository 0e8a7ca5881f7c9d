package io.facesearch.server.service;

import io.facesearch.face.Face;
import io.facesearch.quality.QualityGate;

/**
 * A face found in a query image and its matches.
 *
 * @param quality the face's quality measures and the enrolment gate's verdict on them, reported only
 */
public record ImageMatches(Face face, MatchList matches, QualityGate.Verdict quality) {
}
