using M6Search.Encoder;
using M6Search.Encoder.Inference;
using M6Search.Encoder.Runtime;
using M6Search.Encoder.Serialization;

namespace M6Search.Web.Runtime;

/// <summary>Loads an <c>.m6model</c> file (M6:ModelPath, or the shipped model) on the CPU.</summary>
public sealed class MoeEncoderLoader : IEncoderLoader
{
    public IProductEncoder Load(string? modelPath) =>
        MoeProductEncoder.Load(ShippedModel.Resolve(modelPath, "M6:ModelPath"), DeviceChoice.Cpu);
}
