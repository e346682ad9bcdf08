using M6Search.OpenClipart.Cleaning;

namespace M6Search.OpenClipart.Splitting;

/// <summary>The items of each split and how many were dropped as copies.</summary>
/// <param name="Items">Items by split, in source-path order.</param>
/// <param name="DuplicatePictures">Items dropped because an earlier item has the same picture.</param>
/// <param name="SeriesDropped">Items dropped beyond the series cap.</param>
public sealed record SplitResult(IReadOnlyDictionary<SplitName, IReadOnlyList<ClipartItem>> Items, int DuplicatePictures, int SeriesDropped);
