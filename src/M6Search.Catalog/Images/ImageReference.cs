namespace M6Search.Catalog.Images;

/// <summary>A product's <c>image</c> value resolved against its catalog: an absolute file path or an http(s) URL.</summary>
public sealed class ImageReference
{
    private ImageReference(ImageReferenceKind kind, string original, string? filePath, Uri? url)
    {
        Kind = kind;
        Original = original;
        FilePath = filePath;
        Url = url;
    }

    public ImageReferenceKind Kind { get; }

    /// <summary>The value as written in the catalog.</summary>
    public string Original { get; }

    /// <summary>The absolute, normalised path; set when <see cref="Kind"/> is <see cref="ImageReferenceKind.File"/>.</summary>
    public string? FilePath { get; }

    /// <summary>The absolute http(s) URL; set when <see cref="Kind"/> is <see cref="ImageReferenceKind.Http"/>.</summary>
    public Uri? Url { get; }

    public bool IsFile => Kind == ImageReferenceKind.File;

    public bool IsHttp => Kind == ImageReferenceKind.Http;

    public static ImageReference ForFile(string original, string absolutePath) =>
        new(ImageReferenceKind.File, original, absolutePath, null);

    public static ImageReference ForUrl(string original, Uri url) =>
        new(ImageReferenceKind.Http, original, null, url);

    /// <summary>The path or the URL.</summary>
    public override string ToString() => FilePath ?? Url!.AbsoluteUri;
}
