using M6Search.Encoder;
using M6Search.Web.Runtime;

namespace M6Search.Web.Tests.Infrastructure;

/// <summary>Loads the shipped model (as the app does) behind a <see cref="HoldingEncoder"/>.</summary>
internal sealed class HoldingEncoderLoader(int passing) : IEncoderLoader
{
    private readonly TaskCompletionSource<HoldingEncoder> _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The encoder the app loaded.</summary>
    public Task<HoldingEncoder> Loaded => _loaded.Task;

    public IProductEncoder Load(string? modelPath)
    {
        var encoder = new HoldingEncoder(new MoeEncoderLoader().Load(modelPath), passing);
        _loaded.TrySetResult(encoder);
        return encoder;
    }
}
