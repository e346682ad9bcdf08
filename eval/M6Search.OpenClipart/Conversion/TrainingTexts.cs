using M6Search.OpenClipart.Cleaning;

namespace M6Search.OpenClipart.Conversion;

/// <summary>
/// The human texts of a training item besides its title (which the trainer reads from catalog.jsonl): its keywords and
/// category folders as one comma-separated line, and its description when it has one.
/// </summary>
public static class TrainingTexts
{
    public static IEnumerable<string> Of(ClipartItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string[] terms = item.Keywords.Concat(item.Folders.Reverse()).Where(t => seen.Add(Terms.Stem(t))).ToArray();
        if (terms.Length > 0)
        {
            yield return string.Join(", ", terms);
        }

        if (item.Description.Length > 0)
        {
            yield return item.Description;
        }
    }
}
