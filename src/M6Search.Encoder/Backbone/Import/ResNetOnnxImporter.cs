using M6Search.Encoder.Backbone.Modules;
using Onnx;

namespace M6Search.Encoder.Backbone.Import;

/// <summary>
/// Reads a basic-block ResNet .onnx (such as the CNTK "ResNet18" export in Microsoft.ML.DnnImageFeaturizer.ResNet18) by
/// walking its graph from the image input: the stem (Conv, BatchNormalization, Relu, MaxPool), then residual blocks
/// (Conv, BN, Relu, Conv, BN, Add with the block input or a Conv+BN downsample, Relu) until the final AveragePool; a
/// block with a downsample starts a new stage. Each Conv+BN pair is named after the module of
/// <see cref="ResNetBackbone"/> that replaces it. Anything the walk does not expect (another operator, other wiring,
/// attributes we do not build, nodes or weights left over, other than four stages) stops the import with a
/// <see cref="BackboneImportException"/> naming the node. Channel counts and geometry are checked when the weights are
/// loaded into the module.
/// </summary>
public static class ResNetOnnxImporter
{
    /// <summary>Residual stages of the networks we build (layer1..layer4).</summary>
    public const int Stages = 4;

    /// <exception cref="BackboneImportException">The file is missing, unreadable or not the expected network.</exception>
    public static ResNetOnnxGraph Import(string path)
    {
        var model = OnnxModelFile.Read(path);
        var graph = new OnnxGraphIndex(model.Graph, path);
        var convolutions = new Dictionary<string, ImportedConvBatchNorm>(StringComparer.Ordinal);

        string input = graph.DataInput();
        var stem = ReadConvBatchNorm(graph, graph.OnlyReader(input, "Conv", "the stem convolution"), "conv1");
        convolutions.Add(stem.ModuleName, stem);
        var stemRelu = graph.SingleConsumer(stem.OutputValue, "Relu", "the stem's ReLU");
        var maxPoolNode = graph.SingleConsumer(stemRelu.Output[0], "MaxPool", "the stem's max pooling");
        var maxPool = ReadGeometry(graph, maxPoolNode, kernelFromWeight: null);
        if (OnnxAttributes.Int(maxPoolNode, "storage_order", 0) != 0 || OnnxAttributes.Int(maxPoolNode, "ceil_mode", 0) != 0)
        {
            throw graph.Fail($"max pooling '{maxPoolNode.Name}' uses storage_order or ceil_mode, which we do not build.");
        }

        string x = maxPoolNode.Output[0];
        var blocksPerStage = new List<int>();
        var stageOutputs = new List<string>();
        while (true)
        {
            var readers = graph.ConsumersOf(x);
            if (readers.Count == 1 && readers[0].OpType == "AveragePool")
            {
                break;
            }

            bool downsamples = readers.Count(r => r.OpType == "Conv") == 2;
            if (blocksPerStage.Count == 0 || downsamples)
            {
                if (blocksPerStage.Count > 0)
                {
                    stageOutputs.Add(x);
                }

                blocksPerStage.Add(0);
            }

            string name = $"layer{blocksPerStage.Count}.{blocksPerStage[^1]}";
            x = ReadBlock(graph, x, name, convolutions);
            blocksPerStage[^1]++;
        }

        stageOutputs.Add(x);
        if (blocksPerStage.Count != Stages)
        {
            throw graph.Fail($"found {blocksPerStage.Count} residual stages ({string.Join("/", blocksPerStage)} blocks); we build {Stages}.");
        }

        var averagePool = graph.SingleConsumer(x, "AveragePool", "the final average pooling");
        var pooled = averagePool.Output[0];
        if (!graph.IsGraphOutput(pooled))
        {
            throw graph.Fail($"the final average pooling's output '{pooled}' is not the graph's output.");
        }

        var poolGeometry = ReadGeometry(graph, averagePool, kernelFromWeight: null);
        if (poolGeometry.Padding != default || poolGeometry.StrideHeight != 1 || poolGeometry.StrideWidth != 1)
        {
            throw graph.Fail($"the final average pooling '{averagePool.Name}' has {poolGeometry}; we build a global average (no padding, stride 1).");
        }

        graph.EnsureEverythingMatched();
        return new ResNetOnnxGraph
        {
            File = path,
            Convolutions = convolutions,
            MaxPool = maxPool,
            BlocksPerStage = blocksPerStage,
            InputValue = input,
            Stage3Value = stageOutputs[2],
            Stage4Value = stageOutputs[3],
            PooledValue = pooled,
            AveragePoolNode = averagePool.Name,
        };
    }

