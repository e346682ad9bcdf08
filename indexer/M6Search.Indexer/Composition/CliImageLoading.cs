using M6Search.Imaging;
using M6Search.Imaging.Remote;

namespace M6Search.Indexer.Composition;

/// <summary>
/// How the command line reads catalog images: the operator chose the catalog, so (unlike the web app's jobs) absolute
/// paths anywhere on the machine are read and http(s) images are fetched from any address, private networks included.
/// </summary>
public static class CliImageLoading
{
    /// <summary>The help text's note on image paths and URLs.</summary>
    public const string Note =
        "Image paths may be relative to the catalog or absolute (any file this user can read); http(s) images are fetched from any address. "
        + "(The web app's jobs read only under M6:Jobs:CatalogRoots and fetch only from public addresses or M6:RemoteImages.)";

    /// <summary>A loader with default limits and no outbound address restriction.</summary>
    public static ImageLoader CreateLoader() =>
        new(new ImageLoadOptions { Remote = new RemoteImageOptions { Policy = RemoteImagePolicy.Unrestricted() } });
}
