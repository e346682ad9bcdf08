using System.Net;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Tests.Qdrant.Contract;
using M6Search.Stores.Tests.Qdrant.Fakes;

namespace M6Search.Stores.Tests.Qdrant;

/// <summary>Creating the collection, accepting one that already exists, and refusing one that does not fit.</summary>
public sealed class QdrantEnsureCollectionTests
{
    [Fact]
    public async Task EnsureCollection_LeavesAMatchingCollectionAlone_AndAddsOnlyMissingIndexes()
    {
        var indexes = new Dictionary<string, string>(CannedReplies.DefaultIndexes);
        indexes.Remove("currency");
        var handler = new ScriptedHandler(request => CannedReplies.Ok(request.Path switch
        {
            "/collections/products/exists" => CannedReplies.Exists,
            "/collections/products" => CannedReplies.CollectionInfo(payloadIndexes: indexes),
            "/collections/products/index" => CannedReplies.Completed,
            _ => throw new InvalidOperationException(request.ToString()),
        }));
        var store = TestStores.Create(handler);

        await store.EnsureCollectionAsync(CollectionSchema.ForProducts(4));

        Assert.DoesNotContain(handler.Requests, r => r.Method == HttpMethod.Put && r.Path == "/collections/products");
        RecordedRequest index = Assert.Single(handler.Requests, r => r.Path == "/collections/products/index");
        Assert.Equal("""{"field_name":"currency","field_schema":"keyword"}""", index.Body);
    }

    [Fact]
    public async Task EnsureCollection_AcceptsA409FromCreate_AndThenChecksTheSchema()
    {
        var handler = new ScriptedHandler(request => (request.Method.Method, request.Path) switch
        {
            ("GET", "/collections/products/exists") => CannedReplies.Ok(CannedReplies.DoesNotExist),
            ("PUT", "/collections/products") => ScriptedHandler.Json(HttpStatusCode.Conflict, CannedReplies.Error("Wrong input: Collection `products` already exists!")),
            ("GET", "/collections/products") => CannedReplies.Ok(CannedReplies.CollectionInfo(dimension: 4, payloadIndexes: CannedReplies.DefaultIndexes)),
            _ => throw new InvalidOperationException(request.ToString()),
        });
        var store = TestStores.Create(handler);

        await store.EnsureCollectionAsync(CollectionSchema.ForProducts(4));

        Assert.Contains(handler.Requests, r => r.Method == HttpMethod.Get && r.Path == "/collections/products");
    }

    [Fact]
    public async Task EnsureCollection_RefusesACollectionCreatedMeanwhileWithAnotherDimension_AfterA409()
    {
        var handler = new ScriptedHandler(request => (request.Method.Method, request.Path) switch
        {
            ("GET", "/collections/products/exists") => CannedReplies.Ok(CannedReplies.DoesNotExist),
            ("PUT", "/collections/products") => ScriptedHandler.Json(HttpStatusCode.Conflict, CannedReplies.Error("Collection `products` already exists!")),
            ("GET", "/collections/products") => CannedReplies.Ok(CannedReplies.CollectionInfo(dimension: 512)),
            _ => throw new InvalidOperationException(request.ToString()),
        });
        var store = TestStores.Create(handler);

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.EnsureCollectionAsync(CollectionSchema.ForProducts(4)));

        Assert.Equal("EnsureCollection", error.Operation);
        Assert.Contains("'image' has 512 dimensions, the schema 4", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"size":4,"distance":"Cosine"}""", "unnamed dense vector")]
    [InlineData("""{"image":{"size":4,"distance":"Dot"},"text":{"size":4,"distance":"Cosine"}}""", "'image' uses Dot distance")]
    [InlineData("""{"image":{"size":4,"distance":"Cosine"}}""", "'text' is missing")]
    [InlineData("""{"image":{"size":4,"distance":"Cosine"},"text":{"size":4,"distance":"Cosine"},"logo":{"size":4,"distance":"Cosine"}}""", "'logo' that the schema does not name")]
    public async Task EnsureCollection_NamesEveryDifference_OfAnExistingCollection(string vectors, string expected)
    {
        var handler = new ScriptedHandler(request => CannedReplies.Ok(request.Path switch
        {
            "/collections/products/exists" => CannedReplies.Exists,
            "/collections/products" => CannedReplies.CollectionInfo(vectorsJson: vectors),
            _ => throw new InvalidOperationException(request.ToString()),
        }));
        var store = TestStores.Create(handler);

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.EnsureCollectionAsync(CollectionSchema.ForProducts(4)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureCollection_RefusesALexicalVectorWithTheIdfModifier()
    {
        var handler = new ScriptedHandler(request => CannedReplies.Ok(request.Path switch
        {
            "/collections/products/exists" => CannedReplies.Exists,
            "/collections/products" => CannedReplies.CollectionInfo(lexicalModifier: "idf"),
            _ => throw new InvalidOperationException(request.ToString()),
        }));
        var store = TestStores.Create(handler);

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.EnsureCollectionAsync(CollectionSchema.ForProducts(4)));

        Assert.Contains("'idf' modifier", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureCollection_RefusesAFieldIndexedWithAnotherType()
    {
        var indexes = new Dictionary<string, string>(CannedReplies.DefaultIndexes) { ["price"] = "integer" };
        var handler = new ScriptedHandler(request => CannedReplies.Ok(request.Path switch
        {
            "/collections/products/exists" => CannedReplies.Exists,
            "/collections/products" => CannedReplies.CollectionInfo(payloadIndexes: indexes),
            _ => throw new InvalidOperationException(request.ToString()),
        }));
        var store = TestStores.Create(handler);

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.EnsureCollectionAsync(CollectionSchema.ForProducts(4)));

        Assert.Contains("'price' is indexed as integer, not float", error.Message, StringComparison.Ordinal);
    }
}