    /// <summary>One BasicBlock from its input value; returns the block's output value.</summary>
    private static string ReadBlock(OnnxGraphIndex graph, string input, string name, Dictionary<string, ImportedConvBatchNorm> convolutions)
    {
        var readers = graph.ConsumersOf(input);
        var convs = readers.Where(r => r.OpType == "Conv").ToList();
        var adds = readers.Where(r => r.OpType == "Add").ToList();
        bool identity = convs.Count == 1 && adds.Count == 1 && readers.Count == 2;
        bool downsample = convs.Count == 2 && readers.Count == 2;
        if (!identity && !downsample)
        {
            throw graph.Fail($"block {name}: its input '{input}' is read by {OnnxGraphIndex.Describe(readers)}; expected a " +
                             "convolution and the residual Add, or two convolutions (main path and downsample).");
        }

        // With a downsample, the main path is the convolution whose BatchNormalization feeds a Relu.
        NodeProto mainConv = convs[0];
        NodeProto? shortcutConv = null;
        if (downsample)
        {
            bool firstIsMain = FeedsRelu(graph, convs[0]);
            mainConv = firstIsMain ? convs[0] : convs[1];
            shortcutConv = firstIsMain ? convs[1] : convs[0];
        }

        var conv1 = ReadConvBatchNorm(graph, mainConv, $"{name}.conv1");
        var relu1 = graph.SingleConsumer(conv1.OutputValue, "Relu", $"{name}'s first ReLU");
        var conv2 = ReadConvBatchNorm(graph, graph.OnlyReader(relu1.Output[0], "Conv", $"{name}'s second convolution"), $"{name}.conv2");
        string shortcut = input;
        if (shortcutConv is not null)
        {
            var shortcutBn = ReadConvBatchNorm(graph, shortcutConv, $"{name}.downsample");
            convolutions.Add(shortcutBn.ModuleName, shortcutBn);
            shortcut = shortcutBn.OutputValue;
        }

        var add = graph.ConsumersOf(conv2.OutputValue);
        if (add.Count != 1 || add[0].OpType != "Add" || (identity && !ReferenceEquals(add[0], adds[0])))
        {
            throw graph.Fail($"block {name}: expected the residual Add to read both '{conv2.OutputValue}' and '{shortcut}', found {OnnxGraphIndex.Describe(add)}.");
        }

        var addNode = graph.Match(add[0], "Add", $"{name}'s residual Add");
        var addInputs = addNode.Input.ToHashSet(StringComparer.Ordinal);
        if (addNode.Input.Count != 2 || !addInputs.SetEquals([conv2.OutputValue, shortcut]))
        {
            throw graph.Fail($"block {name}: the residual Add '{addNode.Name}' adds {string.Join(" + ", addNode.Input)}; expected '{conv2.OutputValue}' + '{shortcut}'.");
        }

        convolutions.Add(conv1.ModuleName, conv1);
        convolutions.Add(conv2.ModuleName, conv2);
        return graph.SingleConsumer(addNode.Output[0], "Relu", $"{name}'s output ReLU").Output[0];
    }

    private static bool FeedsRelu(OnnxGraphIndex graph, NodeProto conv)
    {
        var bn = graph.ConsumersOf(conv.Output[0]);
        return bn.Count == 1 && bn[0].OpType == "BatchNormalization" &&
               graph.ConsumersOf(bn[0].Output[0]) is [{ OpType: "Relu" }];
    }

