using M6Search.Search.Encoding;
using M6Search.Stores.Abstractions;

namespace M6Search.Web.Demo;

/// <summary>Indexes a catalog file into the store (embeds images and titles, builds lexical vectors, upserts).</summary>
public interface IDemoCatalogIndexer
{
    /// <summary>Indexes every product of <paramref name="catalogPath"/>; reports (done, total) products as it goes.</summary>
    Task IndexAsync(
        string catalogPath, IProductVectorStore store, QueryEmbedder embedder, IProgress<(int Done, int Total)> progress, CancellationToken cancellationToken = default);
}
