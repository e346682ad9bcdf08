using System.Numerics.Tensors;
using System.Text.Json.Nodes;
using M6Search.Catalog.Products;
using M6Search.Relevance.Traits;
using M6Search.Synth.Vocabulary;

namespace M6Search.Relevance.Probing;

/// <summary>
/// Zero-shot trait probing: embeds each trait's canonical English and Chinese word with the text encoder (once per
/// model version) and compares them with a product's stored image vector. For each kind (colour, texture, material)
/// the best-scoring trait becomes a title suggestion when the title does not name it. The scores are raw cosine
/// similarities of a small model: the page shows them as they are, with the margin over the runner-up.
/// </summary>
public sealed class TraitProber
{
    private readonly ITextEmbedder _embedder;
    private readonly IReadOnlyList<VisualTrait> _traits;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string ModelVersion, float[][] English, float[][] Chinese)? _prompts;

    public TraitProber(ITextEmbedder embedder, IReadOnlyList<VisualTrait>? traits = null)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        _embedder = embedder;
        _traits = traits ?? TraitVocabulary.All;
    }

    /// <summary>Scores every trait against the product's image vector and proposes the traits its title lacks.</summary>
    /// <exception cref="ArgumentException">The image vector's length differs from the encoder's embeddings.</exception>
    public async Task<TraitProbe> ProbeAsync(Product product, float[] imageVector, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(imageVector);
        var (_, english, chinese) = await PromptsAsync(cancellationToken).ConfigureAwait(false);
        if (english.Length > 0 && english[0].Length != imageVector.Length)
        {
            throw new ArgumentException(
                $"Product '{product.Id}': its image vector has {imageVector.Length} values, the text encoder's embeddings {english[0].Length}.",
                nameof(imageVector));
        }

        var scores = new List<TraitScore>(_traits.Count);
        for (int i = 0; i < _traits.Count; i++)
        {
            double score = (Cosine(imageVector, english[i]) + Cosine(imageVector, chinese[i])) / 2;
            scores.Add(new TraitScore(_traits[i], score));
        }

        var byKind = scores
            .GroupBy(s => s.Trait.Kind)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TraitScore>)g.OrderByDescending(s => s.Score).ToList());
        var suggestions = new List<TitleSuggestion>();
        foreach ((TraitKind kind, IReadOnlyList<TraitScore> ranked) in byKind)
        {
            TraitScore best = ranked[0];
            if (TraitVocabulary.TitleNames(product.Title, best.Trait))
            {
                continue;
            }

            suggestions.Add(new TitleSuggestion
            {
                Trait = best.Trait,
                Score = best.Score,
                Margin = ranked.Count > 1 ? best.Score - ranked[1].Score : best.Score,
                CatalogKey = AttributeOf(product, kind),
            });
        }

        return new TraitProbe
        {
            ProductId = product.Id,
            Scores = byKind,
            Suggestions = suggestions.OrderByDescending(s => s.Margin).ToList(),
        };
    }

    private async Task<(string, float[][], float[][])> PromptsAsync(CancellationToken cancellationToken)
    {
        var cached = _prompts;
        if (cached is { } hit && hit.ModelVersion == _embedder.ModelVersion)
        {
            return hit;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_prompts is { } again && again.ModelVersion == _embedder.ModelVersion)
            {
                return again;
            }

            string version = _embedder.ModelVersion;
            float[][] english = await _embedder.EmbedTextsAsync(_traits.Select(t => t.English).ToList(), cancellationToken).ConfigureAwait(false);
            float[][] chinese = await _embedder.EmbedTextsAsync(_traits.Select(t => t.Chinese).ToList(), cancellationToken).ConfigureAwait(false);
            if (english.Length != _traits.Count || chinese.Length != _traits.Count)
            {
                throw new InvalidOperationException($"The text embedder returned {english.Length} and {chinese.Length} embeddings for {_traits.Count} trait prompts.");
            }

            _prompts = (version, english, chinese);
            return _prompts.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static double Cosine(float[] a, float[] b) => a.Length == b.Length ? TensorPrimitives.CosineSimilarity(a, b) : 0;

    private static string? AttributeOf(Product product, TraitKind kind) =>
        product.Attributes?[AttributeKeys.For(kind)] is JsonValue value && value.TryGetValue(out string? key) ? key : null;
}
