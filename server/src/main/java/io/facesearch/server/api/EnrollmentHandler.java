package io.facesearch.server.api;

import io.facesearch.api.v1.EnrollAck;
import io.facesearch.api.v1.EnrollRequest;
import io.facesearch.api.v1.EnrollResponse;
import io.facesearch.api.v1.EnrollmentServiceGrpc;
import io.facesearch.server.service.EnrollmentService;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.Executor;

/** The EnrollmentService RPCs. */
public final class EnrollmentHandler extends EnrollmentServiceGrpc.EnrollmentServiceImplBase {
    private final EnrollmentService enrollment;
    private final Executor streamExecutor;
    private final int streamWindow;
    private final int maxItemBytes;

    /**
     * @param streamExecutor runs the storing of streamed batches, one task per busy stream
     * @param streamWindow items each stream may have in flight (read but not acknowledged)
     */
    public EnrollmentHandler(EnrollmentService enrollment, Executor streamExecutor, int streamWindow) {
        this(enrollment, streamExecutor, streamWindow, Integer.MAX_VALUE);
    }

    /** @param maxItemBytes the largest EnrollStream item stored ({@code max.message.bytes}); larger ones are refused one by one */
    public EnrollmentHandler(EnrollmentService enrollment, Executor streamExecutor, int streamWindow, int maxItemBytes) {
        this.enrollment = enrollment;
        this.streamExecutor = streamExecutor;
        this.streamWindow = streamWindow;
        this.maxItemBytes = maxItemBytes;
    }

    @Override
    public void enroll(EnrollRequest request, StreamObserver<EnrollResponse> response) {
        ErrorMapper.respond(response, () -> MessageMapper.enrollResponse(enrollment.enroll(MessageMapper.enrollment(request))));
    }

    @Override
    public StreamObserver<EnrollRequest> enrollStream(StreamObserver<EnrollAck> responses) {
        return new EnrollStreamCall(responses, enrollment, streamExecutor, streamWindow, maxItemBytes);
    }
}
