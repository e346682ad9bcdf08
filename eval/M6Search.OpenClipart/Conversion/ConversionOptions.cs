using M6Search.OpenClipart.Queries;
using M6Search.OpenClipart.Splitting;

namespace M6Search.OpenClipart.Conversion;

/// <summary>Everything one conversion run needs.</summary>
public sealed record ConversionOptions
{
    /// <summary>Folder with the extracted packages (usr/share/openclipart/{svg,png}).</summary>
    public required string From { get; init; }

    /// <summary>Output folder; train/, validation/ and test/ are written inside it.</summary>
    public required string Out { get; init; }

    public SplitOptions Split { get; init; } = new();

    public QueryOptions Queries { get; init; } = new();

    /// <summary>Longest side of the written JPEGs, in pixels.</summary>
    public int ImageSize { get; init; } = 256;

    /// <summary>Images converted at once.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
}
