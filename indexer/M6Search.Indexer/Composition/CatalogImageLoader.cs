using M6Search.Catalog.Images;
using M6Search.Catalog.Products;
using M6Search.Imaging;

namespace M6Search.Indexer.Composition;

/// <summary>Loads catalog images (paths relative to the catalog, absolute paths, http(s) URLs) with the safe loader.</summary>
public sealed class CatalogImageLoader : IProductImageLoader
{
    private readonly ImageLoader _loader;

    public CatalogImageLoader(ImageLoader? loader = null)
    {
        _loader = loader ?? CliImageLoading.CreateLoader();
    }

    public float[]? Load(Product product, string catalogDirectory, int imageSize)
    {
        ArgumentNullException.ThrowIfNull(product);
        if (string.IsNullOrEmpty(product.Image))
        {
            return null;
        }

        if (!ImageReferenceResolver.TryResolve(product.Image, catalogDirectory, out var reference, out string? error))
        {
            throw new InvalidDataException($"product {product.Id}: field 'image': {error}");
        }

        string source = reference!.IsFile ? reference.FilePath! : reference.Url!.ToString();
        // The evaluator calls this synchronously from its own loop; the loader's async path only awaits I/O.
        return _loader.LoadAsync(source, imageSize).GetAwaiter().GetResult().Chw;
    }
}
