namespace M6Search.Web.Images;

/// <summary>Where a product's image is: a file inside the catalog folder, a remote URL, or nowhere servable.</summary>
public sealed record ProductImageSource(string? FilePath, Uri? Url, string? ContentType)
{
    public static ProductImageSource None { get; } = new(null, null, null);
}
