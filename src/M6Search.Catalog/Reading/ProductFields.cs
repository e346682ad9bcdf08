namespace M6Search.Catalog.Reading;

/// <summary>The field names of the catalog format (JSON keys and CSV column names alike).</summary>
public static class ProductFields
{
    public const string Id = "id";
    public const string Title = "title";
    public const string Image = "image";
    public const string Price = "price";
    public const string Currency = "currency";
    public const string Category = "category";
    public const string Merchant = "merchant";
    public const string Lang = "lang";
    public const string Description = "description";
    public const string Attributes = "attributes";

    /// <summary>Every named field, in the order the writer puts them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Id, Title, Image, Price, Currency, Category, Merchant, Lang, Description, Attributes];

    /// <summary>True for a field the format names (anything else is kept in <c>Product.Extra</c>).</summary>
    public static bool IsKnown(string name) => name switch
    {
        Id or Title or Image or Price or Currency or Category or Merchant or Lang or Description or Attributes => true,
        _ => false,
    };
}
