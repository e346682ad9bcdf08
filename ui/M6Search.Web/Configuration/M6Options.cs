using M6Search.Imaging.Remote;
using M6Search.Search.Searching;
using M6Search.Stores.Qdrant;

namespace M6Search.Web.Configuration;

/// <summary>
/// The web app's settings, bound from the configuration section <see cref="SectionName"/> ("M6"): appsettings.json or
/// environment variables such as <c>M6__Store</c>, <c>M6__DataDir</c>, <c>M6__ModelPath</c>, <c>M6__Qdrant__Url</c>,
/// <c>M6__Qdrant__ApiKey</c> and <c>M6__Qdrant__Collection</c>.
/// </summary>
public sealed class M6Options
{
    /// <summary>The configuration section these settings are bound from.</summary>
    public const string SectionName = "M6";

    /// <summary>Which vector store serves the products: the embedded store (default) or a Qdrant server.</summary>
    public StoreKind Store { get; set; } = StoreKind.Embedded;

    /// <summary>Where the app keeps its data: the embedded store, the demo catalog, job state, the accounts database.</summary>
    public string DataDir { get; set; } = "data";

    /// <summary>The model file; empty means the shipped model (<c>models/m6-tiny.m6model</c>).</summary>
    public string? ModelPath { get; set; }

    /// <summary>The Qdrant server, used when <see cref="Store"/> is <see cref="StoreKind.Qdrant"/> (section "M6:Qdrant").</summary>
    public QdrantStoreOptions Qdrant { get; set; } = new();

    /// <summary>The collection of the embedded store (the Qdrant store uses <c>M6:Qdrant:Collection</c>).</summary>
    public string Collection { get; set; } = "products";

    /// <summary>
    /// The folder that relative catalog image paths are resolved against when images are served; the page serves no
    /// image file outside it. Empty means the demo catalog's folder, <c>DataDir/demo</c>.
    /// </summary>
    public string? CatalogDir { get; set; }

    /// <summary>The demo catalog generated and indexed when the embedded store is empty (section "M6:Demo").</summary>
    public DemoOptions Demo { get; set; } = new();

    /// <summary>Photo uploads for search by image (section "M6:Upload").</summary>
    public UploadOptions Upload { get; set; } = new();

    /// <summary>Per-client request limits of the HTTP API (section "M6:RateLimit").</summary>
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Search settings (section "M6:Search").</summary>
    public ProductSearchOptions Search { get; set; } = new();

    /// <summary>The Data Protection key ring (section "M6:DataProtection").</summary>
    public DataProtectionSettings DataProtection { get; set; } = new();

    /// <summary>The reverse proxies whose forwarded headers are believed (section "M6:ForwardedHeaders").</summary>
    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();

    /// <summary>The OpenAPI document (section "M6:OpenApi").</summary>
    public OpenApiSettings OpenApi { get; set; } = new();

    /// <summary>
    /// Where catalog images may be fetched from by indexing jobs, and redirected to by <c>/images</c> (section
    /// "M6:RemoteImages": <c>AllowedHosts</c>, <c>AllowedNetworks</c>); public addresses only by default.
    /// </summary>
    public RemoteImagePolicy RemoteImages { get; set; } = new();

    /// <summary>The data folder as an absolute path.</summary>
    public string DataDirFullPath => Path.GetFullPath(DataDir);

    /// <summary>The folder of the generated demo catalog.</summary>
    public string DemoCatalogDir => Path.Combine(DataDirFullPath, "demo");

    /// <summary>The folder image paths are resolved against (see <see cref="CatalogDir"/>).</summary>
    public string CatalogDirFullPath => string.IsNullOrWhiteSpace(CatalogDir) ? DemoCatalogDir : Path.GetFullPath(CatalogDir);

    /// <summary>The key ring's folder as an absolute path (see <see cref="DataProtectionSettings.KeysDir"/>).</summary>
    public string KeysDirFullPath =>
        string.IsNullOrWhiteSpace(DataProtection.KeysDir) ? Path.Combine(DataDirFullPath, "keys") : Path.GetFullPath(DataProtection.KeysDir);
}
