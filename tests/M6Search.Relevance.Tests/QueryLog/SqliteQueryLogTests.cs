using M6Search.Relevance.QueryLog;
using M6Search.Relevance.Storage;
using M6Search.Relevance.Tests.Fakes;

namespace M6Search.Relevance.Tests.QueryLog;

public sealed class SqliteQueryLogTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Top_CountsRepeatsOfTheNormalisedQuery_MostFrequentFirst()
    {
        var log = new SqliteQueryLog(new SqliteFile(_folder.File("log.db")));
        await log.RecordAsync("Bumpy Coffee Cup");
        await log.RecordAsync("bumpy  coffee cup ");
        await log.RecordAsync("凹凸的咖啡杯");
        await log.RecordAsync("   ");

        IReadOnlyList<LoggedQuery> top = await log.TopAsync(10);

        Assert.Equal(["bumpy coffee cup", "凹凸的咖啡杯"], top.Select(q => q.Text));
        Assert.Equal([2, 1], top.Select(q => q.Count));
    }

    [Fact]
    public async Task Top_ReturnsAtMostTheLimit()
    {
        var log = new SqliteQueryLog(new SqliteFile(_folder.File("log.db")));
        foreach (string query in new[] { "a", "b", "c" })
        {
            await log.RecordAsync(query);
        }

        Assert.Equal(2, (await log.TopAsync(2)).Count);
    }

    [Theory]
    [InlineData("cup\u0001")]
    [InlineData("\u0001")]
    [InlineData("\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA\uFDFA")]
    public async Task Record_IgnoresAQueryTheSearchWouldRefuse(string query)
    {
        var log = new SqliteQueryLog(new SqliteFile(_folder.File("log.db")));

        await log.RecordAsync(query);
        await log.RecordAsync("cup");

        Assert.Equal(["cup"], (await log.TopAsync(10)).Select(q => q.Text));
    }

    public void Dispose() => _folder.Dispose();
}
