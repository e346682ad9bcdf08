using M6Search.Encoder;
using M6Search.Encoder.Inference;
using M6Search.Encoder.Runtime;

namespace M6Search.Indexer.Composition;

/// <summary>Opens <c>.m6model</c> files with the MoE encoder.</summary>
public sealed class MoeEncoderFactory : IProductEncoderFactory
{
    public IProductEncoder Open(string modelPath, DeviceChoice device, bool dropTokensAtCapacity = false) =>
        MoeProductEncoder.Load(modelPath, device, dropTokensAtCapacity: dropTokensAtCapacity);
}
