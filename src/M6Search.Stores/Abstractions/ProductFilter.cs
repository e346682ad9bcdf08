namespace M6Search.Stores.Abstractions;

/// <summary>
/// Payload conditions, all of which must hold. Null members do not filter. Within one list any value matches.
/// </summary>
public sealed record ProductFilter
{
    public IReadOnlyList<string>? Categories { get; init; }

    public IReadOnlyList<string>? Merchants { get; init; }

    /// <summary>Inclusive lower bound on price; products without a price never match a price bound.</summary>
    public double? MinPrice { get; init; }

    /// <summary>Inclusive upper bound on price.</summary>
    public double? MaxPrice { get; init; }

    /// <summary>
    /// Exact matches on other keyword fields: top-level ("lang", "currency", "category", "merchant", "id") or
    /// attributes ("attributes.color"). A field holding an array matches when any element equals the value; only
    /// string values match (a number 5 does not match "5").
    /// </summary>
    public IReadOnlyDictionary<string, string>? Keywords { get; init; }
}
