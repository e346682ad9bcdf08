extern alias QdrantFake;

using M6Search.Indexing.Tests.Support;
using QdrantFake::M6Search.Stores.QdrantFake;
using Fake = QdrantFake::Qdrant.Client.Grpc;

namespace M6Search.Indexing.Tests.Stores;

/// <summary><c>m6 store alias</c> and <c>m6 store aliases</c>, run as a child process against the in-process fake Qdrant (gRPC on 127.0.0.1).</summary>
public sealed class StoreAliasCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task StoreAlias_MovesTheAlias_AndSaysWhereItPointedBefore()
    {
        await using FakeQdrantServer qdrant = await Qdrant(["products_v1", "products_v2"], new Dictionary<string, string> { ["products"] = "products_v1" }, apiKey: "k-123");

        (int exit, string output) = await M6Process.RunAsync(
            ["store", "alias", "--store", "qdrant:" + qdrant.Url, "--alias", "products", "--collection", "products_v2"],
            Timeout,
            new Dictionary<string, string> { ["M6__Qdrant__ApiKey"] = "k-123" });

        Assert.True(exit == 0, output);
        Assert.Equal("products_v2", Aliases(qdrant)["products"]);
        Assert.Contains("moved from 'products_v1' to 'products_v2'", output, StringComparison.Ordinal);
        Assert.NotEmpty(qdrant.Fake.CallsOf("Collections/UpdateAliases"));
        Assert.All(qdrant.Fake.Calls, call => Assert.Equal("k-123", call.ApiKey));
    }

    [Fact]
    public async Task StoreAlias_ToAMissingCollection_ExitsOne_AndLeavesTheAliasAlone()
    {
        await using FakeQdrantServer qdrant = await Qdrant(["products_v1"], new Dictionary<string, string> { ["products"] = "products_v1" });

        (int exit, string output) = await M6Process.RunAsync(
            ["store", "alias", "--store", "qdrant:" + qdrant.Url, "--alias", "products", "--collection", "products_v9"], Timeout);

        Assert.Equal(1, exit);
        Assert.Equal("products_v1", Aliases(qdrant)["products"]);
        Assert.Contains("alias 'products' was not changed: the collection does not exist", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreAliases_ListsEachAliasWithItsCollection_AsJson()
    {
        await using FakeQdrantServer qdrant = await Qdrant(["a_v1", "b_v4"], new Dictionary<string, string> { ["b"] = "b_v4", ["a"] = "a_v1" });

        (int exit, string output) = await M6Process.RunAsync(["store", "aliases", "--store", "qdrant:" + qdrant.Url, "--json"], Timeout);

        Assert.True(exit == 0, output);
        Assert.Equal("""[{"alias":"a","collection":"a_v1"},{"alias":"b","collection":"b_v4"}]""", output.Trim());
    }

    [Fact]
    public async Task StoreAlias_OnTheEmbeddedStore_ExitsOne_SayingThatAliasesNeedQdrant()
    {
        string folder = Path.Combine(Path.GetTempPath(), "m6-alias-" + Guid.NewGuid().ToString("N"));

        (int exit, string output) = await M6Process.RunAsync(
            ["store", "alias", "--store", "embedded:" + folder, "--alias", "products", "--collection", "products_v2"], Timeout);

        Assert.Equal(1, exit);
        Assert.Contains("needs a Qdrant store", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder), "the embedded store must not be opened (and its folder created) for a command it cannot run.");
    }

    [Fact]
    public async Task StoreStats_WithAnInvalidQdrantVariable_ExitsOne_NamingTheVariable()
    {
        (int exit, string output) = await M6Process.RunAsync(
            ["store", "stats", "--store", "qdrant:http://127.0.0.1:1"],
            Timeout,
            new Dictionary<string, string> { ["M6__Qdrant__ReplicationFactor"] = "0" });

        Assert.Equal(1, exit);
        Assert.Contains("M6__Qdrant__ReplicationFactor must be at least 1, not 0", output, StringComparison.Ordinal);
    }

    private static async Task<FakeQdrantServer> Qdrant(string[] collections, Dictionary<string, string> aliases, string? apiKey = null)
    {
        FakeQdrantServer server = await FakeQdrantServer.StartAsync(apiKey);
        foreach (string collection in collections)
        {
            server.Fake.State.AddCollection(new Fake.CreateCollection { CollectionName = collection });
        }

        lock (server.Fake.State.Lock)
        {
            foreach ((string alias, string collection) in aliases)
            {
                server.Fake.State.Aliases[alias] = collection;
            }
        }

        return server;
    }

    private static Dictionary<string, string> Aliases(FakeQdrantServer server)
    {
        lock (server.Fake.State.Lock)
        {
            return new Dictionary<string, string>(server.Fake.State.Aliases);
        }
    }
}
