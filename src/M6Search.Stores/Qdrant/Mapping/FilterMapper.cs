using M6Search.Stores.Abstractions;
using M6Search.Stores.Qdrant.Json;

namespace M6Search.Stores.Qdrant.Mapping;

/// <summary>Translates a <see cref="ProductFilter"/> into a Qdrant <c>must</c> filter over the payload.</summary>
internal static class FilterMapper
{
    /// <summary>The Qdrant filter, or null when <paramref name="filter"/> constrains nothing.</summary>
    public static FilterDto? ToQdrant(ProductFilter? filter)
    {
        if (filter is null)
        {
            return null;
        }

        var must = new List<FieldConditionDto>();
        AddAny(must, ProductPayload.CategoryKey, filter.Categories);
        AddAny(must, ProductPayload.MerchantKey, filter.Merchants);
        if (filter.MinPrice is not null || filter.MaxPrice is not null)
        {
            must.Add(new FieldConditionDto { Key = ProductPayload.PriceKey, Range = new RangeDto(filter.MinPrice, filter.MaxPrice) });
        }

        if (filter.Keywords is not null)
        {
            foreach ((string key, string value) in filter.Keywords.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                if (string.IsNullOrWhiteSpace(key))
                {
                    throw new ArgumentException("A keyword filter has an empty field name.", nameof(filter));
                }

                ArgumentNullException.ThrowIfNull(value, $"{nameof(filter)}.{nameof(ProductFilter.Keywords)}[{key}]");
                must.Add(new FieldConditionDto { Key = key, Match = new MatchDto { Value = value } });
            }
        }

        return must.Count == 0 ? null : new FilterDto(must);
    }

    private static void AddAny(List<FieldConditionDto> must, string key, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        // An empty list admits no value; Qdrant's "any: []" matches nothing, which is what the contract means.
        // Qdrant requires unique values in "any".
        must.Add(new FieldConditionDto { Key = key, Match = new MatchDto { Any = values.Distinct(StringComparer.Ordinal).ToArray() } });
    }
}
