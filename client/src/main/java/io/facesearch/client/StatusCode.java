package io.facesearch.client;

import io.grpc.Status;

/**
 * Why a call failed, as {@link FaceSearchException#code()} tells it: the canonical status codes of
 * the FaceSearch API, with their gRPC names, so that callers need no gRPC type. The server uses
 * NOT_FOUND (unknown collection, subject or face), INVALID_ARGUMENT (bad photo, wrong embedding
 * length), ALREADY_EXISTS, RESOURCE_EXHAUSTED and FAILED_PRECONDITION; the client itself reports
 * UNAVAILABLE (server unreachable), DEADLINE_EXCEEDED and CANCELLED.
 */
public enum StatusCode {
    CANCELLED,
    UNKNOWN,
    INVALID_ARGUMENT,
    DEADLINE_EXCEEDED,
    NOT_FOUND,
    ALREADY_EXISTS,
    PERMISSION_DENIED,
    RESOURCE_EXHAUSTED,
    FAILED_PRECONDITION,
    ABORTED,
    OUT_OF_RANGE,
    UNIMPLEMENTED,
    INTERNAL,
    UNAVAILABLE,
    DATA_LOSS,
    UNAUTHENTICATED;

    /** The one place gRPC's codes become the SDK's; OK, which no failure carries, reads as UNKNOWN. */
    static StatusCode of(Status.Code code) {
        return switch (code) {
            case OK, UNKNOWN -> UNKNOWN;
            case CANCELLED -> CANCELLED;
            case INVALID_ARGUMENT -> INVALID_ARGUMENT;
            case DEADLINE_EXCEEDED -> DEADLINE_EXCEEDED;
            case NOT_FOUND -> NOT_FOUND;
            case ALREADY_EXISTS -> ALREADY_EXISTS;
            case PERMISSION_DENIED -> PERMISSION_DENIED;
            case RESOURCE_EXHAUSTED -> RESOURCE_EXHAUSTED;
            case FAILED_PRECONDITION -> FAILED_PRECONDITION;
            case ABORTED -> ABORTED;
            case OUT_OF_RANGE -> OUT_OF_RANGE;
            case UNIMPLEMENTED -> UNIMPLEMENTED;
            case INTERNAL -> INTERNAL;
            case UNAVAILABLE -> UNAVAILABLE;
            case DATA_LOSS -> DATA_LOSS;
            case UNAUTHENTICATED -> UNAUTHENTICATED;
        };
    }
}
