package io.facesearch.server.api;

import io.facesearch.api.v1.DetectRequest;
import io.facesearch.api.v1.DetectResponse;
import io.facesearch.api.v1.DetectionServiceGrpc;
import io.facesearch.face.Face;
import io.facesearch.pipeline.FacePipeline;
import io.facesearch.server.service.DetectionService;
import io.grpc.stub.StreamObserver;

/** The DetectionService RPC. */
public final class DetectionHandler extends DetectionServiceGrpc.DetectionServiceImplBase {
    private final DetectionService detection;

    public DetectionHandler(DetectionService detection) {
        this.detection = detection;
    }

    @Override
    public void detect(DetectRequest request, StreamObserver<DetectResponse> response) {
        ErrorMapper.respond(response, () -> {
            FacePipeline.AnalyzedImage image = detection.detect(request.getImage().toByteArray(), request.getExpressions(),
                    request.getEmbeddings(), request.getMaxFaces());
            DetectResponse.Builder b = DetectResponse.newBuilder().setImageWidth(image.width()).setImageHeight(image.height())
                    .setModelId(detection.modelId());
            for (Face face : image.faces()) {
                b.addFaces(MessageMapper.detectedFace(face, request.getEmbeddings()));
            }
            return b.build();
        });
    }
}
