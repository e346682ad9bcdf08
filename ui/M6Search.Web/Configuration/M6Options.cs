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
}
