/**
 * Open-set identification (1:N): from the faces an index returns for a probe to an answer about
 * subjects. {@link io.facesearch.identify.SubjectCandidates} groups the face hits per subject,
 * {@link io.facesearch.identify.OpenSetRule} decides {@code identified} or {@code unknown} with a
 * calibrated confidence, and {@link io.facesearch.identify.ImpostorScores} turns a target false
 * positive identification rate (FPIR) into the rule's threshold. The JDK alone, so that the server
 * and the command line's {@code eval identification} run the same code. Measurements and the
 * calibration are in docs/accuracy.md ("Identification (1:N)").
 */
package io.facesearch.identify;
