using M6Search.Encoder;
using M6Search.Encoder.Runtime;

namespace M6Search.Indexer.Composition;

/// <summary>Opens a model file as an <see cref="IProductEncoder"/>; commands that run the encoder receive one.</summary>
public interface IProductEncoderFactory
{
    /// <summary>Loads the model at <paramref name="modelPath"/> onto the chosen device.</summary>
    IProductEncoder Open(string modelPath, DeviceChoice device);
}
