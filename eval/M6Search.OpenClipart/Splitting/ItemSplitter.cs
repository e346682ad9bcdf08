using M6Search.OpenClipart.Cleaning;

namespace M6Search.OpenClipart.Splitting;

/// <summary>
/// De-duplicates and splits the cleaned items: one item per identical picture (same PNG bytes; the copies' keywords and folders are merged into it), at most
/// <see cref="SplitOptions.SeriesCap"/> items per near-duplicate series, and every series wholly in one split, so no
/// near-copy of a test picture is trained on.
/// </summary>
public sealed class ItemSplitter(SplitOptions options)
{
    /// <summary>Items by split, each in source-path order, and what was dropped.</summary>
    /// <param name="items">Cleaned items in source-path order.</param>
    /// <param name="pictureKey">A key equal for identical pictures (the PNG's hash).</param>
    public SplitResult Split(IReadOnlyList<ClipartItem> items, Func<ClipartItem, string> pictureKey)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(pictureKey);
        options.Validate();
        var firstWithPicture = new Dictionary<string, int>(StringComparer.Ordinal);
        var unique = new List<ClipartItem>(items.Count);
        int duplicatePictures = 0;
        foreach (ClipartItem item in items)
        {
            if (firstWithPicture.TryGetValue(pictureKey(item), out int first))
            {
                unique[first] = unique[first].MergedWith(item);
                duplicatePictures++;
            }
            else
            {
                firstWithPicture[pictureKey(item)] = unique.Count;
                unique.Add(item);
            }
        }

        var kept = new HashSet<string>(StringComparer.Ordinal);
        int seriesDropped = 0;
        foreach (IGrouping<string, ClipartItem> series in unique.GroupBy(i => i.SeriesKey, StringComparer.Ordinal))
        {
            var chosen = series.OrderBy(i => SeededHash.Unit(options.Seed, "series-member", i.SourcePath)).Take(options.SeriesCap).ToList();
            seriesDropped += series.Count() - chosen.Count;
            kept.UnionWith(chosen.Select(i => i.Id));
        }

        var splits = new Dictionary<SplitName, List<ClipartItem>>
        {
            [SplitName.Train] = [],
            [SplitName.Validation] = [],
            [SplitName.Test] = [],
        };
        foreach (ClipartItem item in unique.Where(i => kept.Contains(i.Id)))
        {
            splits[Assign(item.SeriesKey)].Add(item);
        }

        return new SplitResult(splits.ToDictionary(p => p.Key, p => (IReadOnlyList<ClipartItem>)p.Value), duplicatePictures, seriesDropped);
    }

    /// <summary>The split of a series: test below the test fraction, validation next, training the rest.</summary>
    public SplitName Assign(string seriesKey)
    {
        double u = SeededHash.Unit(options.Seed, "split", seriesKey);
        return u < options.TestFraction ? SplitName.Test
            : u < options.TestFraction + options.ValidationFraction ? SplitName.Validation
            : SplitName.Train;
    }
}
