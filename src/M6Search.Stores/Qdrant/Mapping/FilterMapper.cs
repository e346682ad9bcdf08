using M6Search.Stores.Abstractions;
using Qdrant.Client.Grpc;
using Range = Qdrant.Client.Grpc.Range;

namespace M6Search.Stores.Qdrant.Mapping;

/// <summary>Translates a <see cref="ProductFilter"/> into a Qdrant filter whose conditions must all hold.</summary>
internal static class FilterMapper
{
    /// <summary>The Qdrant filter, or null when <paramref name="filter"/> constrains nothing.</summary>
    public static Filter? ToQdrant(ProductFilter? filter)
    {
        if (filter is null)
        {
            return null;
        }

        var must = new List<Condition>();
        AddAny(must, ProductPayload.CategoryKey, filter.Categories);
        AddAny(must, ProductPayload.MerchantKey, filter.Merchants);
        if (filter.MinPrice is not null || filter.MaxPrice is not null)
        {
            var range = new Range();
            if (filter.MinPrice is { } min)
            {
                range.Gte = min;
            }

            if (filter.MaxPrice is { } max)
            {
                range.Lte = max;
            }

            must.Add(new Condition { Field = new FieldCondition { Key = ProductPayload.PriceKey, Range = range } });
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

                // A dotted key such as "attributes.color" is Qdrant's nested-key syntax.
                must.Add(new Condition { Field = new FieldCondition { Key = key, Match = new Match { Keyword = value } } });
            }
        }

        if (must.Count == 0)
        {
            return null;
        }

        var result = new Filter();
        result.Must.Add(must);
        return result;
    }

    private static void AddAny(List<Condition> must, string key, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        // An empty list admits no value, and Qdrant's match on no keywords matches nothing, which is what the contract
        // means. Repeated values are sent once.
        var keywords = new RepeatedStrings();
        keywords.Strings.Add(values.Distinct(StringComparer.Ordinal));
        must.Add(new Condition { Field = new FieldCondition { Key = key, Match = new Match { Keywords = keywords } } });
    }
}
