using Google.Protobuf;
using M6Search.Encoder.Backbone.Import;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace M6Search.Shared;

/// <summary>
/// The package's two graphs (ResNetPreprocess.onnx, then ResNet18.onnx) in ONNX Runtime, the reference our TorchSharp
/// backbone is checked and timed against. Test and benchmark only: the app never loads ONNX Runtime.
/// The files are adapted with OnnxSharp before the sessions are made, in ways that keep their meaning at 224 px:
/// the fixed 1x3x224x224 input shapes become symbolic (any batch, any side), the stored shape annotations are dropped,
/// the final fixed 7x7 AveragePool becomes GlobalAveragePool (the same at 224, where the map is 7x7, and the only
/// meaning it can have at other sides), and at a side other than 224 the 224 x 224 mean image passes through an ONNX
/// Resize (linear, half-pixel) to the input size. Optionally the stage-3 and stage-4 values are made graph outputs.
/// </summary>
internal sealed class OnnxRuntimeReference : IDisposable
{
    private const int MeanImageSide = 224;
    private readonly InferenceSession _preprocess;
    private readonly InferenceSession _network;
    private readonly string[] _outputs;
    private readonly string _networkInput;
    private readonly string _preprocessInput;
    private readonly string _preprocessOutput;

    /// <param name="preprocessFile">ResNetPreprocess.onnx.</param>
    /// <param name="networkFile">ResNet18.onnx.</param>
    /// <param name="graph">What our importer read from <paramref name="networkFile"/> (value names).</param>
    /// <param name="side">Input side in pixels.</param>
    /// <param name="threads">Intra-op threads.</param>
    /// <param name="exposeStages">Also return the stage-3 and stage-4 maps.</param>
    /// <param name="spinning">Let idle worker threads spin (ONNX Runtime's default) or sleep at once.</param>
    public OnnxRuntimeReference(
        string preprocessFile, string networkFile, ResNetOnnxGraph graph, int side, int threads, bool exposeStages, bool spinning = true)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", spinning ? "1" : "0");

        var preprocess = ReadOnly(preprocessFile);
        _preprocessInput = preprocess.Graph.Input[0].Name;
        _preprocessOutput = preprocess.Graph.Output[0].Name;
        MakeShapesSymbolic(preprocess.Graph);
        if (side != MeanImageSide)
        {
            ResizeMeanImage(preprocess, side);
        }

        var network = ReadOnly(networkFile);
        _networkInput = graph.InputValue;
        MakeShapesSymbolic(network.Graph);
        var pool = network.Graph.Node.Single(n => n.Name == graph.AveragePoolNode);
        pool.OpType = "GlobalAveragePool";
        pool.Attribute.Clear();
        _outputs = exposeStages ? [graph.Stage3Value, graph.Stage4Value, graph.PooledValue] : [graph.PooledValue];
        if (exposeStages)
        {
            foreach (var value in new[] { graph.Stage3Value, graph.Stage4Value })
            {
                network.Graph.Output.Add(new ValueInfoProto
                {
                    Name = value,
                    Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } },
                });
            }
        }

        _preprocess = new InferenceSession(preprocess.ToByteArray(), options);
        _network = new InferenceSession(network.ToByteArray(), options);
    }

    /// <summary>
    /// Raw RGB pixels (0-255 floats, [batch, 3, side, side]) through both graphs: the stage-3 map, the stage-4 map and
    /// the pooled vector, each flattened (null maps unless the stages were exposed).
    /// </summary>
    public (float[]? Stage3, float[]? Stage4, float[] Pooled) Run(float[] rgbPixels, int batch, int side)
    {
        long[] shape = [batch, 3, side, side];
        using var input = OrtValue.CreateTensorValueFromMemory(rgbPixels, shape);
        using var runOptions = new RunOptions();
        using var preprocessed = _preprocess.Run(runOptions, [_preprocessInput], [input], [_preprocessOutput]);
        using var outputs = _network.Run(runOptions, [_networkInput], [preprocessed[0]], _outputs);
        var arrays = outputs.Select(o => o.GetTensorDataAsSpan<float>().ToArray()).ToList();
        return arrays.Count == 3 ? (arrays[0], arrays[1], arrays[2]) : (null, null, arrays[0]);
    }

    public void Dispose()
    {
        _preprocess.Dispose();
        _network.Dispose();
    }

    private static void MakeShapesSymbolic(GraphProto graph)
    {
        graph.ValueInfo.Clear();
        foreach (var value in graph.Input.Concat(graph.Output))
        {
            var dims = value.Type.TensorType.Shape.Dim;
            string[] names = ["N", "C", "H", "W"];
            for (int i = 0; i < dims.Count; i++)
            {
                if (i != 1)
                {
                    dims[i] = new TensorShapeProto.Types.Dimension { DimParam = value.Name + "_" + names[i] };
                }
            }
        }
    }

    private static void ResizeMeanImage(ModelProto model, int side)
    {
        // Resize needs opset 11; the graph's Split (attribute form), Concat and Sub mean the same there as at opset 8.
        model.OpsetImport.Single(o => o.Domain.Length == 0).Version = 11;
        var graph = model.Graph;
        var sub = graph.Node.Single(n => n.OpType == "Sub");
        string mean = sub.Input[1];
        // At opset 11 roi and scales must be present: empty tensors, so that sizes decides.
        graph.Initializer.Add(new TensorProto { Name = "m6_roi", DataType = (int)TensorProto.Types.DataType.Float, Dims = { 0 } });
        graph.Initializer.Add(new TensorProto { Name = "m6_scales", DataType = (int)TensorProto.Types.DataType.Float, Dims = { 0 } });
        graph.Initializer.Add(new TensorProto { Name = "m6_sizes", DataType = (int)TensorProto.Types.DataType.Int64, Dims = { 4 }, Int64Data = { 1, 3, side, side } });
        var resize = new NodeProto { OpType = "Resize", Name = "m6_resize_mean", Input = { mean, "m6_roi", "m6_scales", "m6_sizes" }, Output = { "m6_mean_resized" } };
        resize.Attribute.Add(new AttributeProto { Name = "mode", Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8("linear") });
        resize.Attribute.Add(new AttributeProto { Name = "coordinate_transformation_mode", Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8("half_pixel") });
        graph.Node.Insert(graph.Node.IndexOf(sub), resize);
        sub.Input[1] = "m6_mean_resized";
    }

    private static ModelProto ReadOnly(string path)
    {
        using var stream = File.OpenRead(path);
        return ModelProto.Parser.ParseFrom(stream);
    }
}
