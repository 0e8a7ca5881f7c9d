package io.facesearch.server.api;

import io.facesearch.api.v1.DetectRequest;
import io.facesearch.api.v1.DetectResponse;
import io.facesearch.api.v1.DetectionServiceGrpc;
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
            DetectionService.Detected detected = detection.detect(request.getImage().toByteArray(), request.getExpressions(),
                    request.getEmbeddings(), request.getMaxFaces());
            FacePipeline.AnalyzedImage image = detected.image();
            DetectResponse.Builder b = DetectResponse.newBuilder().setImageWidth(image.width()).setImageHeight(image.height())
                    .setModelId(detection.modelId());
            for (int i = 0; i < image.faces().size(); i++) {
                b.addFaces(MessageMapper.detectedFace(image.faces().get(i), request.getEmbeddings(), detected.quality().get(i)));
            }
            return b.build();
        });
    }
}
