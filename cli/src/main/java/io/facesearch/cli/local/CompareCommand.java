package io.facesearch.cli.local;

import io.facesearch.cli.ExitStatus;
import io.facesearch.compare.DistanceMetric;
import io.facesearch.compare.MatchThreshold;
import io.facesearch.face.Face;
import io.facesearch.pipeline.FacePipeline;
import io.facesearch.render.ComparisonPicture;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Draw two photos side by side with every face boxed and coloured by how well it matches",
            "the best face of the other photo: red (0 %) through yellow (50 %, the threshold) to green (100 %).",
            "Exit status: 0 when written, 3 when a photo is unreadable or has no face."})
public final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A")
    Path first;

    @Parameters(index = "1", paramLabel = "B")
    Path second;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.jpg",
            description = "Picture to write (JPEG or PNG by extension).")
    Path output;

    @Option(names = "--metric", defaultValue = "euclidean", paramLabel = "euclidean|cosine")
    DistanceMetric metric;

    @Mixin
    PipelineOptions pipeline;

    @Override
    public Integer call() throws Exception {
        MatchThreshold t = MatchThreshold.defaultFor(metric);
        try (FacePipeline p = pipeline.open()) {
            PhotoFaces a = PhotoFaces.load(p, first);
            PhotoFaces b = PhotoFaces.load(p, second);
            ComparisonPicture picture = new ComparisonPicture(t);
            picture.write(a.bytes(), a.image().faces(), b.bytes(), b.image().faces(), output);
            for (Face f : a.image().faces()) {
                System.out.printf("A face at %.0f,%.0f: similarity %.2f%%%n", f.box().x(), f.box().y(),
                        picture.bestSimilarity(f, b.image().faces()));
            }
            for (Face f : b.image().faces()) {
                System.out.printf("B face at %.0f,%.0f: similarity %.2f%%%n", f.box().x(), f.box().y(),
                        picture.bestSimilarity(f, a.image().faces()));
            }
            System.out.println("wrote " + output);
            return ExitStatus.OK;
        } catch (PhotoFaces.Unusable e) {
            System.err.println(e.getMessage());
            return ExitStatus.BAD_PHOTO;
        }
    }
}
