using System.Text;
using M6Search.Synth.Planning;
using M6Search.Synth.Randomness;
using M6Search.Synth.Vocabulary;

namespace M6Search.Synth.Text;

/// <summary>
/// Writes a marketplace listing for a product: a brand-like title with size and marketing words that names each
/// visual trait only with probability <c>1 - omitRate</c> (independently per trait), a price, a merchant and
/// sometimes a description.
/// </summary>
public static class ListingWriter
{
    // Title layouts: groups of part codes separated by "|"; the group separator and the word separator follow.
    // B brand, L lead, K lead in 【】, C colour, T texture, M material, S shape word, N noun, Z size,
    // P category phrase, G generic tail.
    private static readonly (string Pattern, string GroupSeparator, string WordSeparator)[] EnglishLayouts =
    [
        ("B L C T M S N|Z|P", ", ", " "),
        ("L T M S N|C|Z|B", " - ", " "),
        ("B S N Z|M C T|P G", " ", " "),
        ("B|L C M N|T S|Z G", " | ", " "),
        ("L B T C M N S Z P", " ", " "),
        ("B N|C T M|Z|P G", ", ", " "),
    ];

    private static readonly (string Pattern, string GroupSeparator, string WordSeparator)[] ChineseLayouts =
    [
        ("L|B|C T M S N|Z|P|G", " ", ""),
        ("K B M N|C T|Z P G", " ", ""),
        ("B L T M S N C Z P", " ", " "),
        ("K|B S N|M|C T|Z|G", " ", ""),
        ("L B|C M T N|S Z|P G", " ", ""),
    ];

    public static ProductListing Write(ProductVisual visual, string lang, double omitRate, SeededRandom rng)
    {
        CategoryInfo category = SynthVocabulary.Category(visual.Category);
        bool english = lang == Languages.English;

        int merchantIndex = rng.Next(ListingWords.Merchants.Count);
        string brand = rng.Pick(ListingWords.BrandsOf(merchantIndex, lang));

        var named = new HashSet<TraitKind>();
        string? TraitWord(TraitKind kind)
        {
            if (rng.Chance(omitRate))
            {
                return null;
            }

            named.Add(kind);
            string word = WordChoice.Pick(SynthVocabulary.Words(kind, visual.Get(kind)).For(lang), rng);
            return english ? TitleCase.Apply(word) : word;
        }

        var parts = new Dictionary<char, string?>
        {
            ['B'] = rng.Chance(0.9) ? brand : null,
            ['C'] = TraitWord(TraitKind.Color),
            ['T'] = TraitWord(TraitKind.Texture),
            ['M'] = TraitWord(TraitKind.Material),
            ['S'] = rng.Chance(0.35) ? rng.Pick(category.Shape(visual.Shape).Words.For(lang)) : null,
            ['N'] = WordChoice.Pick(category.Nouns.For(lang), rng, 0.5),
            ['Z'] = rng.Chance(0.7) ? rng.Pick(category.Sizes.For(lang)) : null,
            ['P'] = rng.Chance(0.5) ? rng.Pick(category.Phrases.For(lang)) : null,
            ['G'] = rng.Chance(0.3) ? rng.Pick(english ? ListingWords.EnglishTails : ListingWords.ChineseTails) : null,
        };
        string? lead = rng.Chance(0.55) ? rng.Pick(english ? ListingWords.EnglishLeads : ListingWords.ChineseLeads) : null;
        parts['L'] = lead;
        parts['K'] = lead is null ? null : $"【{lead}】";

        var layout = rng.Pick(english ? EnglishLayouts : ChineseLayouts);
        string title = Compose(layout.Pattern, layout.GroupSeparator, layout.WordSeparator, parts);

        return new ProductListing
        {
            Title = title,
            Description = rng.Chance(0.55) ? Describe(visual, category, brand, lang, rng) : null,
            Price = Price(category, visual, english, rng),
            Currency = english ? "USD" : "CNY",
            Merchant = ListingWords.Merchants[merchantIndex],
            NamedTraits = named,
        };
    }

    private static string Compose(string pattern, string groupSeparator, string wordSeparator, Dictionary<char, string?> parts)
    {
        var groups = new List<string>();
        foreach (string group in pattern.Split('|'))
        {
            var words = new List<string>();
            foreach (string code in group.Split(' '))
            {
                string? word = parts[code[0]];
                if (!string.IsNullOrEmpty(word))
                {
                    words.Add(word);
                }
            }

            if (words.Count > 0)
            {
                groups.Add(JoinWords(words, wordSeparator));
            }
        }

        return string.Join(groupSeparator, groups);
    }

    // Chinese words are written together, but a Latin word next to another Latin word ("ins风" after "LED 9W") keeps
    // a space so that it stays readable.
    private static string JoinWords(List<string> words, string separator)
    {
        var builder = new StringBuilder(words[0]);
        for (int i = 1; i < words.Count; i++)
        {
            bool latinMeets = separator.Length == 0 && IsAsciiLetterOrDigit(builder[^1]) && IsAsciiLetterOrDigit(words[i][0]);
            builder.Append(latinMeets ? " " : separator).Append(words[i]);
        }

        return builder.ToString();
    }

    private static bool IsAsciiLetterOrDigit(char c) => char.IsAsciiLetterOrDigit(c);

    private static string Describe(ProductVisual visual, CategoryInfo category, string brand, string lang, SeededRandom rng)
    {
        // A description sometimes mentions a trait (each with probability 0.25), as real merchants' descriptions do.
        var sentences = new List<string>();
        bool english = lang == Languages.English;
        string noun = WordChoice.Pick(category.Nouns.For(lang), rng);
        string phrase = rng.Pick(category.Phrases.For(lang));
        sentences.Add(english ? $"{noun} by {brand}, {phrase.ToLowerInvariant()}." : $"{brand}{noun}，{phrase}。");
        if (rng.Chance(0.25))
        {
            string c = WordChoice.Pick(SynthVocabulary.Color(visual.Color).Words.For(lang), rng);
            sentences.Add(english ? $"Colour: {c}." : $"颜色：{c}。");
        }

        if (rng.Chance(0.25))
        {
            string m = WordChoice.Pick(SynthVocabulary.Material(visual.Material).Words.For(lang), rng);
            sentences.Add(english ? $"Made of {m}." : $"材质：{m}。");
        }

        if (rng.Chance(0.25))
        {
            string t = WordChoice.Pick(SynthVocabulary.Texture(visual.Texture).Words.For(lang), rng);
            sentences.Add(english ? $"Finish: {t}." : $"工艺：{t}。");
        }

        sentences.Add(english
            ? rng.Pick(["Ships within 24 hours.", "Satisfaction guaranteed.", "Great as a gift.", "Easy to clean."])
            : rng.Pick(["24小时发货。", "品质保证。", "送礼佳品。", "易清洁。"]));
        return string.Join(english ? " " : string.Empty, sentences);
    }

    private static double Price(CategoryInfo category, ProductVisual visual, bool english, SeededRandom rng)
    {
        double usd = rng.Range(category.MinPriceUsd, category.MaxPriceUsd) * SynthVocabulary.Material(visual.Material).PriceFactor;
        if (english)
        {
            return Math.Round(Math.Floor(usd) + 0.99, 2);
        }

        double cny = Math.Round(usd * rng.Range(4.8, 6.6));
        return Math.Round(Math.Max(9, cny) - 0.1, 1);
    }
}
