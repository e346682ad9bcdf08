namespace M6Search.Synth.Vocabulary;

/// <summary>The two languages of the synthetic catalog, as written in <c>lang</c> fields.</summary>
public static class Languages
{
    public const string English = "en";

    public const string Chinese = "zh";

    public static IReadOnlyList<string> All { get; } = [English, Chinese];
}
