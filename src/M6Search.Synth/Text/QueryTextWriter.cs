using M6Search.Synth.Queries;
using M6Search.Synth.Randomness;
using M6Search.Synth.Vocabulary;

namespace M6Search.Synth.Text;

/// <summary>
/// Writes what a shopper types for a query intent: "bumpy coffee cup", "red striped tee", "凹凸的咖啡杯", "玻璃花瓶".
/// Traits come in natural order (colour, texture, material) most of the time, sometimes shuffled or after the noun.
/// </summary>
public static class QueryTextWriter
{
    public static string Write(QueryIntent intent, string lang, SeededRandom rng) =>
        Write(intent, lang, rng, (kind, key) => TrainedWord(kind, key, lang, rng));

    /// <summary>
    /// The same query worded with held-out words (<see cref="HeldOutWording"/>): given <paramref name="rng"/> in the
    /// state <see cref="Write(QueryIntent, string, SeededRandom)"/> was given, the noun, word order and layout come out
    /// the same and only each trait word is replaced, by one drawn from <paramref name="heldOutRng"/>.
    /// </summary>
    public static string WriteHeldOut(QueryIntent intent, string lang, SeededRandom rng, SeededRandom heldOutRng) =>
        Write(intent, lang, rng, (kind, key) =>
        {
            TrainedWord(kind, key, lang, rng); // the trained draw, so the layout draws after it stay the same
            return heldOutRng.Pick(HeldOutWording.For(kind, key, lang)).Text;
        });

    private static string TrainedWord(TraitKind kind, string key, string lang, SeededRandom rng) =>
        WordChoice.Pick(SynthVocabulary.Words(kind, key).For(lang), rng, 0.7);

    private static string Write(QueryIntent intent, string lang, SeededRandom rng, Func<TraitKind, string, string> traitWord)
    {
        CategoryInfo category = SynthVocabulary.Category(intent.Category);
        string noun = WordChoice.Pick(category.QueryNouns.For(lang), rng, 0.6);
        var words = intent.Traits
            .OrderBy(t => t.Key)
            .Select(t => traitWord(t.Key, t.Value))
            .ToList();

        if (lang == Languages.English)
        {
            if (words.Count == 1)
            {
                bool colour = intent.Traits[0].Key == TraitKind.Color;
                return colour && rng.Chance(0.2) ? $"{noun} in {words[0]}" : $"{words[0]} {noun}";
            }

            double roll = rng.NextDouble();
            return roll < 0.75 ? $"{words[0]} {words[1]} {noun}"
                : roll < 0.9 ? $"{words[1]} {words[0]} {noun}"
                : $"{words[0]} {noun} {words[1]}";
        }

        if (words.Count == 1)
        {
            return rng.Chance(0.4) ? $"{words[0]}的{noun}" : $"{words[0]}{noun}";
        }

        double r = rng.NextDouble();
        return r < 0.5 ? $"{words[0]}{words[1]}{noun}"
            : r < 0.75 ? $"{words[0]}的{words[1]}{noun}"
            : $"{words[0]}{noun} {words[1]}";
    }
}
