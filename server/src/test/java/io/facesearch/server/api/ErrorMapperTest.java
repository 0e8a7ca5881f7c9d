package io.facesearch.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.facesearch.server.service.FaceSearchException;
import io.grpc.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which failures are logged with a stack trace (the server's own), and that descriptions stay short. */
class ErrorMapperTest {

    @Test
    void onlyTheServersOwnFailuresLogAStackTrace() {
        for (Status.Code code : Status.Code.values()) {
            assertEquals(code == Status.Code.INTERNAL || code == Status.Code.UNKNOWN, ErrorMapper.logsStackTrace(code), code.name());
        }
        String refusal = logged(() -> ErrorMapper.toStatus(FaceSearchException.invalid("bad name")));
        assertFalse(refusal.contains("\tat "), refusal);
        String failure = logged(() -> ErrorMapper.toStatus(new IllegalStateException("bug")));
        assertTrue(failure.contains("ERROR") && failure.contains("\tat "), failure);
    }

    @Test
    void descriptionsAreBounded() {
        Status status = ErrorMapper.toStatus(new IllegalArgumentException("x".repeat(100_000)));
        assertEquals(Status.Code.INVALID_ARGUMENT, status.getCode());
        assertEquals(ErrorMapper.MAX_DESCRIPTION + 1, status.getDescription().length());
    }

    private static String logged(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
