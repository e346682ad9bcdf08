using M6Search.Catalog.Images;
using M6Search.Catalog.Products;
using M6Search.Imaging.Remote;
using M6Search.Web.Configuration;
using Microsoft.Extensions.Options;

namespace M6Search.Web.Images;

/// <summary>
/// Finds the file behind <c>/images/{productId}</c>. The path comes from the stored product (its catalog <c>image</c>
/// field), never from the URL, and is served only when it resolves inside the catalog folder (<c>M6:CatalogDir</c>)
/// to a regular file with an image extension: a catalog row such as <c>"../../etc/passwd"</c> or an absolute path
/// elsewhere is refused, and symbolic links are not followed out of the folder. http(s) images are redirected to only
/// on a host of <c>M6:RemoteImages:AllowedHosts</c> (none by default), never to any URL a catalog holds.
/// </summary>
public sealed class ProductImageResolver
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".webp"] = "image/webp",
        [".gif"] = "image/gif",
    };

    private readonly string _root;
    private readonly RemoteImagePolicy _remote;

    public ProductImageResolver(IOptions<M6Options> options)
        : this(options.Value.CatalogDirFullPath, options.Value.RemoteImages)
    {
    }

    public ProductImageResolver(string catalogDirectory, RemoteImagePolicy? remote = null)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(catalogDirectory)) + Path.DirectorySeparatorChar;
        _remote = remote ?? new RemoteImagePolicy();
    }

    public ProductImageSource Resolve(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        if (string.IsNullOrEmpty(product.Image)
            || !ImageReferenceResolver.TryResolve(product.Image, _root, out ImageReference? reference, out _))
        {
            return ProductImageSource.None;
        }

        if (reference.IsHttp)
        {
            // A redirect sends the shopper's browser there: only to a host the admin listed (and the CSP allows).
            return _remote.AllowedHosts.Count > 0 && _remote.AllowsHost(reference.Url!.IdnHost)
                ? new ProductImageSource(null, reference.Url, null)
                : ProductImageSource.None;
        }

        string path = reference.FilePath!;
        if (!path.StartsWith(_root, StringComparison.Ordinal)
            || !ContentTypes.TryGetValue(Path.GetExtension(path), out string? contentType))
        {
            return ProductImageSource.None;
        }

        var file = new FileInfo(path);
        if (!file.Exists || file.LinkTarget is not null || HasLinkedFolder(file.Directory))
        {
            return ProductImageSource.None;
        }

        return new ProductImageSource(path, null, contentType);
    }

    private bool HasLinkedFolder(DirectoryInfo? folder)
    {
        for (; folder is not null && folder.FullName.Length + 1 > _root.Length; folder = folder.Parent)
        {
            if (folder.LinkTarget is not null)
            {
                return true;
            }
        }

        return false;
    }
}
