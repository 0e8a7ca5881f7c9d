package io.facesearch.client;

/** Probability of each facial expression; the seven sum to 1. {@code dominant} names the most probable. */
public record Expressions(float neutral, float happy, float sad, float angry, float fearful, float disgusted,
        float surprised, String dominant) {
}
