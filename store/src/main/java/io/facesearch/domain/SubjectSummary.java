package io.facesearch.domain;

import java.time.Instant;

/** A subject and how many faces it has. */
public record SubjectSummary(String subjectId, long faceCount, Instant created) {
}
