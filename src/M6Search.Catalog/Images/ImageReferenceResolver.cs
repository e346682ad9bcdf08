using System.Diagnostics.CodeAnalysis;
using M6Search.Catalog.Products;
using M6Search.Catalog.Reading;
using M6Search.Catalog.Validation;

namespace M6Search.Catalog.Images;

/// <summary>
/// Turns a catalog's <c>image</c> value into a file path or an http(s) URL. A relative path is relative to the folder
/// of the catalog file; an absolute path is taken as is (a reader that must stay inside some folders, such as the web
/// app's jobs, checks the result with <see cref="CheckConfined"/>); http and https URLs are kept. Every other URI scheme
/// (<c>file:</c>, <c>ftp:</c>, <c>data:</c>, ...) is refused: images come from the catalog's folder tree, the local
/// disk by absolute path, or the web, and nothing else. Backslashes are read as folder separators on every system,
/// so that catalogs written on Windows work elsewhere.
/// </summary>
public static class ImageReferenceResolver
{
    /// <summary>Checks the form of an image value without touching the disk; null when acceptable, else the reason.</summary>
    public static string? Check(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (string.IsNullOrWhiteSpace(image))
        {
            return "is blank; leave the field out when the product has no image";
        }

        foreach (char c in image)
        {
            if (char.IsControl(c))
            {
                return $"contains a control character (U+{(int)c:X4}): {Quote(image)}";
            }
        }

        string? scheme = SchemeOf(image);
        if (scheme is null)
        {
            return null;
        }

        if (!scheme.Equals(Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase) && !scheme.Equals(Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase))
        {
            return $"unsupported URI scheme '{scheme}:' in {Quote(image)}; use a path relative to the catalog, an absolute path, or an http(s) URL";
        }

        if (!Uri.TryCreate(image, UriKind.Absolute, out Uri? url) || string.IsNullOrEmpty(url.Host))
        {
            return $"is not a valid http(s) URL: {Quote(image)}";
        }

        return null;
    }

    /// <summary>Resolves <paramref name="image"/> against <paramref name="baseDirectory"/> (the catalog's folder).</summary>
    public static bool TryResolve(
        string image,
        string baseDirectory,
        [NotNullWhen(true)] out ImageReference? reference,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        reference = null;
        error = Check(image);
        if (error is not null)
        {
            return false;
        }

        if (SchemeOf(image) is not null)
        {
            reference = ImageReference.ForUrl(image, new Uri(image, UriKind.Absolute));
            return true;
        }

        string path = Path.DirectorySeparatorChar == '/' ? image.Replace('\\', '/') : image;
        try
        {
            string full = Path.IsPathFullyQualified(path)
                ? Path.GetFullPath(path)
                : Path.GetFullPath(Path.Combine(Path.GetFullPath(baseDirectory), path));
            reference = ImageReference.ForFile(image, full);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            error = $"is not a usable path: {Quote(image)} ({ex.Message})";
            return false;
        }
    }

    /// <summary>
    /// Resolves a product's image against the folder of <paramref name="catalogPath"/>; null when the product has
    /// no image.
    /// </summary>
    /// <param name="line">The product's line, for the error; 0 when unknown.</param>
    /// <exception cref="CatalogException">The image value is refused; the issue names field <c>image</c>.</exception>
    public static ImageReference? Resolve(Product product, string catalogPath, int line = 0)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentException.ThrowIfNullOrEmpty(catalogPath);
        if (string.IsNullOrEmpty(product.Image))
        {
            return null;
        }

        string baseDirectory = Path.GetDirectoryName(Path.GetFullPath(catalogPath)) ?? Directory.GetCurrentDirectory();
        if (TryResolve(product.Image, baseDirectory, out ImageReference? reference, out string? error))
        {
            return reference;
        }

        throw new CatalogException(new CatalogIssue(catalogPath, line, ProductFields.Image, product.Id, error));
    }

    /// <summary>
    /// Why a resolved file reference may not be read by a reader confined to <paramref name="folders"/> (it lies outside
    /// them once <c>../</c> and symbolic links are resolved), or null when it may; URLs are not files and pass.
    /// </summary>
    public static string? CheckConfined(ImageReference reference, AllowedFolders folders)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(folders);
        return !reference.IsFile || folders.Contains(reference.FilePath!)
            ? null
            : $"{Quote(reference.Original)} is outside the allowed folders ({string.Join(", ", folders.Roots)})";
    }

    /// <summary>The URI scheme at the start of <paramref name="value"/>, or null when it reads as a path.</summary>
    private static string? SchemeOf(string value)
    {
        // RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":". One letter is a Windows drive ("C:\..."), not a scheme.
        int colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon < 2 || !char.IsAsciiLetter(value[0]))
        {
            return null;
        }

        for (int i = 1; i < colon; i++)
        {
            char c = value[i];
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return null;
            }
        }

        return value[..colon];
    }

    private static string Quote(string value) => JsonText.Quote(value);
}
