using M6Search.Encoder;
using M6Search.Web.Runtime;

namespace M6Search.Web.Tests.Infrastructure;

/// <summary>The fake encoder, except that embedding a text with "slow" in it waits until the test opens the gate.</summary>
internal sealed class GatedEncoderLoader : IEncoderLoader
{
    /// <summary>Set when a "slow" text is being embedded.</summary>
    public ManualResetEventSlim Entered { get; } = new();

    /// <summary>Lets the "slow" embeddings finish.</summary>
    public ManualResetEventSlim Gate { get; } = new();

    public IProductEncoder Load(string? modelPath) => new GatedEncoder(this);

    private sealed class GatedEncoder(GatedEncoderLoader loader) : IProductEncoder
    {
        private readonly FakeEncoder _inner = new();

        public int Dimension => _inner.Dimension;

        public int ImageSize => _inner.ImageSize;

        public string ModelVersion => _inner.ModelVersion;

        public float[][] EmbedTexts(IReadOnlyList<string> texts)
        {
            if (texts.Any(t => t.Contains("slow", StringComparison.Ordinal)))
            {
                loader.Entered.Set();
                loader.Gate.Wait(TimeSpan.FromSeconds(30));
            }

            return _inner.EmbedTexts(texts);
        }

        public float[][] EmbedImages(IReadOnlyList<float[]> images) => _inner.EmbedImages(images);

        public void Dispose() => _inner.Dispose();
    }
}