    private static ImportedConvBatchNorm ReadConvBatchNorm(OnnxGraphIndex graph, NodeProto convNode, string moduleName)
    {
        var conv = graph.Match(convNode, "Conv", $"{moduleName} (convolution)");
        if (OnnxAttributes.Int(conv, "group", 1) != 1)
        {
            throw graph.Fail($"convolution '{conv.Name}' ({moduleName}) is grouped; we build ungrouped convolutions.");
        }

        var weight = graph.Initializer(conv, 1, $"the weight of {moduleName}");
        if (weight.Shape.Length != 4)
        {
            throw graph.Fail($"the weight '{weight.Name}' of '{conv.Name}' ({moduleName}) has shape {weight.ShapeText}; expected [out, in, kh, kw].");
        }

        var geometry = ReadGeometry(graph, conv, weight.Shape);
        OnnxFloatTensor? bias = conv.Input.Count > 2 && conv.Input[2].Length > 0 ? graph.Initializer(conv, 2, $"the bias of {moduleName}") : null;
        long outChannels = weight.Shape[0];

        var bn = graph.SingleConsumer(conv.Output[0], "BatchNormalization", $"the BatchNormalization after {moduleName}");
        if (OnnxAttributes.Int(bn, "spatial", 1) != 1)
        {
            throw graph.Fail($"BatchNormalization '{bn.Name}' ({moduleName}) is not spatial; we fold only per-channel BatchNormalization.");
        }

        var parameters = new OnnxFloatTensor[4];
        string[] roles = ["scale", "bias", "running mean", "running variance"];
        for (int i = 0; i < 4; i++)
        {
            parameters[i] = graph.Initializer(bn, i + 1, $"the {roles[i]} of the BatchNormalization after {moduleName}");
        }

        foreach (var vector in bias is null ? parameters : [.. parameters, bias])
        {
            if (vector.Shape is not [var length] || length != outChannels)
            {
                throw graph.Fail($"'{vector.Name}' ({moduleName}) has shape {vector.ShapeText}; expected [{outChannels}], one value per output channel.");
            }
        }

        return new ImportedConvBatchNorm
        {
            ModuleName = moduleName,
            ConvNode = conv.Name,
            BatchNormNode = bn.Name,
            Geometry = geometry,
            Weight = weight,
            Bias = bias,
            Scale = parameters[0],
            Shift = parameters[1],
            Mean = parameters[2],
            Variance = parameters[3],
            Epsilon = OnnxAttributes.Float(bn, "epsilon", 1e-5f),
            OutputValue = bn.Output[0],
        };
    }

    private static ConvGeometry ReadGeometry(OnnxGraphIndex graph, NodeProto node, long[]? kernelFromWeight)
    {
        string autoPad = OnnxAttributes.String(node, "auto_pad", "NOTSET");
        if (autoPad is not ("NOTSET" or ""))
        {
            throw graph.Fail($"'{node.Name}' uses auto_pad={autoPad}; we build explicit pads only.");
        }

        var dilations = OnnxAttributes.Ints(node, "dilations");
        if (dilations is not null && dilations.Any(d => d != 1))
        {
            throw graph.Fail($"'{node.Name}' is dilated ({string.Join("/", dilations)}); we build undilated convolutions.");
        }

        var kernel = OnnxAttributes.Ints(node, "kernel_shape") ?? kernelFromWeight?[2..];
        var strides = OnnxAttributes.Ints(node, "strides") ?? [1, 1];
        var pads = OnnxAttributes.Ints(node, "pads") ?? [0, 0, 0, 0];
        if (kernel is not { Length: 2 } || strides.Length != 2 || pads.Length != 4)
        {
            throw graph.Fail($"'{node.Name}' is not a 2-D {node.OpType} (kernel_shape {Join(kernel)}, strides {Join(strides)}, pads {Join(pads)}).");
        }

        if (kernelFromWeight is not null && (kernelFromWeight[2] != kernel[0] || kernelFromWeight[3] != kernel[1]))
        {
            throw graph.Fail($"'{node.Name}' declares kernel_shape {Join(kernel)} but its weight is {string.Join("x", kernelFromWeight)}.");
        }

        return new ConvGeometry(
            (int)kernel[0], (int)kernel[1], (int)strides[0], (int)strides[1],
            new Padding2d((int)pads[0], (int)pads[1], (int)pads[2], (int)pads[3]));
    }

    private static string Join(long[]? values) => values is null ? "(none)" : string.Join("/", values);
}
