using M6Search.Synth.Randomness;

namespace M6Search.Synth.Text;

/// <summary>Picks a word from a synonym list: mostly the canonical first word, sometimes a synonym.</summary>
public static class WordChoice
{
    public static string Pick(IReadOnlyList<string> words, SeededRandom rng, double canonicalShare = 0.6)
    {
        if (words.Count == 1 || rng.Chance(canonicalShare))
        {
            return words[0];
        }

        return words[1 + rng.Next(words.Count - 1)];
    }
}
