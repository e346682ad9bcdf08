using System.Text;
using M6Search.Synth.Generation;
using M6Search.Synth.Planning;
using M6Search.Synth.Vocabulary;

namespace M6Search.Synth.Tests.Vocabulary;

/// <summary>
/// The held-out wording must be wording the model never saw: no training text (titles, descriptions, training pairs)
/// contains any held-out word, and no held-out word contains a trained trait word.
/// </summary>
public class HeldOutWordingTests
{
    // A training set as the shipped model's was made (m6 synth --seed 7), with the short trait-subset descriptions of
    // --pairs-per-product 6 as well, so every text template and word choice occurs many times.
    private static readonly Lazy<string[]> TrainingTexts = new(() =>
    {
        CatalogPlan plan = CatalogPlanner.Plan(new SynthOptions { Products = 4000, Seed = 7, PairsPerProduct = 6, WriteImages = false });
        return plan.Products.Select(p => p.Listing.Title)
            .Concat(plan.Products.Select(p => p.Listing.Description).OfType<string>())
            .Concat(plan.Pairs.Select(p => p.Text))
            .Select(Fold)
            .ToArray();
    });

    [Fact]
    public void NoTrainingText_ContainsAHeldOutWord()
    {
        var found = new List<string>();
        foreach ((TraitKind kind, string key, string lang, HeldOutWord word) in HeldOutWording.All())
        {
            string folded = Fold(word.Text);
            string? text = TrainingTexts.Value.FirstOrDefault(t => t.Contains(folded, StringComparison.Ordinal));
            if (text is not null)
            {
                found.Add($"{kind}/{key}/{lang} '{word.Text}' in \"{text}\"");
            }
        }

        Assert.True(TrainingTexts.Value.Length > 20_000, $"only {TrainingTexts.Value.Length} training texts were scanned");
        Assert.True(found.Count == 0, "held-out words in training texts:\n" + string.Join('\n', found));
    }

    [Fact]
    public void NoHeldOutWord_ContainsATrainedTraitWord_OfAnyTraitInItsLanguage()
    {
        var trained = Enum.GetValues<TraitKind>()
            .SelectMany(kind => SynthVocabulary.Keys(kind).Select(key => SynthVocabulary.Words(kind, key)))
            .ToArray();
        var found = new List<string>();
        foreach ((TraitKind kind, string key, string lang, HeldOutWord word) in HeldOutWording.All())
        {
            string folded = Fold(word.Text);
            found.AddRange(trained.SelectMany(w => w.For(lang)).Where(t => folded.Contains(Fold(t), StringComparison.Ordinal))
                .Select(t => $"{kind}/{key}/{lang} '{word.Text}' contains the trained word '{t}'"));
        }

        Assert.True(found.Count == 0, string.Join('\n', found));
    }

    [Fact]
    public void EveryTraitValue_HasHeldOutSynonymsAndMisspellings_InBothLanguages()
    {
        foreach (TraitKind kind in Enum.GetValues<TraitKind>())
        {
            foreach (string key in SynthVocabulary.Keys(kind))
            {
                foreach (string lang in Languages.All)
                {
                    IReadOnlyList<HeldOutWord> words = HeldOutWording.For(kind, key, lang);
                    Assert.Contains(words, w => w.Kind == HeldOutKind.Synonym);
                    Assert.True(words.Count >= 2, $"{kind}/{key}/{lang} has {words.Count} held-out word(s)");
                }

                Assert.Contains(HeldOutWording.For(kind, key, Languages.English), w => w.Kind == HeldOutKind.Misspelling);
            }
        }
    }

    [Fact]
    public void AHeldOutWord_NamesOneTraitValueOnly()
    {
        var duplicates = HeldOutWording.All()
            .GroupBy(w => (w.Lang, Fold(w.Word.Text)))
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.Item2} ({g.Key.Lang}): {string.Join(", ", g.Select(w => $"{w.Kind}/{w.Key}"))}")
            .ToArray();

        Assert.True(duplicates.Length == 0, string.Join('\n', duplicates));
    }

    /// <summary>As the evaluator compares words: NFKC and invariant lower case.</summary>
    private static string Fold(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
}
