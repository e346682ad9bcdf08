using M6Search.Encoder;
using M6Search.Encoder.Runtime;

namespace M6Search.Indexer.Composition;

/// <summary>Opens a model file as an <see cref="IProductEncoder"/>; commands that run the encoder receive one.</summary>
public interface IProductEncoderFactory
{
    /// <summary>Loads the model at <paramref name="modelPath"/> onto the chosen device.</summary>
    /// <param name="modelPath">The model file.</param>
    /// <param name="device">Where to run.</param>
    /// <param name="dropTokensAtCapacity">
    /// False: the serving routing (room for every token). True: the model's evaluation capacity factor, as Switch
    /// Transformer evaluates, where tokens over an expert's capacity pass through the residual.
    /// </param>
    IProductEncoder Open(string modelPath, DeviceChoice device, bool dropTokensAtCapacity = false);
}
