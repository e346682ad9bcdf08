using M6Search.Encoder.Backbone.Modules;

namespace M6Search.Encoder.Backbone.Import;

/// <summary>
/// One convolution of the ONNX graph with the BatchNormalization that follows it, as stored (not yet folded), under
/// the name of our module that takes its place (e.g. <c>layer2.0.downsample</c>).
/// </summary>
public sealed class ImportedConvBatchNorm
{
    /// <summary>Our module's path in <see cref="ResNetBackbone"/>, pytorch/vision style: <c>conv1</c>, <c>layer1.0.conv2</c>.</summary>
    public required string ModuleName { get; init; }

    /// <summary>The ONNX Conv node's name, for messages.</summary>
    public required string ConvNode { get; init; }

    /// <summary>The ONNX BatchNormalization node's name, for messages.</summary>
    public required string BatchNormNode { get; init; }

    public required ConvGeometry Geometry { get; init; }

    /// <summary>[out, in, kh, kw].</summary>
    public required OnnxFloatTensor Weight { get; init; }

    /// <summary>[out], or null when the convolution has no bias (the CNTK export has none).</summary>
    public OnnxFloatTensor? Bias { get; init; }

    /// <summary>BatchNormalization scale (gamma), [out].</summary>
    public required OnnxFloatTensor Scale { get; init; }

    /// <summary>BatchNormalization bias (beta), [out].</summary>
    public required OnnxFloatTensor Shift { get; init; }

    /// <summary>Running mean, [out].</summary>
    public required OnnxFloatTensor Mean { get; init; }

    /// <summary>Running variance, [out].</summary>
    public required OnnxFloatTensor Variance { get; init; }

    public required double Epsilon { get; init; }

    /// <summary>The ONNX value the BatchNormalization writes.</summary>
    public required string OutputValue { get; init; }
}
