using M6Search.Evaluation.Corpus;
using M6Search.Evaluation.Ranking;
using M6Search.Evaluation.Tests.TestDoubles;

namespace M6Search.Evaluation.Tests.Ranking;

public sealed class Bm25TitleRankerTests : IDisposable
{
    private readonly Bm25TitleRanker _ranker = new(
    [
        new CorpusProduct("set", "Red ceramic coffee cups set of four", "en"),
        new CorpusProduct("travel", "Stainless steel travel mug", "en"),
        new CorpusProduct("exact", "Ceramic Coffee Cup", "en"),
        new CorpusProduct("glass", "Glass coffee cup with lid", "en"),
        new CorpusProduct("zh-glass", "玻璃咖啡杯带盖", "zh"),
        new CorpusProduct("zh-steel", "不锈钢保温杯", "zh"),
        new CorpusProduct("zh-exact", "陶瓷咖啡杯", "zh"),
    ]);

    public void Dispose() => _ranker.Dispose();

    [Fact]
    public void Rank_PutsTheExactTitleMatchFirst_InEnglish()
    {
        IReadOnlyList<string> ranking = _ranker.Rank(Query("ceramic coffee cup", "en"), 10);

        Assert.Equal("exact", ranking[0]);
        Assert.Equal("set", ranking[1]); // all three terms too, in a longer title
        Assert.DoesNotContain("travel", ranking);
    }

    [Fact]
    public void Rank_PutsTheExactTitleMatchFirst_InChinese()
    {
        IReadOnlyList<string> ranking = _ranker.Rank(Query("陶瓷咖啡杯", "zh"), 10);

        Assert.Equal("zh-exact", ranking[0]);
        Assert.Contains("zh-glass", ranking); // shares the bigrams 咖啡 and 啡杯
        Assert.DoesNotContain("zh-steel", ranking);
    }

    [Fact]
    public void Rank_StemsEnglishQueriesAndTitles()
    {
        // "cups" and "cup" both stem to "cup"; "mugs" to "mug".
        Assert.Contains("exact", _ranker.Rank(Query("cups", "en"), 10));
        Assert.Equal(["travel"], _ranker.Rank(Query("mugs", "en"), 10));
    }

    [Fact]
    public void Rank_FindsNothing_ForATraitNoTitleWrites()
    {
        Assert.Empty(_ranker.Rank(Query("bumpy", "en"), 100));
        Assert.Empty(_ranker.Rank(Query("凹凸", "zh"), 100));
    }

    [Fact]
    public void Rank_FindsNothing_WhenTheQueryIsOnlyStopWords()
    {
        Assert.Empty(_ranker.Rank(Query("with the of", "en"), 100));
    }

    [Fact]
    public void Rank_ReturnsAtMostDepthProducts()
    {
        Assert.Equal(2, _ranker.Rank(Query("coffee cup", "en"), 2).Count);
    }

    [Fact]
    public void Rank_RejectsALanguageWithoutAnAnalyzer()
    {
        var ex = Assert.Throws<NotSupportedException>(() => _ranker.Rank(Query("tasse", "fr", "q-fr"), 10));
        Assert.Contains("q-fr", ex.Message);
    }

    private static EvaluationQuery Query(string text, string lang, string id = "q") =>
        Judged.Eval(Judged.Query(id, text, lang, []));
}
