package io.facesearch.server.api;

import io.facesearch.domain.StoreException;
import io.facesearch.server.service.CallDeadline;
import io.facesearch.server.service.FaceSearchException;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become gRPC statuses. Refusals the services explain
 * ({@link FaceSearchException}) keep their message; anything unexpected becomes INTERNAL with a
 * generic message, and is logged here, since its details are for operators, not callers.
 *
 * <p>A caller's mistake (every status but INTERNAL and UNKNOWN) is logged at DEBUG on one line,
 * without a stack trace: any caller can make as many as it likes, and the log must not be theirs to
 * fill. Only a failure of the server's own logs a stack trace, at ERROR. Descriptions are cut to
 * {@link #MAX_DESCRIPTION} characters, a bound that holds even for a message that quotes a caller's
 * value whole by mistake.
 */
public final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    /** Far below the 8 KiB of headers a gRPC client accepts; a sentence or two. */
    static final int MAX_DESCRIPTION = 1024;

    private ErrorMapper() {
    }

    public static Status toStatus(Throwable error) {
        Status status = switch (error) {
            case FaceSearchException e -> code(e.kind()).withDescription(bounded(e.getMessage()));
            case StatusRuntimeException e -> e.getStatus().withDescription(bounded(e.getStatus().getDescription()));
            // Thrown by value types (records, Lucene field checks) for malformed input.
            case IllegalArgumentException e -> Status.INVALID_ARGUMENT.withDescription(bounded(e.getMessage()));
            case StoreException e -> Status.INTERNAL.withDescription("storage failure; the request was not applied, retry it");
            default -> Status.INTERNAL.withDescription("internal error: " + error.getClass().getSimpleName());
        };
        if (logsStackTrace(status.getCode())) {
            LOG.error(error instanceof StoreException ? "storage failure" : "unexpected failure", error);
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("refused code={} message={}", status.getCode(), status.getDescription());
        }
        return status;
    }

    /** Whether a failure mapped to this code is the server's own, worth a stack trace in the log. */
    static boolean logsStackTrace(Status.Code code) {
        return code == Status.Code.INTERNAL || code == Status.Code.UNKNOWN;
    }

    private static String bounded(String description) {
        if (description == null || description.length() <= MAX_DESCRIPTION) {
            return description;
        }
        return description.substring(0, MAX_DESCRIPTION) + "…";
    }

    public static StatusRuntimeException toException(Throwable error) {
        return toStatus(error).asRuntimeException();
    }

    private static Status code(FaceSearchException.Kind kind) {
        return switch (kind) {
            case INVALID_ARGUMENT -> Status.INVALID_ARGUMENT;
            case NOT_FOUND -> Status.NOT_FOUND;
            case ALREADY_EXISTS -> Status.ALREADY_EXISTS;
            case RESOURCE_EXHAUSTED -> Status.RESOURCE_EXHAUSTED;
            case FAILED_PRECONDITION -> Status.FAILED_PRECONDITION;
        };
    }

    /** A gRPC deadline as the {@link System#nanoTime()} instant the services take ({@link CallDeadline}). */
    static long deadlineNanos(Deadline deadline) {
        return System.nanoTime() + deadline.timeRemaining(TimeUnit.NANOSECONDS);
    }

    /**
     * Answers a unary call with the value of {@code call}, or with the status of its failure. A call
     * whose deadline has passed, or that the client cancelled, is not started: its answer would be
     * thrown away. The call's deadline is handed to the services ({@link CallDeadline}), so that work
     * which cannot be done in time is refused at once.
     */
    public static <T> void respond(StreamObserver<T> observer, Supplier<T> call) {
        Context context = Context.current();
        Deadline deadline = context.getDeadline();
        if (context.isCancelled() || (deadline != null && deadline.isExpired())) {
            observer.onError(Status.DEADLINE_EXCEEDED.withDescription("the deadline passed before the work started; "
                    + (deadline == null ? "" : "allow more than " + deadline.timeRemaining(TimeUnit.MILLISECONDS) + " ms")).asRuntimeException());
            return;
        }
        T value;
        try {
            value = deadline == null ? call.get() : CallDeadline.within(deadlineNanos(deadline), call);
        } catch (RuntimeException e) {
            observer.onError(toException(e));
            return;
        }
        observer.onNext(value);
        observer.onCompleted();
    }
}
