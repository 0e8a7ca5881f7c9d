package io.facesearch.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

/** The SDK's status codes name gRPC's one for one, so a caller reads the same words with no gRPC type. */
class StatusCodeTest {

    @Test
    void everyFailureCodeOfGrpcHasItsNamesake() {
        for (Status.Code code : Status.Code.values()) {
            if (code != Status.Code.OK) {
                assertEquals(code.name(), StatusCode.of(code).name());
            }
        }
        assertEquals(StatusCode.UNKNOWN, StatusCode.of(Status.Code.OK), "no failure carries OK");
        assertEquals(Status.Code.values().length - 1, StatusCode.values().length);
    }

    @Test
    void aGrpcFailureBecomesAnExceptionWithTheSdksCode() {
        FaceSearchException e = FaceSearchException.of(new StatusRuntimeException(Status.NOT_FOUND.withDescription("no collection 'x'")));
        assertEquals(StatusCode.NOT_FOUND, e.code());
        assertEquals("no collection 'x'", e.serverMessage());
        assertEquals("NOT_FOUND: no collection 'x'", e.getMessage());
    }
}
