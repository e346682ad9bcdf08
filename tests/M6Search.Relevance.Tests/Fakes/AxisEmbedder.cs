using M6Search.Relevance.Probing;

namespace M6Search.Relevance.Tests.Fakes;

/// <summary>
/// Embeds a text as the unit axis of the first listed word it contains, else the last axis: so an image vector on
/// one axis "shows" exactly that word's trait.
/// </summary>
internal sealed class AxisEmbedder : ITextEmbedder
{
    private readonly string[] _words;

    public AxisEmbedder(params string[] words)
    {
        _words = words;
    }

    public int Dimension => _words.Length + 1;

    public int Calls { get; private set; }

    public string ModelVersion => "axis-1";

    public float[] Axis(string word)
    {
        int index = Array.IndexOf(_words, word);
        var vector = new float[Dimension];
        vector[index < 0 ? Dimension - 1 : index] = 1;
        return vector;
    }

    public Task<float[][]> EmbedTextsAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        Calls++;
        return Task.FromResult(texts.Select(text => Axis(_words.FirstOrDefault(w => text.Contains(w, StringComparison.Ordinal)) ?? ""))
            .ToArray());
    }
}
