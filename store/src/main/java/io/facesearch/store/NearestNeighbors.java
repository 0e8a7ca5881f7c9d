package io.facesearch.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.UUID;

/**
 * The {@code k} nearest of the faces offered to it, for a search that compares a query with every
 * face: it holds k neighbours at a time, not one per face. Not thread-safe; one per search.
 */
public final class NearestNeighbors {
    private final int k;
    private final PriorityQueue<Neighbor> worstFirst;

    public NearestNeighbors(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        this.k = k;
        this.worstFirst = new PriorityQueue<>(k, Comparator.comparingDouble(Neighbor::distance).reversed());
    }

    /** Keeps the face if it is among the k nearest offered so far. */
    public void offer(UUID faceId, float distance) {
        if (worstFirst.size() < k) {
            worstFirst.add(new Neighbor(faceId, distance));
        } else if (distance < worstFirst.peek().distance()) {
            worstFirst.poll();
            worstFirst.add(new Neighbor(faceId, distance));
        }
    }

    /** The faces kept, nearest first. */
    public List<Neighbor> nearestFirst() {
        List<Neighbor> sorted = new ArrayList<>(worstFirst);
        sorted.sort(Comparator.comparingDouble(Neighbor::distance));
        return sorted;
    }
}
