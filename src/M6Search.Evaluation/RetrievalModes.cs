using M6Search.Search.Searching;

namespace M6Search.Evaluation;

/// <summary>Spellings of <see cref="RetrievalMode"/> on the command line and in reports, and what each mode searches.</summary>
public static class RetrievalModes
{
    /// <summary>Every mode, in report order.</summary>
    public static IReadOnlyList<RetrievalMode> All { get; } =
        [RetrievalMode.Title, RetrievalMode.Image, RetrievalMode.Text, RetrievalMode.Lexical, RetrievalMode.Hybrid];

    /// <summary>The lower-case name used in tables, JSON and <c>--modes</c>.</summary>
    public static string Name(RetrievalMode mode) => mode switch
    {
        RetrievalMode.Title => "title",
        RetrievalMode.Image => "image",
        RetrievalMode.Text => "text",
        RetrievalMode.Lexical => "lexical",
        RetrievalMode.Hybrid => "hybrid",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown retrieval mode."),
    };

    /// <summary>True for the modes that ask the search service (every mode but the title baseline): they need a model and an index.</summary>
    public static bool UsesSearch(RetrievalMode mode) => mode != RetrievalMode.Title;

    /// <summary>The search channels a search mode fuses.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The mode is the title baseline, which is not a search of the app.</exception>
    public static SearchChannels Channels(RetrievalMode mode) => mode switch
    {
        RetrievalMode.Image => SearchChannels.Image,
        RetrievalMode.Text => SearchChannels.Text,
        RetrievalMode.Lexical => SearchChannels.Lexical,
        RetrievalMode.Hybrid => SearchChannels.All,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "The title baseline is not a search of the app."),
    };

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
