package io.facesearch.server.api;

import io.facesearch.api.v1.VerificationServiceGrpc;
import io.facesearch.api.v1.VerifyRequest;
import io.facesearch.api.v1.VerifyResponse;
import io.facesearch.server.service.Verification;
import io.facesearch.server.service.VerificationService;
import io.grpc.stub.StreamObserver;

/** The VerificationService RPC. */
public final class VerificationHandler extends VerificationServiceGrpc.VerificationServiceImplBase {
    private final VerificationService verification;

    public VerificationHandler(VerificationService verification) {
        this.verification = verification;
    }

    @Override
    public void verify(VerifyRequest request, StreamObserver<VerifyResponse> response) {
        ErrorMapper.respond(response, () -> {
            Verification v = verification.verify(MessageMapper.faceReference(request.getFirst(), "first"),
                    MessageMapper.faceReference(request.getSecond(), "second"), request.getCollection(),
                    MessageMapper.metric(request.getMetric()), request.getThreshold(), request.getModelId());
            return MessageMapper.verifyResponse(v);
        });
    }
}
