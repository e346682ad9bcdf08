using M6Search.Encoder;

namespace M6Search.Web.Runtime;

/// <summary>Opens the encoder the app searches with (tests substitute a small fake).</summary>
public interface IEncoderLoader
{
    /// <summary>Loads the model at <paramref name="modelPath"/>, or the shipped model when it is null or empty.</summary>
    IProductEncoder Load(string? modelPath);
}
