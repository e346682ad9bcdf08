using M6Search.Catalog.Products;

namespace M6Search.Indexing.Images;

/// <summary>
/// Where the pipeline gets a product's image: first the encoded bytes (hashed to tell whether the product changed),
/// then, only for products that did change, the decoded model input. Both may be called from many threads at once.
/// Bad images throw <see cref="M6Search.Imaging.Errors.ImageLoadException"/>.
/// </summary>
public interface IProductImageSource
{
    /// <summary>The encoded image bytes, or null when the product has no image. A relative path is resolved against
    /// <paramref name="catalogDirectory"/>.</summary>
    Task<byte[]?> ReadAsync(Product product, string catalogDirectory, CancellationToken cancellationToken = default);

    /// <summary>Decodes bytes read by <see cref="ReadAsync"/> to channel-major normalised RGB, 3 x size x size floats.</summary>
    float[] Decode(byte[] bytes, string sourceName, int imageSize);
}
