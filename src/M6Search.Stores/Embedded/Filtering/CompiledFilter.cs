using M6Search.Stores.Abstractions;

namespace M6Search.Stores.Embedded.Filtering;

/// <summary>
/// A <see cref="ProductFilter"/> bound to the current columns: keyword conditions as lookup tables of allowed value ids,
/// the price range as two doubles, product ids as a slot set. Valid while the store's read lock is held.
/// </summary>
internal sealed class CompiledFilter
{
    private const string IdField = "id";

    private readonly List<(KeywordColumn Column, bool[] Allowed)> _keywords = [];
    private HashSet<int>? _slots;
    private double[]? _prices;
    private double _minPrice = double.NegativeInfinity;
    private double _maxPrice = double.PositiveInfinity;

    private CompiledFilter()
    {
    }

    /// <summary>True when no slot can match (an unknown value, an empty list, an impossible range).</summary>
    public bool MatchesNothing { get; private set; }

    /// <summary>Binds the filter; returns null for a filter without conditions.</summary>
    public static CompiledFilter? Compile(ProductFilter? filter, PayloadColumns columns, Func<string, int?> slotOfProduct)
    {
        if (filter is null)
        {
            return null;
        }

        var compiled = new CompiledFilter();
        bool any = false;
        if (filter.Categories is not null)
        {
            compiled.AddKeyword(columns, PayloadColumns.CategoryField, filter.Categories);
            any = true;
        }

        if (filter.Merchants is not null)
        {
            compiled.AddKeyword(columns, PayloadColumns.MerchantField, filter.Merchants);
            any = true;
        }

        if (filter.MinPrice is not null || filter.MaxPrice is not null)
        {
            if (filter.MinPrice is double min && !double.IsFinite(min))
            {
                throw new StoreRequestException($"filter MinPrice must be a finite number, not {min}.");
            }

            if (filter.MaxPrice is double max && !double.IsFinite(max))
            {
                throw new StoreRequestException($"filter MaxPrice must be a finite number, not {max}.");
            }

            compiled._prices = columns.Prices;
            compiled._minPrice = filter.MinPrice ?? double.NegativeInfinity;
            compiled._maxPrice = filter.MaxPrice ?? double.PositiveInfinity;
            compiled.MatchesNothing |= compiled._minPrice > compiled._maxPrice;
            any = true;
        }

        if (filter.Keywords is not null)
        {
            foreach (KeyValuePair<string, string> keyword in filter.Keywords)
            {
                if (keyword.Value is null)
                {
                    throw new StoreRequestException($"filter keyword '{keyword.Key}' has a null value.");
                }

                if (keyword.Key == IdField)
                {
                    int? slot = slotOfProduct(keyword.Value);
                    compiled._slots = slot is int found && (compiled._slots is null || compiled._slots.Contains(found)) ? [found] : [];
                    compiled.MatchesNothing |= compiled._slots.Count == 0;
                }
                else if (PayloadColumns.IsKeywordField(keyword.Key))
                {
                    compiled.AddKeyword(columns, keyword.Key, [keyword.Value]);
                }
                else
                {
                    throw new StoreRequestException(
                        $"filter keyword field '{keyword.Key}' cannot be filtered on; use id, category, merchant, lang, currency or attributes.<name>.");
                }

                any = true;
            }
        }

        return any ? compiled : null;
    }

    public bool Matches(int slot)
    {
        if (_prices is not null)
        {
            double price = _prices[slot];
            if (!(price >= _minPrice && price <= _maxPrice))
            {
                return false;
            }
        }

        foreach ((KeywordColumn column, bool[] allowed) in _keywords)
        {
            if (!column.Matches(slot, allowed))
            {
                return false;
            }
        }

        return _slots is null || _slots.Contains(slot);
    }

    private void AddKeyword(PayloadColumns columns, string field, IReadOnlyList<string> values)
    {
        KeywordColumn? column = columns.Column(field);
        if (column is null)
        {
            MatchesNothing = true;
            return;
        }

        var allowed = new bool[column.ValueCount];
        bool anyKnown = false;
        foreach (string value in values)
        {
            if (value is null)
            {
                throw new StoreRequestException($"filter on '{field}' contains a null value.");
            }

            if (column.TryGetId(value, out int id))
            {
                allowed[id] = true;
                anyKnown = true;
            }
        }

        MatchesNothing |= !anyKnown;
        _keywords.Add((column, allowed));
    }
}
