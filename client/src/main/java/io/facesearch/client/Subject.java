package io.facesearch.client;

import java.time.Instant;

/**
 * An enrolled subject.
 *
 * @param subjectId the caller's id for the subject
 * @param faceCount how many faces it has
 * @param createTime when its first face was enrolled
 */
public record Subject(String subjectId, long faceCount, Instant createTime) {
}
