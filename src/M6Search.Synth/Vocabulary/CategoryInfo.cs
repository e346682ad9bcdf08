namespace M6Search.Synth.Vocabulary;

/// <summary>
/// A product category: the nouns titles use, the nouns shoppers type, its shapes, the materials it is made of, a
/// plausible price range in US dollars, size or capacity phrases and category-specific title phrases.
/// </summary>
public sealed record CategoryInfo
{
    public required string Key { get; init; }

    /// <summary>Nouns for titles and training descriptions.</summary>
    public required BilingualWords Nouns { get; init; }

    /// <summary>Nouns shoppers type ("coffee cup" for cups and mugs).</summary>
    public required BilingualWords QueryNouns { get; init; }

    public required IReadOnlyList<ShapeInfo> Shapes { get; init; }

    public required IReadOnlyList<string> Materials { get; init; }

    public required double MinPriceUsd { get; init; }

    public required double MaxPriceUsd { get; init; }

    /// <summary>Size or capacity phrases ("350ml", "Size M").</summary>
    public required BilingualWords Sizes { get; init; }

    /// <summary>Category-specific marketing phrases ("Dishwasher Safe", "防摔").</summary>
    public required BilingualWords Phrases { get; init; }

    public ShapeInfo Shape(string key) =>
        Shapes.FirstOrDefault(s => s.Key == key)
        ?? throw new KeyNotFoundException($"Category \"{Key}\" has no shape \"{key}\".");
}
