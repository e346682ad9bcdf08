using M6Search.Catalog.Products;

namespace M6Search.Indexer.Composition;

/// <summary>Loads a catalog product's image as encoder input.</summary>
public interface IProductImageLoader
{
    /// <summary>
    /// The product's image as channel-major normalised RGB, 3 x <paramref name="imageSize"/> x <paramref name="imageSize"/>
    /// floats; null when the product has no image. A relative image path is resolved against
    /// <paramref name="catalogDirectory"/>.
    /// </summary>
    float[]? Load(Product product, string catalogDirectory, int imageSize);
}
