using M6Search.Relevance.Judgments;
using M6Search.Relevance.Storage;
using M6Search.Relevance.Tests.Fakes;

namespace M6Search.Relevance.Tests.Judgments;

public sealed class SqliteJudgmentStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly SqliteJudgmentStore _store;

    public SqliteJudgmentStoreTests()
    {
        _store = new SqliteJudgmentStore(new SqliteFile(_folder.File("judgments.db")));
    }

    [Fact]
    public async Task List_ReturnsOnlyTheMerchantsOwnJudgments()
    {
        await _store.SetAsync("m01", "bumpy cup", "p1", relevant: true);
        await _store.SetAsync("m02", "bumpy cup", "p2", relevant: false);

        IReadOnlyList<Judgment> m01 = await _store.ListAsync("m01");

        Judgment only = Assert.Single(m01);
        Assert.Equal(("m01", "p1", true), (only.MerchantId, only.ProductId, only.Relevant));
    }

    [Fact]
    public async Task Set_ReplacesTheVerdict_AndNormalisesTheQuery()
    {
        await _store.SetAsync("m01", "  Bumpy   CUP ", "p1", relevant: true);
        await _store.SetAsync("m01", "bumpy cup", "p1", relevant: false);

        Judgment only = Assert.Single(await _store.ListAsync("m01"));
        Assert.Equal("bumpy cup", only.Query);
        Assert.False(only.Relevant);
    }

    [Fact]
    public async Task Remove_ForgetsOnlyThatMerchantsVerdict()
    {
        await _store.SetAsync("m01", "cup", "p1", relevant: true);
        await _store.SetAsync("m02", "cup", "p1", relevant: true);

        Assert.False(await _store.RemoveAsync("m03", "cup", "p1"));
        Assert.True(await _store.RemoveAsync("m01", "cup", "p1"));

        Assert.Empty(await _store.ListAsync("m01"));
        Assert.Single(await _store.ListAsync("m02"));
    }

    [Fact]
    public async Task Judgments_SurviveANewStoreOnTheSameFile()
    {
        await _store.SetAsync("m01", "cup", "p1", relevant: true);

        var reopened = new SqliteJudgmentStore(new SqliteFile(_folder.File("judgments.db")));

        Assert.Single(await reopened.ListAsync("m01"));
    }

    public void Dispose() => _folder.Dispose();
}
