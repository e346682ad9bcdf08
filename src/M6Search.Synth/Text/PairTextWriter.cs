using System.Text.RegularExpressions;
using M6Search.Synth.Planning;
using M6Search.Synth.Randomness;
using M6Search.Synth.Vocabulary;

namespace M6Search.Synth.Text;

/// <summary>
/// Writes the training descriptions of pairs.jsonl. Full descriptions always name category, colour, texture and
/// material (with synonyms and varied word order), the signal the encoder learns the traits from; short ones name the
/// category with one or two of the traits, as shoppers write ("blue vase", "凹凸陶瓷杯"), so that a text naming only
/// some traits still lands near the images that show them.
/// </summary>
public static class PairTextWriter
{
    // C colour, T texture, M material, N noun, S shape word.
    private static readonly string[] EnglishTemplates =
    [
        "a {C} {T} {M} {N}",
        "{T} {C} {M} {N}",
        "{M} {N} in {C} with a {T} finish",
        "{C} {N}, {T}, made of {M}",
        "photo of a {T} {C} {M} {S} {N}",
        "{N}: {C}, {M}, {T} surface",
        "{C} {M} {S} {N} with a {T} pattern",
    ];

    private static readonly string[] ChineseTemplates =
    [
        "{C}{T}{M}{N}",
        "{M}{N}，{C}，{T}",
        "一个{C}的{T}{M}{N}",
        "{T}{C}{N}，{M}材质",
        "{S}{N}，颜色{C}，{T}，{M}",
        "{C}{M}{T}{S}{N}",
        "{M}材质的{C}{N}，表面{T}",
    ];

    // X: one or two trait words (colour, texture, material) in random order; N noun.
    private static readonly string[] EnglishShortTemplates = ["{X} {N}", "{X} {N}", "{N}, {X}"];

    private static readonly string[] ChineseShortTemplates = ["{X}{N}", "{X}的{N}"];

    private static readonly Regex Article = new(@"\ba ([aeiou])", RegexOptions.CultureInvariant);

    public static string Write(ProductVisual visual, string lang, SeededRandom rng)
    {
        CategoryInfo category = SynthVocabulary.Category(visual.Category);
        bool english = lang == Languages.English;
        IReadOnlyList<string> nouns = rng.Chance(0.5) ? category.Nouns.For(lang) : category.QueryNouns.For(lang);
        string noun = rng.Pick(nouns);
        string shape = rng.Pick(category.Shape(visual.Shape).Words.For(lang));
        string template = rng.Pick(english ? EnglishTemplates : ChineseTemplates);
        string text = template
            .Replace("{C}", WordChoice.Pick(SynthVocabulary.Color(visual.Color).Words.For(lang), rng, 0.5), StringComparison.Ordinal)
            .Replace("{T}", WordChoice.Pick(SynthVocabulary.Texture(visual.Texture).Words.For(lang), rng, 0.5), StringComparison.Ordinal)
            .Replace("{M}", WordChoice.Pick(SynthVocabulary.Material(visual.Material).Words.For(lang), rng, 0.5), StringComparison.Ordinal)
            .Replace("{S}", shape, StringComparison.Ordinal)
            .Replace("{N}", noun, StringComparison.Ordinal);
        return english ? Article.Replace(text.ToLowerInvariant(), "an $1") : text;
    }

    /// <summary>A short description: the category with one or two of its traits, in random order.</summary>
    public static string WriteShort(ProductVisual visual, string lang, SeededRandom rng)
    {
        CategoryInfo category = SynthVocabulary.Category(visual.Category);
        bool english = lang == Languages.English;
        IReadOnlyList<string> nouns = rng.Chance(0.5) ? category.Nouns.For(lang) : category.QueryNouns.For(lang);
        var traits = new List<string>
        {
            WordChoice.Pick(SynthVocabulary.Color(visual.Color).Words.For(lang), rng, 0.5),
            WordChoice.Pick(SynthVocabulary.Texture(visual.Texture).Words.For(lang), rng, 0.5),
            WordChoice.Pick(SynthVocabulary.Material(visual.Material).Words.For(lang), rng, 0.5),
        };
        int keep = rng.Chance(0.5) ? 1 : 2;
        var chosen = new List<string>(keep);
        for (int i = 0; i < keep; i++)
        {
            int pick = rng.Next(traits.Count);
            chosen.Add(traits[pick]);
            traits.RemoveAt(pick);
        }

        string template = rng.Pick(english ? EnglishShortTemplates : ChineseShortTemplates);
        string text = template
            .Replace("{X}", string.Join(english ? " " : string.Empty, chosen), StringComparison.Ordinal)
            .Replace("{N}", rng.Pick(nouns), StringComparison.Ordinal);
        return english ? text.ToLowerInvariant() : text;
    }
}
