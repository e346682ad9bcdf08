using M6Search.Evaluation.Corpus;
using M6Search.Evaluation.Metrics;
using M6Search.Evaluation.Ranking;
using M6Search.Evaluation.Tests.TestDoubles;

namespace M6Search.Evaluation.Tests.Metrics;

public class HiddenTraitsTests
{
    private static readonly Dictionary<string, string> Titles = new()
    {
        ["e1"] = "Bumpy Ceramic Mug",
        ["e2"] = "Ceramic Coffee Cup",
        ["e3"] = "ＴＥＸＴＵＲＥＤ stoneware cup", // full-width letters: NFKC folds them to "TEXTURED"
        ["e4"] = "Plain cup",
        ["e5"] = "Handmade mug",
        ["z1"] = "凹凸陶瓷杯",
        ["z2"] = "陶瓷咖啡杯",
        ["z3"] = "凹 凸 玻璃杯",
        ["z4"] = "手工杯",
    };

    [Theory]
    [InlineData("Bumpy Ceramic Mug", true)]
    [InlineData("bumpy-glazed mug", true)]
    [InlineData("ＢＵＭＰＹ mug", true)]
    [InlineData("Ceramic mug", false)]
    [InlineData("凹凸陶瓷杯", true)]
    [InlineData("凹 凸陶瓷杯", false)]
    [InlineData("陶瓷杯", false)]
    public void TitleNamesAnyTrait_MatchesNormalisedSubstrings(string title, bool expected)
    {
        Assert.Equal(expected, HiddenTraits.TitleNamesAnyTrait(title, ["bumpy", "凹凸"]));
    }

    [Fact]
    public void Products_ExcludesEnglishTitlesThatNameATrait()
    {
        var query = Judged.Query("q", "bumpy textured mug", "en", ["bumpy", "Textured"],
            ("e1", 2), ("e2", 1), ("e3", 2), ("e4", 0), ("e5", 1));

        IReadOnlySet<string> hidden = HiddenTraits.Products(query, id => Titles.GetValueOrDefault(id));

        // e1 names "bumpy", e3 names "textured" (case and width folded), e4 is not relevant.
        Assert.Equal(["e2", "e5"], hidden.Order());
    }

    [Fact]
    public void Products_ExcludesChineseTitlesThatContainTheTraitCharacters()
    {
        var query = Judged.Query("q", "凹凸的杯子", "zh", ["凹凸"], ("z1", 2), ("z2", 2), ("z3", 1), ("z4", 0));

        IReadOnlySet<string> hidden = HiddenTraits.Products(query, id => Titles.GetValueOrDefault(id));

        // z1 contains 凹凸; z3 has the characters apart, which is not the trait written; z4 is not relevant.
        Assert.Equal(["z2", "z3"], hidden.Order());
    }

    [Fact]
    public void Products_IsEmpty_WhenQueryHasNoTraits()
    {
        var query = Judged.Query("q", "mug", "en", [], ("e2", 2), ("e5", 2));

        Assert.Empty(HiddenTraits.Products(query, id => Titles.GetValueOrDefault(id)));
    }

    [Fact]
    public void Products_Throws_WhenARelevantProductIsNotInTheCatalog()
    {
        var query = Judged.Query("q7", "bumpy mug", "en", ["bumpy"], ("missing", 2));

        var ex = Assert.Throws<EvaluationDataException>(() => HiddenTraits.Products(query, id => Titles.GetValueOrDefault(id)));
        Assert.Contains("q7", ex.Message);
        Assert.Contains("missing", ex.Message);
    }

    [Fact]
    public async Task Evaluator_ComputesHiddenTraitRecallOverHiddenProductsOnly_InEnglishAndChinese()
    {
        var corpus = new EvaluationCorpus(Titles.Select(t => new CorpusProduct(t.Key, t.Value, t.Key[0] == 'z' ? "zh" : "en")).ToArray());
        var en = Judged.Query("en", "bumpy textured mug", "en", ["bumpy", "textured"], ("e1", 2), ("e2", 1), ("e3", 2), ("e5", 1));
        var zh = Judged.Query("zh", "凹凸的杯子", "zh", ["凹凸"], ("z1", 2), ("z2", 2), ("z3", 1));
        var ranker = new FixedRanker(new Dictionary<string, string[]>
        {
            // en hidden = {e2, e5}: e2 found at rank 3, e5 below the depth of 3. The named e1, e3 do not count.
            ["bumpy textured mug"] = ["e1", "e3", "e2", "e4", "e5"],
            // zh hidden = {z2, z3}: both within depth 3; z1 names the trait and does not count.
            ["凹凸的杯子"] = ["z3", "z1", "z2"],
        });
        var evaluator = new RetrievalEvaluator(new EvaluationOptions { K = 3, RecallDepth = 3 });

        var report = await evaluator.EvaluateAsync(
            corpus, [en, zh], new Dictionary<RetrievalMode, IQueryRanker> { [RetrievalMode.Image] = ranker });

        var byLang = report.Rows.ToDictionary(r => r.Lang);
        Assert.Equal(0.5, byLang["en"].HiddenTraitRecall);
        Assert.Equal(2, byLang["en"].HiddenTraitProducts);
        Assert.Equal(1.0, byLang["zh"].HiddenTraitRecall);
        Assert.Equal(0.75, byLang["all"].HiddenTraitRecall);
        Assert.Equal(4, byLang["all"].HiddenTraitProducts);
        Assert.Equal(3, byLang["all"].HiddenTraitFound);
    }
}
