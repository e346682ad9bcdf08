using M6Search.Stores.Tests.Qdrant.Fakes;

namespace M6Search.Stores.Tests.Qdrant.Contract;

/// <summary>The contract validator itself: it must reject what Qdrant 1.19 would not accept, or the contract tests prove nothing.</summary>
public sealed class QdrantOpenApiValidatorTests
{
    public static TheoryData<string, string, int, string> CannedReplyExamples => new()
    {
        { "put", "/collections/{collection_name}", 200, CannedReplies.Created },
        { "put", "/collections/{collection_name}/points", 200, CannedReplies.Completed },
        { "put", "/collections/{collection_name}/points", 200, CannedReplies.Acknowledged },
        { "put", "/collections/{collection_name}/points", 400, CannedReplies.Error("Wrong input: Vector dimension error: expected dim: 4, got 3") },
        { "put", "/collections/{collection_name}", 409, CannedReplies.Error("Wrong input: Collection `products` already exists!") },
        { "get", "/collections/{collection_name}/exists", 200, CannedReplies.Exists },
        { "get", "/collections/{collection_name}/exists", 200, CannedReplies.DoesNotExist },
        { "get", "/collections/{collection_name}", 200, CannedReplies.CollectionInfo() },
        { "get", "/collections/{collection_name}", 200, CannedReplies.CollectionInfo(dimension: 512, lexicalModifier: "idf", payloadIndexes: CannedReplies.DefaultIndexes) },
        { "get", "/collections/{collection_name}", 200, CannedReplies.CollectionInfo(vectorsJson: """{"size":4,"distance":"Cosine"}""") },
        { "get", "/cluster", 200, CannedReplies.ClusterDisabled },
        { "get", "/cluster", 200, CannedReplies.ClusterEnabled },
        { "get", "/collections/{collection_name}/cluster", 200, CannedReplies.CollectionCluster },
        { "post", "/collections/{collection_name}/snapshots", 200, CannedReplies.Snapshot },
        { "post", "/collections/{collection_name}/points/count", 200, CannedReplies.Count(1234) },
        { "post", "/collections/{collection_name}/points/scroll", 200, CannedReplies.Scroll([], null) },
        { "post", "/collections/{collection_name}/points/query", 200, CannedReplies.Query([]) },
        { "post", "/collections/{collection_name}/points", 200, CannedReplies.Records([]) },
    };

    [Theory]
    [MemberData(nameof(CannedReplyExamples))]
    public async Task CannedReply_MatchesTheResponseSchemaOfItsOperation(string method, string template, int status, string json)
    {
        QdrantOpenApi spec = await QdrantOpenApi.GetAsync();

        IReadOnlyList<string> errors = spec.ValidateResponse(method, template, status, json);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public async Task Validator_RejectsAFieldTheSpecDoesNotName()
    {
        QdrantOpenApi spec = await QdrantOpenApi.GetAsync();

        IReadOnlyList<string> errors = spec.ValidateAgainst("QueryRequest", """{"query":[0.1,0.2],"using":"image","limit":3,"scoreThreshold":0.5}""");

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task Validator_AcceptsAQueryWithFusionOverPrefetches()
    {
        QdrantOpenApi spec = await QdrantOpenApi.GetAsync();

        IReadOnlyList<string> errors = spec.ValidateAgainst(
            "QueryRequest",
            """{"prefetch":[{"query":[0.1,0.2],"using":"image","limit":20},{"query":{"indices":[1,5],"values":[0.5,1.5]},"using":"lexical","limit":20}],"query":{"fusion":"rrf"},"limit":5,"with_payload":true}""");

        Assert.Empty(errors);
    }

    [Fact]
    public async Task Validator_RejectsAnUnknownFusion()
    {
        QdrantOpenApi spec = await QdrantOpenApi.GetAsync();

        IReadOnlyList<string> errors = spec.ValidateAgainst("QueryRequest", """{"prefetch":[{"query":[0.1],"using":"image"}],"query":{"fusion":"borda"}}""");

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task Validator_RejectsADistanceNotSpelledAsQdrantSpellsIt()
    {
        QdrantOpenApi spec = await QdrantOpenApi.GetAsync();

        IReadOnlyList<string> errors = spec.ValidateAgainst("CreateCollection", """{"vectors":{"image":{"size":4,"distance":"cosine"}}}""");

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task Validator_RejectsAPointWithoutVector()
    {
        QdrantOpenApi spec = await QdrantOpenApi.GetAsync();

        IReadOnlyList<string> errors = spec.ValidateAgainst("PointInsertOperations", """{"points":[{"id":"6d365365-6172-4368-8d36-50726f647563","payload":{}}]}""");

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task Validator_RejectsAPointIdThatIsNeitherUuidNorUnsignedInteger()
    {
        QdrantOpenApi spec = await QdrantOpenApi.GetAsync();

        IReadOnlyList<string> errors = spec.ValidateAgainst("PointIdsList", """{"points":["p-001"]}""");

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task Validator_RejectsRepeatedValuesInMatchAny()
    {
        QdrantOpenApi spec = await QdrantOpenApi.GetAsync();

        IReadOnlyList<string> errors = spec.ValidateAgainst("Filter", """{"must":[{"key":"category","match":{"any":["kitchen","kitchen"]}}]}""");

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task Validator_AcceptsNullWhereTheSpecSaysNullable()
    {
        QdrantOpenApi spec = await QdrantOpenApi.GetAsync();

        IReadOnlyList<string> errors = spec.ValidateAgainst("ScrollRequest", """{"offset":null,"limit":10,"filter":null,"with_payload":true}""");

        Assert.Empty(errors);
    }

    [Fact]
    public async Task Validator_RejectsTheSearchEndpointThatQdrant119Removed()
    {
        QdrantOpenApi spec = await QdrantOpenApi.GetAsync();
        var request = new RecordedRequest(HttpMethod.Post, new Uri("http://qdrant.test/collections/products/points/search"), """{"vector":[0.1],"limit":3}""", new Dictionary<string, string>());

        IReadOnlyList<string> errors = spec.ValidateRequest(request);

        Assert.NotEmpty(errors);
    }

    [Theory]
    [InlineData("?wait=true&ordering=fast")]
    [InlineData("?wait=yes")]
    [InlineData("?wait=true&batch=1")]
    public async Task Validator_RejectsQueryParametersTheOperationDoesNotTake(string query)
    {
        QdrantOpenApi spec = await QdrantOpenApi.GetAsync();
        var request = new RecordedRequest(
            HttpMethod.Put,
            new Uri("http://qdrant.test/collections/products/points" + query),
            """{"points":[]}""",
            new Dictionary<string, string>());

        IReadOnlyList<string> errors = spec.ValidateRequest(request);

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task Validator_RejectsAReplyWithoutTheFieldsTheResponseSchemaRequires()
    {
        QdrantOpenApi spec = await QdrantOpenApi.GetAsync();

        IReadOnlyList<string> errors = spec.ValidateResponse("post", "/collections/{collection_name}/points/count", 200, """{"result":{"total":3},"status":"ok","time":0.1}""");

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task Validator_AcceptsQdrantsErrorReply_ForA4xxStatus()
    {
        QdrantOpenApi spec = await QdrantOpenApi.GetAsync();

        IReadOnlyList<string> errors = spec.ValidateResponse("put", "/collections/{collection_name}/points", 400, CannedReplies.Error("Wrong input: bad vector"));

        Assert.Empty(errors);
    }
}
