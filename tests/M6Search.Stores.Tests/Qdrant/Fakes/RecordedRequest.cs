namespace M6Search.Stores.Tests.Qdrant.Fakes;

/// <summary>One request as the scripted handler saw it.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The path without the query, for example "/collections/products/points".</summary>
    public string Path => Uri.AbsolutePath;

    public override string ToString() => $"{Method} {Uri.PathAndQuery}";
}
