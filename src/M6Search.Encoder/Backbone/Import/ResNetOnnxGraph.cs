using M6Search.Encoder.Backbone.Modules;

namespace M6Search.Encoder.Backbone.Import;

/// <summary>
/// What <see cref="ResNetOnnxImporter"/> read from a ResNet .onnx: every convolution with its BatchNormalization
/// under our module names, the blocks per stage, the stem's max-pooling geometry, and the names of the ONNX values that correspond to our
/// outputs (so a reference runtime can be asked for the same feature maps).
/// </summary>
public sealed class ResNetOnnxGraph
{
    public required string File { get; init; }

    /// <summary>By <see cref="ImportedConvBatchNorm.ModuleName"/>.</summary>
    public required IReadOnlyDictionary<string, ImportedConvBatchNorm> Convolutions { get; init; }

    public required ConvGeometry MaxPool { get; init; }

    /// <summary>Residual blocks in layer1..layer4 (2/2/2/3 in the package's CNTK "ResNet18").</summary>
    public required IReadOnlyList<int> BlocksPerStage { get; init; }

    /// <summary>The graph's image input.</summary>
    public required string InputValue { get; init; }

    /// <summary>The ONNX value equal to our stage-3 map (the last ReLU of layer3).</summary>
    public required string Stage3Value { get; init; }

    /// <summary>The ONNX value equal to our stage-4 map (the last ReLU of layer4).</summary>
    public required string Stage4Value { get; init; }

    /// <summary>The graph's pooled output ([B, 512, 1, 1]).</summary>
    public required string PooledValue { get; init; }

    /// <summary>The name of the final AveragePool node (fixed 7x7 in the export: global only at 224 px).</summary>
    public required string AveragePoolNode { get; init; }
}
