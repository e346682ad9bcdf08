using M6Search.Relevance.Ranking;
using M6Search.Relevance.Tests.Fakes;

namespace M6Search.Relevance.Tests.Dashboard;

public sealed class CachingQueryRankerTests
{
    [Fact]
    public async Task Rank_ReusesTheRanking_UntilCleared()
    {
        var inner = new FakeRanker().With("cup", "p1");
        var cache = new CachingQueryRanker(inner, TimeSpan.FromHours(1));

        await cache.RankAsync("cup", 100);
        await cache.RankAsync("cup", 100);
        Assert.Equal(1, inner.Calls);

        cache.Clear();
        await cache.RankAsync("cup", 100);
        Assert.Equal(2, inner.Calls);
    }
}
