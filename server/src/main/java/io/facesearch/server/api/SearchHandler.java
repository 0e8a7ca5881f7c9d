package io.facesearch.server.api;

import io.facesearch.api.v1.FaceMatches;
import io.facesearch.api.v1.SearchByEmbeddingRequest;
import io.facesearch.api.v1.SearchByFaceIdRequest;
import io.facesearch.api.v1.SearchRequest;
import io.facesearch.api.v1.SearchResponse;
import io.facesearch.api.v1.SearchResult;
import io.facesearch.api.v1.SearchServiceGrpc;
import io.facesearch.server.service.ImageMatches;
import io.facesearch.server.service.SearchService;
import io.grpc.stub.StreamObserver;

/** The SearchService RPCs. */
public final class SearchHandler extends SearchServiceGrpc.SearchServiceImplBase {
    private final SearchService search;

    public SearchHandler(SearchService search) {
        this.search = search;
    }

    @Override
    public void search(SearchRequest request, StreamObserver<SearchResponse> response) {
        ErrorMapper.respond(response, () -> {
            SearchResponse.Builder b = SearchResponse.newBuilder();
            for (ImageMatches m : search.searchImage(request.getCollection(), request.getImage().toByteArray(),
                    MessageMapper.searchOptions(request.getOptions()))) {
                b.addResults(SearchResult.newBuilder().setFace(MessageMapper.detectedFace(m.face(), false, m.quality()))
                        .setMatches(MessageMapper.faceMatches(m.matches())));
            }
            return b.build();
        });
    }

    @Override
    public void searchByEmbedding(SearchByEmbeddingRequest request, StreamObserver<FaceMatches> response) {
        ErrorMapper.respond(response, () -> MessageMapper.faceMatches(search.searchEmbedding(request.getCollection(),
                MessageMapper.embedding(request.getEmbedding()), MessageMapper.searchOptions(request.getOptions()), request.getModelId())));
    }

    @Override
    public void searchByFaceId(SearchByFaceIdRequest request, StreamObserver<FaceMatches> response) {
        ErrorMapper.respond(response, () -> MessageMapper.faceMatches(search.searchFaceId(request.getCollection(),
                MessageMapper.faceId(request.getFaceId()), MessageMapper.searchOptions(request.getOptions()))));
    }
}
