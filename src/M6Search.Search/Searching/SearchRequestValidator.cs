namespace M6Search.Search.Searching;

/// <summary>Checks search input against <see cref="ProductSearchOptions"/>; field names are the HTTP API's parameter names.</summary>
public sealed class SearchRequestValidator
{
    private readonly ProductSearchOptions _options;

    public SearchRequestValidator(ProductSearchOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>Throws <see cref="SearchValidationException"/> listing every problem of <paramref name="query"/>.</summary>
    public void Validate(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (CheckText(query.Text) is { } problem)
        {
            errors["q"] = [problem];
        }

        if (query.Channels == SearchChannels.None || (query.Channels & ~SearchChannels.All) != 0)
        {
            errors["channels"] = [$"Search at least one of the image, text and lexical channels, and no other (got {(int)query.Channels})."];
        }

        ValidatePage(query.Limit, query.Offset, errors);
        ValidateFilters(query.Filters, errors);
        Throw(errors);
    }

    /// <summary>
    /// Why the search would refuse <paramref name="text"/> as a query, or null when it accepts it: empty, longer than
    /// <see cref="ProductSearchOptions.MaxQueryLength"/>, or holding control characters other than tab and line breaks.
    /// Stored queries (the query log, judgments) are checked with this too, so that every stored query can be searched.
    /// </summary>
    public string? CheckText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "The query is empty; type at least one word.";
        }

        if (text.Length > _options.MaxQueryLength)
        {
            return $"The query has {text.Length} characters; at most {_options.MaxQueryLength} are allowed.";
        }

        return text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')) ? "The query contains control characters." : null;
    }

    /// <summary>Checks a page and filters for image and "more like this" searches.</summary>
    public void ValidatePageAndFilters(int limit, int offset, SearchFilters filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        ValidatePage(limit, offset, errors);
        ValidateFilters(filters, errors);
        Throw(errors);
    }

    private void ValidatePage(int limit, int offset, Dictionary<string, string[]> errors)
    {
        if (limit < 1 || limit > _options.MaxResults)
        {
            errors["k"] = [$"k must be between 1 and {_options.MaxResults}, not {limit}."];
        }

        if (offset < 0 || offset > _options.MaxOffset)
        {
            errors["offset"] = [$"offset must be between 0 and {_options.MaxOffset}, not {offset}."];
        }
    }

    private static void ValidateFilters(SearchFilters filters, Dictionary<string, string[]> errors)
    {
        CheckPrice(filters.MinPrice, "minPrice", errors);
        CheckPrice(filters.MaxPrice, "maxPrice", errors);
        if (filters.MinPrice is double min && filters.MaxPrice is double max && min > max && !errors.ContainsKey("minPrice"))
        {
            errors["minPrice"] = [$"minPrice ({min}) must not exceed maxPrice ({max})."];
        }

        CheckKeyword(filters.Category, "category", errors);
        CheckKeyword(filters.Merchant, "merchant", errors);
    }

    private static void CheckPrice(double? price, string field, Dictionary<string, string[]> errors)
    {
        if (price is double value && (!double.IsFinite(value) || value < 0))
        {
            errors[field] = [$"{field} must be a finite number >= 0, not {value}."];
        }
    }

    private static void CheckKeyword(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (value is not null && value.Length > 256)
        {
            errors[field] = [$"{field} has {value.Length} characters; at most 256 are allowed."];
        }
    }

    private static void Throw(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0)
        {
            throw new SearchValidationException(errors);
        }
    }
}
