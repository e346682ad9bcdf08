using M6Search.Relevance.Dashboard;
using M6Search.Relevance.QueryLog;
using M6Search.Relevance.Ranking;
using M6Search.Relevance.Storage;
using M6Search.Relevance.Tests.Fakes;

namespace M6Search.Relevance.Tests.Dashboard;

public sealed class DashboardQuerySourceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Labeled_ReadsTheQuerySet_OnceItExists()
    {
        string path = _folder.File("queries.jsonl");
        var source = new DashboardQuerySource(() => path, new SqliteQueryLog(new SqliteFile(_folder.File("log.db"))), TestTraits.Source);
        Assert.Empty(await source.LabeledAsync(10));

        await File.WriteAllTextAsync(path, """{"id":"q1","text":"bumpy coffee cup","lang":"en","traits":["bumpy"],"relevance":{"p1":2}}""" + "\n");

        DashboardQuery query = Assert.Single(await source.LabeledAsync(10));
        Assert.Equal(("bumpy coffee cup", QuerySource.Labeled, 2), (query.Text, query.Source, query.Labels!.Relevance["p1"]));
    }

    [Fact]
    public async Task Logged_FindsTheTraitWordsOfEachQuery()
    {
        var log = new SqliteQueryLog(new SqliteFile(_folder.File("log.db")));
        await log.RecordAsync("凹凸的咖啡杯");
        var source = new DashboardQuerySource(() => null, log, TestTraits.Source);

        DashboardQuery query = Assert.Single(await source.LoggedAsync(10));

        Assert.Contains("bumpy", query.TraitWords);
        Assert.Equal(1, query.TimesSearched);
    }

    public void Dispose() => _folder.Dispose();
}
