using M6Search.Evaluation.Ranking;
using M6Search.Relevance.Ranking;
using M6Search.Relevance.Tests.Fakes;

namespace M6Search.Relevance.Tests.Ranking;

public sealed class CachingQueryRankerTests
{
    [Fact]
    public async Task Cache_HoldsAtMostItsCapacity_HoweverManyQueriesAreRanked()
    {
        var inner = new FakeRanker();
        var cache = new CachingQueryRanker(inner, TimeSpan.FromHours(1), capacity: 10);

        for (int i = 0; i < 200; i++)
        {
            await cache.RankAsync(new RankingQuery($"query {i}"), 100);
        }

        Assert.InRange(cache.Count, 1, 10);
    }

    [Fact]
    public async Task Cache_AnswersARepeatedQuery_WithoutRankingAgain()
    {
        var inner = new FakeRanker().With("cup", "p1");
        var cache = new CachingQueryRanker(inner, TimeSpan.FromHours(1), capacity: 10);

        await cache.RankAsync(new RankingQuery("cup"), 100);
        IReadOnlyList<string> again = await cache.RankAsync(new RankingQuery("cup"), 100);

        Assert.Equal(["p1"], again);
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task Clear_ForgetsEveryRanking()
    {
        var inner = new FakeRanker().With("cup", "p1");
        var cache = new CachingQueryRanker(inner, TimeSpan.FromHours(1), capacity: 10);
        await cache.RankAsync(new RankingQuery("cup"), 100);

        cache.Clear();
        await cache.RankAsync(new RankingQuery("cup"), 100);

        Assert.Equal(2, inner.Calls);
    }
}
