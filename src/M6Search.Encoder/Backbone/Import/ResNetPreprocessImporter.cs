namespace M6Search.Encoder.Backbone.Import;

/// <summary>
/// Reads the package's ResNetPreprocess.onnx and checks that it is what <see cref="Preprocessing.ResNetPreprocess"/>
/// computes: Split the RGB input into its three channels, Concat them as B, G, R, and Sub a stored mean image
/// (per pixel, in BGR order, on the 0-255 scale). Returns that mean image.
/// </summary>
public static class ResNetPreprocessImporter
{
    /// <summary>The stored mean image, [1, 3, H, W] (BGR), and its side lengths.</summary>
    /// <exception cref="BackboneImportException">The file is missing, unreadable or computes something else.</exception>
    public static OnnxFloatTensor ImportMeanImage(string path)
    {
        var model = OnnxModelFile.Read(path);
        var graph = new OnnxGraphIndex(model.Graph, path);
        string input = graph.DataInput();
        var readers = graph.ConsumersOf(input);
        if (readers is not [{ OpType: "Split" } split] || split.Output.Count != 3 || OnnxAttributes.Int(split, "axis", 0) != 1)
        {
            throw graph.Fail($"expected the input to be read by one Split into its 3 channels along axis 1, found {OnnxGraphIndex.Describe(readers)}.");
        }

        graph.MarkMatched(split, "Split", "the channel split");

        string[] rgb = [split.Output[0], split.Output[1], split.Output[2]];
        var concat = graph.ConsumersOf(rgb[0]);
        if (concat is not [{ OpType: "Concat" } concatNode] || OnnxAttributes.Int(concatNode, "axis", 0) != 1 ||
            !concatNode.Input.SequenceEqual([rgb[2], rgb[1], rgb[0]]))
        {
            throw graph.Fail("expected a Concat along axis 1 that reverses the split channels (RGB to BGR).");
        }

        graph.MarkMatched(concatNode, "Concat", "the BGR concatenation");
        var sub = graph.SingleConsumer(concatNode.Output[0], "Sub", "the mean subtraction");
        if (sub.Input.Count != 2 || sub.Input[0] != concatNode.Output[0])
        {
            throw graph.Fail($"the Sub '{sub.Name}' should subtract the stored mean image from the BGR input.");
        }

        var mean = graph.Initializer(sub, 1, "the mean image");
        if (mean.Shape is not [1, 3, > 0, > 0])
        {
            throw graph.Fail($"the mean image '{mean.Name}' has shape {mean.ShapeText}; expected [1, 3, H, W].");
        }

        if (!graph.IsGraphOutput(sub.Output[0]))
        {
            throw graph.Fail($"the mean subtraction's output '{sub.Output[0]}' is not the graph's output.");
        }

        graph.EnsureEverythingMatched();
        return mean;
    }
}
