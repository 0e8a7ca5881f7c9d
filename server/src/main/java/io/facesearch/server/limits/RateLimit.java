package io.facesearch.server.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket per caller ({@link Caller}): each call takes a token, the bucket holds {@code burst}
 * and refills at {@code perSecond}; a call that finds it empty is refused with RESOURCE_EXHAUSTED, a
 * message that states the limit and how long until the next token. An {@code EnrollStream} is one call
 * however many items it carries: its items are bounded by the stream's window instead.
 *
 * <p>The buckets are Bucket4j's and live in a Caffeine cache bounded in size, so a flood of callers
 * (addresses) cannot grow it without limit; a bucket unused long enough to have refilled is dropped,
 * which loses nothing, since a new one starts full.
 */
public final class RateLimit implements ServerInterceptor {
    /** Callers tracked at once: about 100 bytes each. Beyond it the least recently seen are forgotten. */
    private static final long MAX_CALLERS = 100_000;

    private final int perSecond;
    private final int burst;
    private final Cache<String, Bucket> buckets;

    public RateLimit(int perSecond, int burst) {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs a rate and a burst of at least 1, got " + perSecond + "/s and " + burst);
        }
        this.perSecond = perSecond;
        this.burst = burst;
        // A full bucket refills in burst / perSecond seconds; kept a minute at least.
        Duration refill = Duration.ofMillis(Math.max(60_000L, 1000L * burst / perSecond + 1000));
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_CALLERS).expireAfterAccess(refill).build();
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        Bucket bucket = buckets.get(Caller.of(call, headers), key -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return next.startCall(call, headers);
        }
        long waitMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(probe.getNanosToWaitForRefill()));
        call.close(Status.RESOURCE_EXHAUSTED.withDescription("rate limit: at most " + perSecond + " calls per second per caller, in bursts of up to "
                + burst + " (limits.rate.per.second, limits.rate.burst); retry in " + waitMillis + " ms"), new Metadata());
        return new ServerCall.Listener<>() {
        };
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)).build()).build();
    }
}
