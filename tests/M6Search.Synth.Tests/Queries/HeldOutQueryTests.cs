using M6Search.Catalog.Queries;
using M6Search.Synth.Generation;
using M6Search.Synth.Queries;
using M6Search.Synth.Tests.Support;
using M6Search.Synth.Vocabulary;

namespace M6Search.Synth.Tests.Queries;

public class HeldOutQueryTests
{
    [Fact]
    public void HeldOutTwin_KeepsTheQuerysIdRelevanceAndTraits()
    {
        foreach (PlannedQuery planned in Plans.TwoThousand.Queries)
        {
            Assert.Equal(planned.Query.Id, planned.HeldOut.Id);
            Assert.Equal(planned.Query.Lang, planned.HeldOut.Lang);
            Assert.Equal(planned.Query.Traits, planned.HeldOut.Traits);
            Assert.Same(planned.Query.Relevance, planned.HeldOut.Relevance);
            Assert.NotEqual(planned.Query.Text, planned.HeldOut.Text);
        }
    }

    [Fact]
    public void HeldOutTwin_HasTheSameNounAndLayout_WithEveryTraitWordReplacedByAHeldOutOne()
    {
        foreach (PlannedQuery planned in Plans.TwoThousand.Queries)
        {
            string lang = planned.Query.Lang;
            string trained = planned.Query.Text;
            string heldOut = planned.HeldOut.Text;
            foreach ((TraitKind kind, string key) in planned.Intent.Traits)
            {
                trained = ReplaceLongestFirst(trained, SynthVocabulary.Words(kind, key).For(lang), $"<{kind}>");
                heldOut = ReplaceLongestFirst(heldOut, HeldOutWording.For(kind, key, lang).Select(w => w.Text), $"<{kind}>");
            }

            Assert.Equal(trained, heldOut);
            Assert.DoesNotContain(TrainedTraitWords(lang), w => planned.HeldOut.Text.Contains(w, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Generator_WritesTheHeldOutQueries_OnlyWhenAsked_AndLeavesEveryOtherFileAsItWas()
    {
        using var plain = new TempDirectory();
        using var withHeldOut = new TempDirectory();
        await SyntheticCatalogGenerator.GenerateAsync(plain.Path, new SynthOptions { Products = 300, Seed = 5, WriteImages = false });
        await SyntheticCatalogGenerator.GenerateAsync(withHeldOut.Path, new SynthOptions { Products = 300, Seed = 5, WriteImages = false, HeldOutWording = true });

        Assert.False(File.Exists(plain.File(SynthFiles.HeldOutQueries)));
        foreach (string file in new[] { SynthFiles.Catalog, SynthFiles.Pairs, SynthFiles.Queries })
        {
            Assert.Equal(File.ReadAllText(plain.File(file)), File.ReadAllText(withHeldOut.File(file)));
        }

        var queries = await ReadAsync(withHeldOut.File(SynthFiles.Queries));
        var heldOut = await ReadAsync(withHeldOut.File(SynthFiles.HeldOutQueries));
        Assert.Equal(queries.Select(q => q.Id), heldOut.Select(q => q.Id));
        Assert.Equal(queries.Select(q => q.Relevance.Count), heldOut.Select(q => q.Relevance.Count));
        Assert.All(queries.Zip(heldOut), p => Assert.NotEqual(p.First.Text, p.Second.Text));
    }

    private static IEnumerable<string> TrainedTraitWords(string lang) =>
        Enum.GetValues<TraitKind>().SelectMany(kind => SynthVocabulary.Keys(kind).SelectMany(key => SynthVocabulary.Words(kind, key).For(lang)));

    private static string ReplaceLongestFirst(string text, IEnumerable<string> words, string placeholder)
    {
        foreach (string word in words.OrderByDescending(w => w.Length))
        {
            text = text.Replace(word, placeholder, StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }

    private static Task<IReadOnlyList<LabeledQuery>> ReadAsync(string path) =>
        M6Search.Catalog.Reading.LabeledQueryReader.ReadAllAsync(path);
}
