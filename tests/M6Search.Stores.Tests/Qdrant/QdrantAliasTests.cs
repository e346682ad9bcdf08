using System.Net;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Qdrant;
using M6Search.Stores.Tests.Qdrant.Contract;
using M6Search.Stores.Tests.Qdrant.Fakes;

namespace M6Search.Stores.Tests.Qdrant;

/// <summary>Alias switches and listings when Qdrant refuses, fails for a while, or is given names it cannot take.</summary>
public sealed class QdrantAliasTests
{
    [Fact]
    public async Task SwitchAlias_ToACollectionThatDoesNotExist_IsReportedNamingTheAliasAndTheCollection()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Json(HttpStatusCode.NotFound, CannedReplies.Error("Not found: Collection `products_v9` doesn't exist!")));
        QdrantProductStore store = TestStores.Create(handler);

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.SwitchAliasAsync("products_live", "products_v9"));

        Assert.Single(handler.Requests);
        Assert.Equal("SwitchAlias", error.Operation);
        Assert.Equal("products_v9", error.Collection);
        Assert.Equal(404, error.StatusCode);
        Assert.Contains("alias 'products_live' was not changed: the collection does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("Collection `products_v9` doesn't exist!", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwitchAlias_WithAWrongApiKey_IsNotRetried_AndCarriesTheStatus()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Json(HttpStatusCode.Unauthorized, CannedReplies.Error("Invalid api-key")));
        QdrantProductStore store = TestStores.Create(handler, TestStores.Options(o => o.ApiKey = "wrong"));

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.SwitchAliasAsync("products_live", "products_v2"));

        RecordedRequest request = Assert.Single(handler.Requests);
        Assert.Equal("wrong", request.Headers["api-key"]);
        Assert.Equal(401, error.StatusCode);
        Assert.Equal("Invalid api-key", error.Reason);
    }

    [Fact]
    public async Task SwitchAlias_IsRetried_WhileQdrantIsUnavailable_AndSendsTheSameActionsEachTime()
    {
        var handler = new ScriptedHandler((_, index, _) => Task.FromResult(index < 3
            ? ScriptedHandler.Json(HttpStatusCode.ServiceUnavailable, CannedReplies.Error("Service Unavailable"))
            : CannedReplies.Ok(CannedReplies.Created)));
        QdrantProductStore store = TestStores.Create(handler);

        await store.SwitchAliasAsync("products_live", "products_v2");

        Assert.Equal(3, handler.Requests.Count);
        Assert.Single(handler.Requests.Select(r => r.Body).Distinct());
    }

    [Fact]
    public async Task SwitchAlias_ThatQdrantAnswersWithFalse_IsReported()
    {
        QdrantProductStore store = TestStores.Create(new ScriptedHandler(_ => CannedReplies.Ok("""{"result":false,"status":"ok","time":0.001}""")));

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.SwitchAliasAsync("products_live", "products_v2"));

        Assert.Contains("result false, not true", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("products_v2", "products_v2")]
    [InlineData("live/products", "products_v2")]
    [InlineData("products_live", "")]
    [InlineData(" ", "products_v2")]
    public async Task SwitchAlias_RefusesUnusableNames_WithoutSendingAnything(string alias, string collection)
    {
        var handler = new ScriptedHandler(_ => CannedReplies.Ok(CannedReplies.Created));
        QdrantProductStore store = TestStores.Create(handler);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.SwitchAliasAsync(alias, collection));

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task ListAliasesOf_ACollectionThatDoesNotExist_IsReportedWithThatCollection()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Json(HttpStatusCode.NotFound, CannedReplies.Error("Not found: Collection `nope` doesn't exist!")));
        QdrantProductStore store = TestStores.Create(handler);

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.ListAliasesOfAsync("nope"));

        Assert.Equal("/collections/nope/aliases", Assert.Single(handler.Requests).Path);
        Assert.Equal("nope", error.Collection);
        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task ListAliases_ThatAreMalformed_AreReportedAsAVectorStoreException()
    {
        QdrantProductStore store = TestStores.Create(new ScriptedHandler(_ => CannedReplies.Ok("""{"result":{"aliases":[{"alias_name":"a"}]},"status":"ok","time":0.1}""")));

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.ListAliasesAsync());

        Assert.Equal("ListAliases", error.Operation);
        Assert.Contains("not the expected JSON", error.Message, StringComparison.Ordinal);
    }
}
