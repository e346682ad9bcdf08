using M6Search.Catalog.Images;
using M6Search.Catalog.Products;
using M6Search.Imaging;
using M6Search.Imaging.Errors;

namespace M6Search.Indexing.Images;

/// <summary>
/// Catalog images through the safe <see cref="ImageLoader"/>: paths relative to the catalog, absolute paths and
/// http(s) URLs (with the loader's size, pixel and download limits).
/// </summary>
public sealed class ProductImageSource : IProductImageSource
{
    private readonly ImageLoader _loader;

    public ProductImageSource(ImageLoader? loader = null)
    {
        _loader = loader ?? new ImageLoader();
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

        string source = reference!.IsFile ? reference.FilePath! : reference.Url!.ToString();
        return await _loader.ReadBytesAsync(source, cancellationToken).ConfigureAwait(false);
    }

    public float[] Decode(byte[] bytes, string sourceName, int imageSize) => _loader.Load(bytes, sourceName, imageSize).Chw;
}
