namespace M6Search.Stores.Embedded.Filtering;

/// <summary>
/// The filterable payload of every slot, column-wise: prices (NaN when absent) and one <see cref="KeywordColumn"/> per
/// keyword field (category, merchant, lang, currency and each attribute seen).
/// </summary>
internal sealed class PayloadColumns
{
    public const string PriceField = "price";
    public const string AttributesField = "attributes";
    public const string AttributesPrefix = "attributes.";
    public const string CategoryField = "category";
    public const string MerchantField = "merchant";
    public const string LangField = "lang";
    public const string CurrencyField = "currency";

    private readonly Dictionary<string, KeywordColumn> _columns = new(StringComparer.Ordinal);
    private double[] _prices = [];

    public long MemoryBytes => ((long)_prices.Length * sizeof(double)) + _columns.Values.Sum(column => column.MemoryBytes);

    public static bool IsTopLevelKeywordField(string field) =>
        field is CategoryField or MerchantField or LangField or CurrencyField;

    public static bool IsKeywordField(string field) =>
        IsTopLevelKeywordField(field) || (field.StartsWith(AttributesPrefix, StringComparison.Ordinal) && field.Length > AttributesPrefix.Length);

    public void EnsureCapacity(int rows)
    {
        if (_prices.Length >= rows)
        {
            return;
        }

        int size = Math.Max(rows, _prices.Length * 2);
        int oldLength = _prices.Length;
        Array.Resize(ref _prices, size);
        Array.Fill(_prices, double.NaN, oldLength, size - oldLength);
        foreach (KeywordColumn column in _columns.Values)
        {
            column.EnsureCapacity(size);
        }
    }

    public void Set(int slot, PayloadFields fields)
    {
        Clear(slot);
        _prices[slot] = fields.Price ?? double.NaN;
        foreach (KeyValuePair<string, string[]> keyword in fields.Keywords)
        {
            if (!_columns.TryGetValue(keyword.Key, out KeywordColumn? column))
            {
                column = new KeywordColumn(_prices.Length);
                _columns.Add(keyword.Key, column);
            }

            column.Set(slot, keyword.Value);
        }
    }

    public void Clear(int slot)
    {
        _prices[slot] = double.NaN;
        foreach (KeywordColumn column in _columns.Values)
        {
            column.Clear(slot);
        }
    }

    public KeywordColumn? Column(string field) => _columns.GetValueOrDefault(field);

    public double[] Prices => _prices;
}
