using System.Net;
using System.Net.Http.Headers;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Tests.Qdrant.Contract;
using M6Search.Stores.Tests.Qdrant.Fakes;

namespace M6Search.Stores.Tests.Qdrant;

/// <summary>Timeouts, retries, Retry-After, bad replies and failed batches: each ends in a result or a clear VectorStoreException.</summary>
public sealed class QdrantFaultTests
{
    [Fact]
    public async Task Request_IsRetried_After503_AndThenSucceeds()
    {
        var handler = new ScriptedHandler((_, index, _) => Task.FromResult(index == 1
            ? ScriptedHandler.Json(HttpStatusCode.ServiceUnavailable, CannedReplies.Error("Service Unavailable: too many requests in flight"))
            : CannedReplies.Ok(CannedReplies.Count(5))));
        var logger = new ListLogger();
        var store = TestStores.Create(handler, logger: logger);

        long count = await store.CountAsync();

        Assert.Equal(5, count);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(handler.Requests[0].Body, handler.Requests[1].Body);
        LogEntry retry = Assert.Single(logger.Entries, e => e.EventId == 6100);
        Assert.Contains("HTTP 503", retry.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Request_IsRetried_OnOtherPassingFailures(HttpStatusCode status)
    {
        var handler = new ScriptedHandler((_, index, _) => Task.FromResult(index < 3
            ? ScriptedHandler.Json(status, "{}")
            : CannedReplies.Ok(CannedReplies.Count(1))));
        var store = TestStores.Create(handler);

        Assert.Equal(1, await store.CountAsync());
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Request_WaitsAsLongAsRetryAfterSays_After429()
    {
        var handler = new ScriptedHandler((_, index, _) =>
        {
            if (index > 1)
            {
                return Task.FromResult(CannedReplies.Ok(CannedReplies.Count(2)));
            }

            HttpResponseMessage tooMany = ScriptedHandler.Json(HttpStatusCode.TooManyRequests, CannedReplies.Error("Too many requests"));
            tooMany.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
            return Task.FromResult(tooMany);
        });
        var logger = new ListLogger();
        var store = TestStores.Create(handler, logger: logger);

        Assert.Equal(2, await store.CountAsync());

        LogEntry retry = Assert.Single(logger.Entries, e => e.EventId == 6100);
        Assert.Equal(TimeSpan.FromSeconds(1), retry.Values["Delay"]);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Request_ThatNeverAnswers_TimesOutPerAttempt_IsRetried_AndThenReported()
    {
        var handler = new ScriptedHandler(async (_, _, cancellationToken) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable");
        });
        var store = TestStores.Create(handler, TestStores.Options(o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(50);
            o.MaxRetryAttempts = 2;
        }));

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.CountAsync());

        Assert.Equal("Count", error.Operation);
        Assert.Equal("products", error.Collection);
        Assert.Contains("did not answer in time", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task TransportError_IsRetried_AndThenReportedWithTheServerAddress()
    {
        var handler = new ScriptedHandler((_, _, _) => throw new HttpRequestException("Connection refused (qdrant.test:6333)"));
        var store = TestStores.Create(handler);

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.GetAsync("p-001"));

        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal("Get", error.Operation);
        Assert.Contains("could not reach Qdrant at http://qdrant.test:6333/", error.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task BadRequest_IsNotRetried_AndCarriesQdrantsMessageOperationCollectionAndStatus()
    {
        const string QdrantMessage = "Wrong input: Vector dimension error: expected dim: 512, got 4";
        var handler = new ScriptedHandler(_ => ScriptedHandler.Json(HttpStatusCode.BadRequest, CannedReplies.Error(QdrantMessage)));
        var store = TestStores.Create(handler);

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.SearchAsync(new VectorQuery { Using = "image", Vector = [1f, 0f, 0f, 0f] }));

        Assert.Single(handler.Requests);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("Search", error.Operation);
        Assert.Equal("products", error.Collection);
        Assert.Equal(QdrantMessage, error.Reason);
        Assert.Contains(QdrantMessage, error.Message, StringComparison.Ordinal);
        Assert.Contains("Search on collection 'products'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InternalServerError_IsNotRetried()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Json(HttpStatusCode.InternalServerError, CannedReplies.Error("Service internal error: segment is broken")));
        var store = TestStores.Create(handler);

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.CountAsync());

        Assert.Single(handler.Requests);
        Assert.Equal(500, error.StatusCode);
        Assert.Equal("Service internal error: segment is broken", error.Reason);
    }

    [Fact]
    public async Task GatewayErrorPage_ThatIsNotJson_IsReportedWithStatusAndExcerpt_AfterTheRetries()
    {
        var handler = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.BadGateway)
        {
            ReasonPhrase = "Bad Gateway",
            Content = new StringContent("<html><body>upstream unavailable</body></html>"),
        });
        var store = TestStores.Create(handler);

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.CountAsync());

        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal(502, error.StatusCode);
        Assert.Contains("HTTP 502 Bad Gateway: <html><body>upstream unavailable", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"result":{"count":""")]
    [InlineData("""<html>ok</html>""")]
    [InlineData("""{"result":{"count":"many"},"status":"ok"}""")]
    [InlineData("""{"status":"ok","time":0.1}""")]
    public async Task MalformedReply_IsReportedAsAVectorStoreException(string body)
    {
        var store = TestStores.Create(new ScriptedHandler(_ => CannedReplies.Ok(body)));

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.CountAsync());

        Assert.Equal("Count", error.Operation);
        Assert.Equal(200, error.StatusCode);
        Assert.Contains("Qdrant's reply (HTTP 200)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyMissingARequiredField_IsReportedAsMalformed()
    {
        var store = TestStores.Create(new ScriptedHandler(_ => CannedReplies.Ok("""{"result":{"operation_id":3},"status":"ok","time":0.1}""")));

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.UpsertAsync([QdrantTestData.MugPoint]));

        Assert.Contains("not the expected JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailingUpsertBatch_InTheMiddle_IsReported_AfterEarlierBatchesWereSentOnce_AndLaterOnesNotAtAll()
    {
        const string QdrantMessage = "Wrong input: Vector dimension error: expected dim: 4, got 3";
        var handler = new ScriptedHandler((_, index, _) => Task.FromResult(index == 2
            ? ScriptedHandler.Json(HttpStatusCode.BadRequest, CannedReplies.Error(QdrantMessage))
            : CannedReplies.Ok(CannedReplies.Completed)));
        var store = TestStores.Create(handler, TestStores.Options(o => o.UpsertBatchSize = 2));
        ProductPoint[] points = Enumerable.Range(1, 5)
            .Select(i => QdrantTestData.BarePoint with { Product = QdrantTestData.Bare with { Id = $"p-{i}" } })
            .ToArray();

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.UpsertAsync(points));

        Assert.Equal(2, handler.Requests.Count);
        Assert.Contains(QdrantTestData.PointId("p-1"), handler.Requests[0].Body, StringComparison.Ordinal);
        Assert.Contains(QdrantTestData.PointId("p-3"), handler.Requests[1].Body, StringComparison.Ordinal);
        Assert.Equal("Upsert", error.Operation);
        Assert.Equal(400, error.StatusCode);
        Assert.Contains("batch 2 of 3 (points 3-4 of 5, first product 'p-3') was not written", error.Message, StringComparison.Ordinal);
        Assert.Contains("2 points in 1 earlier batches were", error.Message, StringComparison.Ordinal);
        Assert.Contains(QdrantMessage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpsertBatch_ThatStaysUnavailable_IsRetriedThenReported_WithoutResendingEarlierBatches()
    {
        var handler = new ScriptedHandler((request, index, _) => Task.FromResult(index == 1
            ? CannedReplies.Ok(CannedReplies.Completed)
            : ScriptedHandler.Json(HttpStatusCode.ServiceUnavailable, CannedReplies.Error("Service Unavailable"))));
        var store = TestStores.Create(handler, TestStores.Options(o => o.UpsertBatchSize = 1));

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.UpsertAsync([QdrantTestData.MugPoint, QdrantTestData.ChinesePoint, QdrantTestData.BarePoint]));

        string mugId = QdrantTestData.PointId("p-001");
        string cupId = QdrantTestData.PointId("商品-42");
        Assert.Single(handler.Requests, r => r.Body!.Contains(mugId, StringComparison.Ordinal));
        Assert.Equal(4, handler.Requests.Count(r => r.Body!.Contains(cupId, StringComparison.Ordinal)));
        Assert.DoesNotContain(handler.Requests, r => r.Body!.Contains(QdrantTestData.PointId("p-003"), StringComparison.Ordinal));
        Assert.Equal(503, error.StatusCode);
        Assert.Contains("batch 2 of 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallerCancellation_IsPassedThrough_NotWrapped()
    {
        using var cancellation = new CancellationTokenSource();
        var handler = new ScriptedHandler(async (_, _, cancellationToken) =>
        {
            await cancellation.CancelAsync();
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable");
        });
        var store = TestStores.Create(handler);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.CountAsync(cancellationToken: cancellation.Token));
        Assert.Single(handler.Requests);
    }
}
