using M6Search.Evaluation.Baseline;
using M6Search.Evaluation.Corpus;
using M6Search.Evaluation.Ranking;

namespace M6Search.Evaluation.Tests.Baseline;

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
    public async Task Rank_PutsTheExactTitleMatchFirst_InEnglish()
    {
        IReadOnlyList<string> ranking = await _ranker.RankAsync(Query("ceramic coffee cup", "en"), 10);

        Assert.Equal("exact", ranking[0]);
        Assert.Equal("set", ranking[1]); // all three terms too, in a longer title
        Assert.DoesNotContain("travel", ranking);
    }

    [Fact]
    public async Task Rank_PutsTheExactTitleMatchFirst_InChinese()
    {
        IReadOnlyList<string> ranking = await _ranker.RankAsync(Query("陶瓷咖啡杯", "zh"), 10);

        Assert.Equal("zh-exact", ranking[0]);
        Assert.Contains("zh-glass", ranking); // shares the bigrams 咖啡 and 啡杯
        Assert.DoesNotContain("zh-steel", ranking);
    }

    [Fact]
    public async Task Rank_StemsEnglishQueriesAndTitles()
    {
        // "cups" and "cup" both stem to "cup"; "mugs" to "mug".
        Assert.Contains("exact", await _ranker.RankAsync(Query("cups", "en"), 10));
        Assert.Equal(["travel"], await _ranker.RankAsync(Query("mugs", "en"), 10));
    }

    [Fact]
    public async Task Rank_FindsNothing_ForATraitNoTitleWrites()
    {
        Assert.Empty(await _ranker.RankAsync(Query("bumpy", "en"), 100));
        Assert.Empty(await _ranker.RankAsync(Query("凹凸", "zh"), 100));
    }

    [Fact]
    public async Task Rank_FindsNothing_WhenTheQueryIsOnlyStopWords()
    {
        Assert.Empty(await _ranker.RankAsync(Query("with the of", "en"), 100));
    }

    [Fact]
    public async Task Rank_ReturnsAtMostDepthProducts()
    {
        Assert.Equal(2, (await _ranker.RankAsync(Query("coffee cup", "en"), 2)).Count);
    }

    [Fact]
    public async Task Rank_RejectsALanguageWithoutAnAnalyzer()
    {
        var ex = await Assert.ThrowsAsync<NotSupportedException>(() => _ranker.RankAsync(Query("tasse", "fr"), 10));
        Assert.Contains("'tasse'", ex.Message);
        Assert.Contains("'fr'", ex.Message);
        await Assert.ThrowsAsync<NotSupportedException>(() => _ranker.RankAsync(new RankingQuery("cup"), 10));
    }

    private static RankingQuery Query(string text, string lang) => new(text, lang);
}
