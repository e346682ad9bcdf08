using M6Search.Catalog.Products;
using M6Search.Catalog.Reading;
using M6Search.Catalog.Validation;

namespace M6Search.Catalog.Writing;

/// <summary>
/// Writes a catalog as JSON Lines, one <see cref="Product"/> per line; <see cref="Product.Extra"/> fields are written
/// back beside the named ones. A product the reader would reject is refused with a <see cref="CatalogException"/>.
/// </summary>
public sealed class CatalogWriter : JsonLinesWriter<Product>
{
    private readonly CatalogReadOptions _limits;

    /// <param name="stream">Where the lines go.</param>
    /// <param name="fileName">Names the output in errors.</param>
    /// <param name="leaveOpen">Leave <paramref name="stream"/> open on dispose.</param>
    /// <param name="limits">The limits to check against; the format's defaults when null.</param>
    public CatalogWriter(Stream stream, string fileName = "catalog.jsonl", bool leaveOpen = false, CatalogReadOptions? limits = null)
        : base(stream, fileName, leaveOpen)
    {
        _limits = limits ?? CatalogReadOptions.Default;
    }

    /// <summary>Creates (or replaces) the catalog file at <paramref name="path"/>.</summary>
    public static CatalogWriter Create(string path, CatalogReadOptions? limits = null) =>
        new(CreateFile(path), path, leaveOpen: false, limits);

    /// <summary>Writes <paramref name="products"/> to a new file at <paramref name="path"/>; returns how many were written.</summary>
    public static async Task<long> WriteFileAsync(string path, IAsyncEnumerable<Product> products, CancellationToken cancellationToken = default)
    {
        var writer = Create(path);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAllAsync(products, cancellationToken).ConfigureAwait(false);
            return writer.Count;
        }
    }

    /// <summary>Writes <paramref name="products"/> to a new file at <paramref name="path"/>; returns how many were written.</summary>
    public static async Task<long> WriteFileAsync(string path, IEnumerable<Product> products, CancellationToken cancellationToken = default)
    {
        var writer = Create(path);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAllAsync(products, cancellationToken).ConfigureAwait(false);
            return writer.Count;
        }
    }

    protected override void Check(Product value, int line)
    {
        var issues = new RowIssues(FileName, line);
        string? id = FieldRules.Id(ProductFields.Id, value.Id ?? string.Empty, _limits.MaxIdLength, issues);
        issues.RowId = id ?? value.Id;
        FieldRules.RequiredText(ProductFields.Title, value.Title ?? string.Empty, _limits.MaxTitleLength, issues);
        if (value.Image is { Length: 0 })
        {
            issues.Error(ProductFields.Image, "is empty; leave it null when the product has no image");
        }
        else if (value.Image is not null)
        {
            FieldRules.Image(ProductFields.Image, value.Image, issues, warnWhenEmpty: false);
        }

        if (value.Price is { } price)
        {
            FieldRules.Price(ProductFields.Price, price, issues);
        }

        if (value.Currency is not null)
        {
            FieldRules.Currency(ProductFields.Currency, value.Currency, issues);
        }

        if (value.Lang is not null)
        {
            FieldRules.Lang(ProductFields.Lang, value.Lang, issues);
        }

        if (value.Extra is not null)
        {
            foreach (var pair in value.Extra)
            {
                if (ProductFields.IsKnown(pair.Key))
                {
                    issues.Error(pair.Key, "is a named field of the format and cannot also be an extra field");
                }
            }
        }

        if (issues.HasErrors)
        {
            throw new CatalogException(issues.Issues.Where(i => i.Severity == IssueSeverity.Error).ToArray());
        }
    }
}
