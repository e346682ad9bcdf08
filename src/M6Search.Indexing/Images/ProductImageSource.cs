using M6Search.Catalog.Images;
using M6Search.Catalog.Products;
using M6Search.Imaging;
using M6Search.Imaging.Errors;

namespace M6Search.Indexing.Images;

/// <summary>
/// Catalog images through the safe <see cref="ImageLoader"/>: paths relative to the catalog, absolute paths and
/// http(s) URLs (with the loader's size, pixel and download limits and its outbound URL policy). With
/// <c>allowedFolders</c> no file outside them is read (kind <see cref="ImageErrorKind.Refused"/>).
/// </summary>
public sealed class ProductImageSource : IProductImageSource
{
    private readonly ImageLoader _loader;
    private readonly AllowedFolders? _allowedFolders;

    /// <param name="loader">The loader (default: <see cref="ImageLoader"/> with default options).</param>
    /// <param name="allowedFolders">Folders local images must lie in; null reads any path the process can.</param>
    public ProductImageSource(ImageLoader? loader = null, AllowedFolders? allowedFolders = null)
    {
        _loader = loader ?? new ImageLoader();
        _allowedFolders = allowedFolders;
    }

    public async Task<byte[]?> ReadAsync(Product product, string catalogDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(product);
        if (string.IsNullOrEmpty(product.Image))
        {
            return null;
        }

        if (!ImageReferenceResolver.TryResolve(product.Image, catalogDirectory, out ImageReference? reference, out string? error))
        {
            throw new ImageLoadException(ImageErrorKind.InvalidSource, product.Image, error ?? "the image reference is not usable.");
        }

        if (_allowedFolders is not null && ImageReferenceResolver.CheckConfined(reference!, _allowedFolders) is { } outside)
        {
            throw new ImageLoadException(ImageErrorKind.Refused, product.Image, outside + ".");
        }

        string source = reference!.IsFile ? reference.FilePath! : reference.Url!.ToString();
        return await _loader.ReadBytesAsync(source, cancellationToken).ConfigureAwait(false);
    }

    public float[] Decode(byte[] bytes, string sourceName, int imageSize) => _loader.Load(bytes, sourceName, imageSize).Chw;
}
