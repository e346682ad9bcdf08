using System.Numerics.Tensors;
using System.Text.Json.Nodes;
using M6Search.Catalog.Products;
using M6Search.Relevance.Traits;

namespace M6Search.Relevance.Probing;

/// <summary>
/// Zero-shot trait probing: embeds each trait's canonical English and Chinese word with the text encoder (once per
/// model version and vocabulary) and compares them with a product's stored image vector. For each kind (colour,
/// texture, material: whatever the catalog's trait vocabulary declares) the best-scoring trait becomes a title
/// suggestion when the title does not name it. The scores are raw cosine
/// similarities of a small model: the page shows them as they are, with the margin over the runner-up.
/// </summary>
public sealed class TraitProber
{
    private readonly ITextEmbedder _embedder;
    private readonly ITraitVocabularySource _vocabulary;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Prompts? _prompts;

    public TraitProber(ITextEmbedder embedder, ITraitVocabularySource vocabulary)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(vocabulary);
        _embedder = embedder;
        _vocabulary = vocabulary;
    }

    public TraitProber(ITextEmbedder embedder, TraitVocabulary vocabulary)
        : this(embedder, new FixedTraitVocabulary(vocabulary))
    {
    }

    /// <summary>Scores every trait against the product's image vector and proposes the traits its title lacks.</summary>
    /// <exception cref="ArgumentException">The image vector's length differs from the encoder's embeddings.</exception>
    public async Task<TraitProbe> ProbeAsync(Product product, float[] imageVector, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(imageVector);
        Prompts prompts = await PromptsAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<VisualTrait> traits = prompts.Vocabulary.All;
        float[][] english = prompts.English;
        float[][] chinese = prompts.Chinese;
        if (english.Length > 0 && english[0].Length != imageVector.Length)
        {
            throw new ArgumentException(
                $"Product '{product.Id}': its image vector has {imageVector.Length} values, the text encoder's embeddings {english[0].Length}.",
                nameof(imageVector));
        }

        var scores = new List<TraitScore>(traits.Count);
        for (int i = 0; i < traits.Count; i++)
        {
            double score = (Cosine(imageVector, english[i]) + Cosine(imageVector, chinese[i])) / 2;
            scores.Add(new TraitScore(traits[i], score));
        }

        var byKind = scores
            .GroupBy(s => s.Trait.Kind, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TraitScore>)g.OrderByDescending(s => s.Score).ToList(), StringComparer.Ordinal);
        var suggestions = new List<TitleSuggestion>();
        foreach ((string kind, IReadOnlyList<TraitScore> ranked) in byKind)
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

    private async Task<Prompts> PromptsAsync(CancellationToken cancellationToken)
    {
        TraitVocabulary vocabulary = _vocabulary.Current;
        if (_prompts is { } hit && hit.ModelVersion == _embedder.ModelVersion && ReferenceEquals(hit.Vocabulary, vocabulary))
        {
            return hit;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_prompts is { } again && again.ModelVersion == _embedder.ModelVersion && ReferenceEquals(again.Vocabulary, vocabulary))
            {
                return again;
            }

            string version = _embedder.ModelVersion;
            IReadOnlyList<VisualTrait> traits = vocabulary.All;
            float[][] english = traits.Count == 0 ? [] : await _embedder.EmbedTextsAsync(traits.Select(t => t.English).ToList(), cancellationToken).ConfigureAwait(false);
            float[][] chinese = traits.Count == 0 ? [] : await _embedder.EmbedTextsAsync(traits.Select(t => t.Chinese).ToList(), cancellationToken).ConfigureAwait(false);
            if (english.Length != traits.Count || chinese.Length != traits.Count)
            {
                throw new InvalidOperationException($"The text embedder returned {english.Length} and {chinese.Length} embeddings for {traits.Count} trait prompts.");
            }

            _prompts = new Prompts(version, vocabulary, english, chinese);
            return _prompts;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static double Cosine(float[] a, float[] b) => a.Length == b.Length ? TensorPrimitives.CosineSimilarity(a, b) : 0;

    // A trait's kind is the attribute that holds it.
    private static string? AttributeOf(Product product, string kind) =>
        product.Attributes?[kind] is JsonValue value && value.TryGetValue(out string? key) ? key : null;

    private sealed record Prompts(string ModelVersion, TraitVocabulary Vocabulary, float[][] English, float[][] Chinese);
}
