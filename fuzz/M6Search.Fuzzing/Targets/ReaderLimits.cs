using M6Search.Catalog.Reading;

namespace M6Search.Fuzzing.Targets;

/// <summary>
/// The option sets every reader input is read with: the defaults, and small limits that short fuzz inputs can reach
/// (long ids, titles and lines).
/// </summary>
internal static class ReaderLimits
{
    public static IReadOnlyList<CatalogReadOptions> Catalog(CatalogFormat format) =>
    [
        new CatalogReadOptions { Format = format },
        new CatalogReadOptions { Format = format, MaxIdLength = 8, MaxTitleLength = 24, MaxLineBytes = 96 },
    ];

    public static IReadOnlyList<JsonLinesReadOptions> JsonLines { get; } =
    [
        JsonLinesReadOptions.Default,
        new JsonLinesReadOptions { MaxIdLength = 8, MaxTextLength = 24, MaxLineBytes = 96 },
    ];
}
