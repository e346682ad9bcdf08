namespace M6Search.Indexing.Stores;

/// <summary>
/// Where the vectors go, as written on the command line: <c>embedded:DIR</c> (the embedded store's data folder) or
/// <c>qdrant:URL</c> (a Qdrant server's gRPC address, <c>qdrant:http://localhost:6334</c>). The Qdrant API key never appears here: it
/// comes from the environment variable <c>M6__Qdrant__ApiKey</c>.
/// </summary>
public sealed record StoreSpec(StoreKind Kind, string Location)
{
    /// <summary>The default collection name.</summary>
    public const string DefaultCollection = "products";

    /// <summary>Parses <c>embedded:DIR</c> or <c>qdrant:URL</c>.</summary>
    /// <exception cref="FormatException">Anything else, with what was expected.</exception>
    public static StoreSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string value = text.Trim();
        int colon = value.IndexOf(':', StringComparison.Ordinal);
        string kind = colon < 0 ? string.Empty : value[..colon].ToLowerInvariant();
        string location = colon < 0 ? string.Empty : value[(colon + 1)..];
        switch (kind)
        {
            case "embedded":
                if (string.IsNullOrWhiteSpace(location))
                {
                    throw new FormatException($"store '{text}': embedded needs a folder, as in embedded:./data.");
                }

                return new StoreSpec(StoreKind.Embedded, location);
            case "qdrant":
                if (!Uri.TryCreate(location, UriKind.Absolute, out Uri? url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                {
                    throw new FormatException($"store '{text}': qdrant needs an http(s) URL (Qdrant's gRPC address), as in qdrant:http://localhost:6334.");
                }

                return new StoreSpec(StoreKind.Qdrant, location);
            default:
                throw new FormatException(
                    $"store '{text}' is not understood: use embedded:DIR (a local folder) or qdrant:URL (Qdrant's gRPC address, for example qdrant:http://localhost:6334).");
        }
    }

    /// <summary>The <c>kind:location</c> form.</summary>
    public override string ToString() => (Kind == StoreKind.Embedded ? "embedded:" : "qdrant:") + Location;
}
