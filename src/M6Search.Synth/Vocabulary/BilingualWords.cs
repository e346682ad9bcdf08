namespace M6Search.Synth.Vocabulary;

/// <summary>
/// The words for one thing in English and Chinese. The first word of each list is the canonical one; the others are
/// synonyms that titles, descriptions and queries use now and then.
/// </summary>
public sealed record BilingualWords
{
    public BilingualWords(IReadOnlyList<string> en, IReadOnlyList<string> zh)
    {
        if (en.Count == 0 || zh.Count == 0)
        {
            throw new ArgumentException("Both languages need at least one word.");
        }

        En = en;
        Zh = zh;
    }

    public IReadOnlyList<string> En { get; }

    public IReadOnlyList<string> Zh { get; }

    public IReadOnlyList<string> For(string lang) => lang switch
    {
        Languages.English => En,
        Languages.Chinese => Zh,
        _ => throw new ArgumentOutOfRangeException(nameof(lang), lang, "Language must be \"en\" or \"zh\"."),
    };

    public string Canonical(string lang) => For(lang)[0];
}
