namespace M6Search.Evaluation;

/// <summary>Spellings of <see cref="RetrievalMode"/> on the command line and in reports.</summary>
public static class RetrievalModes
{
    /// <summary>Every mode, in report order.</summary>
    public static IReadOnlyList<RetrievalMode> All { get; } =
        [RetrievalMode.Title, RetrievalMode.Image, RetrievalMode.Text, RetrievalMode.Hybrid];

    /// <summary>The lower-case name used in tables, JSON and <c>--modes</c>.</summary>
    public static string Name(RetrievalMode mode) => mode switch
    {
        RetrievalMode.Title => "title",
        RetrievalMode.Image => "image",
        RetrievalMode.Text => "text",
        RetrievalMode.Hybrid => "hybrid",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown retrieval mode."),
    };

    /// <summary>True when the mode needs embeddings, that is a model.</summary>
    public static bool NeedsEncoder(RetrievalMode mode) => mode != RetrievalMode.Title;

    /// <summary>True when the mode needs the catalog's image embeddings.</summary>
    public static bool NeedsImages(RetrievalMode mode) => mode is RetrievalMode.Image or RetrievalMode.Hybrid;

    /// <summary>True when the mode needs the catalog's title embeddings.</summary>
    public static bool NeedsTitleEmbeddings(RetrievalMode mode) => mode is RetrievalMode.Text or RetrievalMode.Hybrid;

    /// <summary>
    /// Parses a comma-separated list such as <c>title,image,hybrid</c> (case-insensitive, spaces allowed), keeping the
    /// order of <see cref="All"/> and dropping repeats.
    /// </summary>
    /// <exception cref="ArgumentException">A name is not a mode, or the list is empty.</exception>
    public static IReadOnlyList<RetrievalMode> Parse(string value) =>
        TryParse(value, out IReadOnlyList<RetrievalMode> modes, out string? error)
            ? modes
            : throw new ArgumentException(error, nameof(value));

    /// <summary>Like <see cref="Parse"/>, returning the problem as a sentence instead of throwing.</summary>
    public static bool TryParse(string value, out IReadOnlyList<RetrievalMode> modes, out string? error)
    {
        ArgumentNullException.ThrowIfNull(value);
        modes = [];
        var chosen = new HashSet<RetrievalMode>();
        foreach (string part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            RetrievalMode[] match = All.Where(m => string.Equals(Name(m), part, StringComparison.OrdinalIgnoreCase)).ToArray();
            if (match.Length == 0)
            {
                error = $"Unknown retrieval mode '{part}': expected a comma-separated list of {ListText}.";
                return false;
            }

            chosen.Add(match[0]);
        }

        if (chosen.Count == 0)
        {
            error = $"No retrieval mode given: expected a comma-separated list of {ListText}.";
            return false;
        }

        modes = All.Where(chosen.Contains).ToArray();
        error = null;
        return true;
    }

    /// <summary>Every mode's name, comma-separated: the default of <c>--modes</c>.</summary>
    public static string ListText => string.Join(",", All.Select(Name));
}
