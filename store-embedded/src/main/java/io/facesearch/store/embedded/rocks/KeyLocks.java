package io.facesearch.store.embedded.rocks;

import java.util.Collection;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Striped locks over strings (subject ids, request ids). A writer that reads a subject's face
 * count or a request id's record and then writes it holds the stripe for the whole
 * read-check-write, so two writers cannot both create a subject or both enrol one request.
 * Several stripes are always taken in ascending order, so writers never deadlock.
 */
final class KeyLocks {
    /** Enough stripes that unrelated writers rarely share one; 4096 locks cost ~200 KiB. */
    private static final int STRIPES = 4096;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    KeyLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** Locks the stripes of every key; closing the result unlocks them. */
    Held lock(Collection<String> keys) {
        TreeSet<Integer> stripes = new TreeSet<>();
        for (String key : keys) {
            stripes.add(Math.floorMod(key.hashCode() * 0x9E3779B9, STRIPES));
        }
        int[] held = new int[stripes.size()];
        int n = 0;
        for (int stripe : stripes) {
            locks[stripe].lock();
            held[n++] = stripe;
        }
        return new Held(held);
    }

    final class Held implements AutoCloseable {
        private final int[] stripes;

        private Held(int[] stripes) {
            this.stripes = stripes;
        }

        @Override
        public void close() {
            for (int i = stripes.length - 1; i >= 0; i--) {
                locks[stripes[i]].unlock();
            }
        }
    }
}
