using M6Search.Stores.Abstractions;

namespace M6Search.Search.Searching;

/// <summary>What a shopper narrows results by; null members do not filter. Prices are inclusive.</summary>
public sealed record SearchFilters
{
    public string? Category { get; init; }

    public string? Merchant { get; init; }

    public double? MinPrice { get; init; }

    public double? MaxPrice { get; init; }

    /// <summary>The store filter, or null when nothing filters.</summary>
    public ProductFilter? ToProductFilter()
    {
        if (string.IsNullOrWhiteSpace(Category) && string.IsNullOrWhiteSpace(Merchant) && MinPrice is null && MaxPrice is null)
        {
            return null;
        }

        return new ProductFilter
        {
            Categories = string.IsNullOrWhiteSpace(Category) ? null : [Category.Trim()],
            Merchants = string.IsNullOrWhiteSpace(Merchant) ? null : [Merchant.Trim()],
            MinPrice = MinPrice,
            MaxPrice = MaxPrice,
        };
    }
}
