namespace M6Search.Indexing.State;

/// <summary>Which catalog file a job read: full path, size and last write time (a changed file is a new job).</summary>
public sealed record CatalogIdentity(string Path, long Length, DateTimeOffset LastWriteUtc)
{
    /// <summary>The identity of the file as it is now.</summary>
    public static CatalogIdentity Of(string path)
    {
        var file = new FileInfo(path);
        return new CatalogIdentity(file.FullName, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
    }
}
