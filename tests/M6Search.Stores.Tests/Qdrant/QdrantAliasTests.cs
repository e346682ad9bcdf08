extern alias QdrantFake;

using Grpc.Core;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Qdrant;
using M6Search.Stores.Tests.Qdrant.Fakes;
using QdrantFake::M6Search.Stores.QdrantFake;
using Fake = QdrantFake::Qdrant.Client.Grpc;

namespace M6Search.Stores.Tests.Qdrant;

/// <summary>Alias switches and listings: the atomic request, and what happens when Qdrant refuses or fails for a while.</summary>
public sealed class QdrantAliasTests : IAsyncLifetime
{
    private FakeQdrantServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeQdrantServer.StartAsync();
        FakeSeed.Add(_server, FakeSeed.ProductCollection(4, "products_v1"));
        FakeSeed.Add(_server, FakeSeed.ProductCollection(4, "products_v2"));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task SwitchAlias_DeletesAndCreatesTheAlias_InOneRequest()
    {
        lock (_server.Fake.State.Lock)
        {
            _server.Fake.State.Aliases["products_live"] = "products_v1";
        }

        await using QdrantProductStore store = TestStores.Create(_server);

        await store.SwitchAliasAsync("products_live", "products_v2");

        Fake.ChangeAliases request = _server.Fake.CallsOf("Collections/UpdateAliases").Single().As<Fake.ChangeAliases>();
        Assert.Equal("products_live", request.Actions[0].DeleteAlias.AliasName);
        Assert.Equal("products_live", request.Actions[1].CreateAlias.AliasName);
        Assert.Equal("products_v2", request.Actions[1].CreateAlias.CollectionName);
        Assert.Equal([new CollectionAlias("products_live", "products_v2")], await store.ListAliasesAsync());
    }

    [Fact]
    public async Task SwitchAlias_ToACollectionThatDoesNotExist_IsReportedNamingTheAliasAndTheCollection_AndChangesNothing()
    {
        lock (_server.Fake.State.Lock)
        {
            _server.Fake.State.Aliases["products_live"] = "products_v1";
        }

        await using QdrantProductStore store = TestStores.Create(_server);

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.SwitchAliasAsync("products_live", "products_v9"));

        Assert.Single(_server.Fake.CallsOf("Collections/UpdateAliases"));
        Assert.Equal("SwitchAlias", error.Operation);
        Assert.Equal("products_v9", error.Collection);
        Assert.Equal((int)StatusCode.NotFound, error.StatusCode);
        Assert.Contains("alias 'products_live' was not changed: the collection does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("Collection `products_v9` doesn't exist!", error.Message, StringComparison.Ordinal);
        Assert.Equal("products_v1", (await store.ListAliasesAsync()).Single().Collection);
    }

    [Fact]
    public async Task SwitchAlias_WithAWrongApiKey_IsNotRetried_AndCarriesTheCode()
    {
        await using FakeQdrantServer guarded = await FakeQdrantServer.StartAsync(apiKey: "right");
        await using QdrantProductStore store = TestStores.Create(guarded, o => o.ApiKey = "wrong");

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.SwitchAliasAsync("products_live", "products_v2"));

        FakeCall call = Assert.Single(guarded.Fake.Calls);
        Assert.Equal("wrong", call.ApiKey);
        Assert.Equal((int)StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("Invalid api-key", error.Reason);
    }

    [Fact]
    public async Task SwitchAlias_IsRetried_WhileQdrantIsUnavailable_AndSendsTheSameActionsEachTime()
    {
        _server.Fake.Faults.FailNext("Collections/UpdateAliases", StatusCode.Unavailable, "Service unavailable", times: 2);
        await using QdrantProductStore store = TestStores.Create(_server);

        await store.SwitchAliasAsync("products_live", "products_v2");

        IReadOnlyList<FakeCall> calls = _server.Fake.CallsOf("Collections/UpdateAliases");
        Assert.Equal(3, calls.Count);
        Assert.Single(calls.Select(call => call.Request).Distinct());
        Assert.Equal("products_v2", (await store.ListAliasesAsync()).Single().Collection);
    }

    [Theory]
    [InlineData("products_v2", "products_v2")]
    [InlineData("live/products", "products_v2")]
    [InlineData("products_live", "")]
    [InlineData(" ", "products_v2")]
    public async Task SwitchAlias_RefusesUnusableNames_WithoutSendingAnything(string alias, string collection)
    {
        await using QdrantProductStore store = TestStores.Create(_server);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.SwitchAliasAsync(alias, collection));

        Assert.Empty(_server.Fake.Calls);
    }

    [Fact]
    public async Task ListAliases_AreSortedByName_AndListAliasesOf_KeepsOnlyThoseOfTheCollection()
    {
        lock (_server.Fake.State.Lock)
        {
            _server.Fake.State.Aliases["b"] = "products_v2";
            _server.Fake.State.Aliases["a"] = "products_v1";
            _server.Fake.State.Aliases["c"] = "products_v2";
        }

        await using QdrantProductStore store = TestStores.Create(_server);

        Assert.Equal(["a", "b", "c"], (await store.ListAliasesAsync()).Select(alias => alias.Alias));
        Assert.Equal([new CollectionAlias("b", "products_v2"), new CollectionAlias("c", "products_v2")], await store.ListAliasesOfAsync("products_v2"));
    }

    [Fact]
    public async Task ListAliasesOf_ACollectionThatDoesNotExist_IsReportedWithThatCollection()
    {
        await using QdrantProductStore store = TestStores.Create(_server);

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.ListAliasesOfAsync("nope"));

        Assert.Equal("nope", _server.Fake.CallsOf("Collections/ListCollectionAliases").Single().As<Fake.ListCollectionAliasesRequest>().CollectionName);
        Assert.Equal("nope", error.Collection);
        Assert.Equal((int)StatusCode.NotFound, error.StatusCode);
    }
}
