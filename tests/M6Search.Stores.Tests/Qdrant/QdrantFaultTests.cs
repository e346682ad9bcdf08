extern alias QdrantFake;

using Grpc.Core;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Qdrant;
using M6Search.Stores.Tests.Qdrant.Fakes;
using QdrantFake::M6Search.Stores.QdrantFake;
using Fake = QdrantFake::Qdrant.Client.Grpc;

namespace M6Search.Stores.Tests.Qdrant;

/// <summary>
/// gRPC failures: transient codes are retried with backoff (and Qdrant's retry-after), permanent ones are not, and
/// each ends in a result or one VectorStoreException naming the operation, the collection and Qdrant's message.
/// </summary>
public sealed class QdrantFaultTests : IAsyncLifetime
{
    private FakeQdrantServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeQdrantServer.StartAsync();
        FakeSeed.Add(_server, FakeSeed.ProductCollection(4));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(StatusCode.Unavailable)]
    [InlineData(StatusCode.ResourceExhausted)]
    [InlineData(StatusCode.Aborted)]
    [InlineData(StatusCode.DeadlineExceeded)]
    public async Task Call_IsRetried_AfterATransientCode_AndThenSucceeds(StatusCode code)
    {
        _server.Fake.Faults.FailNext("Points/Count", code, "Service unavailable: too many requests in flight", times: 2);
        var logger = new ListLogger();
        await using QdrantProductStore store = TestStores.Create(_server, logger: logger);

        long count = await store.CountAsync();

        Assert.Equal(0, count);
        Assert.Equal(3, _server.Fake.CallsOf("Points/Count").Count);
        Assert.Equal(2, logger.Entries.Count(e => e.EventId == 6100));
        Assert.Contains($"{code}: Service unavailable", logger.Entries.First(e => e.EventId == 6100).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_WaitsAsLongAsQdrantsRetryAfterTrailerSays()
    {
        _server.Fake.Faults.FailNext(
            "Points/Count", StatusCode.ResourceExhausted, "Rate limiting exceeded", trailers: new Dictionary<string, string> { ["retry-after"] = "1" });
        var logger = new ListLogger();
        await using QdrantProductStore store = TestStores.Create(_server, logger: logger);

        await store.CountAsync();

        LogEntry retry = Assert.Single(logger.Entries, e => e.EventId == 6100);
        Assert.Equal(TimeSpan.FromSeconds(1), retry.Values["Delay"]);
    }

    [Theory]
    [InlineData(StatusCode.InvalidArgument, 3)]
    [InlineData(StatusCode.Internal, 13)]
    [InlineData(StatusCode.PermissionDenied, 7)]
    [InlineData(StatusCode.FailedPrecondition, 9)]
    public async Task PermanentFailure_IsNotRetried_AndCarriesQdrantsMessageOperationCollectionAndCode(StatusCode code, int number)
    {
        const string QdrantMessage = "Wrong input: Vector dimension error: expected dim: 512, got 4";
        _server.Fake.Faults.FailNext("Points/Query", code, QdrantMessage);
        await using QdrantProductStore store = TestStores.Create(_server);

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.SearchAsync(new VectorQuery { Using = "image", Vector = [1f, 0f, 0f, 0f] }));

        Assert.Single(_server.Fake.CallsOf("Points/Query"));
        Assert.Equal(number, error.StatusCode);
        Assert.Equal("Search", error.Operation);
        Assert.Equal("products", error.Collection);
        Assert.Equal(QdrantMessage, error.Reason);
        Assert.StartsWith("Search on collection 'products' failed: " + QdrantMessage, error.Message, StringComparison.Ordinal);
        Assert.IsType<RpcException>(error.InnerException);
    }

    [Fact]
    public async Task ServerValidationError_IsReported_WithQdrantsOwnWording()
    {
        await using QdrantProductStore store = TestStores.Create(_server);

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.SearchAsync(new VectorQuery { Using = "no-such-vector", Vector = [1f, 0f, 0f, 0f] }));

        Assert.Equal((int)StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("Wrong input: Not existing vector name error: no-such-vector", error.Reason);
    }

    [Fact]
    public async Task CallThatNeverAnswers_EndsAtItsDeadline_IsRetried_AndThenReported()
    {
        var logger = new ListLogger();
        await using QdrantProductStore store = TestStores.Create(_server, o =>
        {
            o.Timeout = TimeSpan.FromSeconds(1);
            o.MaxRetryAttempts = 1;
        }, logger);
        await store.CountAsync();
        _server.Fake.Faults.HangNext("Points/Count", times: 2);

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.CountAsync());

        Assert.Equal("Count", error.Operation);
        Assert.Equal((int)StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Contains("did not answer within 00:00:01 (one attempt)", error.Message, StringComparison.Ordinal);

        // The client made exactly one retry. The server sees at most the two attempts: on a loaded machine an
        // attempt's one-second deadline can pass before the fake has even recorded it.
        Assert.Equal(1, logger.Entries.Count(e => e.EventId == 6100));
        Assert.InRange(_server.Fake.CallsOf("Points/Count").Count, 1, 3);
    }

    [Fact]
    public async Task Operation_ThatOutlastsTheTotalTimeout_IsReported()
    {
        _server.Fake.Faults.HangNext("Points/Count", times: 10);
        await using QdrantProductStore store = TestStores.Create(_server, o =>
        {
            o.Timeout = TimeSpan.FromSeconds(1);
            o.TotalTimeout = TimeSpan.FromSeconds(1.5);
        });

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.CountAsync());

        Assert.Contains("did not answer within 00:00:01.5000000 (all attempts together)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerThatIsNotThere_IsRetried_AndThenReportedWithItsAddress()
    {
        Uri gone = _server.Url;
        await _server.DisposeAsync();
        var logger = new ListLogger();
        await using var store = new QdrantProductStore(TestStores.Options(gone), logger);

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.GetAsync("p-001"));

        Assert.Equal(3, logger.Entries.Count(e => e.EventId == 6100));
        Assert.Equal("Get", error.Operation);
        Assert.Equal((int)StatusCode.Unavailable, error.StatusCode);
        Assert.Contains($"could not reach Qdrant at {gone}", error.Message, StringComparison.Ordinal);
        _server = await FakeQdrantServer.StartAsync();
    }

    [Fact]
    public async Task FailingUpsertBatch_InTheMiddle_IsReported_AfterEarlierBatchesWereWritten_AndLaterOnesNotSent()
    {
        await using QdrantProductStore store = TestStores.Create(_server, o => o.UpsertBatchSize = 2);
        ProductPoint[] points = Enumerable.Range(1, 5)
            .Select(i => QdrantTestData.BarePoint with { Product = QdrantTestData.Bare with { Id = $"p-{i}" } })
            .ToArray();
        points[3] = points[3] with { Vectors = new Dictionary<string, float[]> { ["image"] = [1f, 0f, 0f] } };

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.UpsertAsync(points));

        Assert.Equal(2, _server.Fake.CallsOf("Points/Upsert").Count);
        Assert.Equal("Upsert", error.Operation);
        Assert.Equal((int)StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("batch 2 of 3 (points 3-4 of 5, first product 'p-3') was not written", error.Message, StringComparison.Ordinal);
        Assert.Contains("2 points in 1 earlier batches were", error.Message, StringComparison.Ordinal);
        Assert.Contains("Vector dimension error: expected dim: 4, got 3", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, await store.CountAsync());
    }

    [Fact]
    public async Task UpsertBatch_ThatStaysUnavailable_IsRetriedThenReported_WithoutResendingEarlierBatches()
    {
        await using QdrantProductStore store = TestStores.Create(_server, o => o.UpsertBatchSize = 1);
        _server.Fake.Faults.BeforeNext("Points/Upsert", () => _server.Fake.Faults.FailNext("Points/Upsert", StatusCode.Unavailable, "Service unavailable", times: 10));

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.UpsertAsync([QdrantTestData.MugPoint, QdrantTestData.ChinesePoint, QdrantTestData.BarePoint]));

        string[] sent = _server.Fake.CallsOf("Points/Upsert").Select(call => call.As<Fake.UpsertPoints>().Points.Single().Id.Uuid).ToArray();
        Assert.Equal(1, sent.Count(id => id == QdrantTestData.PointId("p-001")));
        Assert.Equal(4, sent.Count(id => id == QdrantTestData.PointId("商品-42")));
        Assert.DoesNotContain(QdrantTestData.PointId("p-003"), sent);
        Assert.Equal((int)StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("batch 2 of 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallerCancellation_IsPassedThrough_NotWrapped_AndNotRetried()
    {
        await using QdrantProductStore store = TestStores.Create(_server);
        await store.CountAsync();
        _server.Fake.Faults.HangNext("Points/Count", times: 5);
        using var cancellation = new CancellationTokenSource();

        Task<long> count = store.CountAsync(cancellationToken: cancellation.Token);
        // Cancel once the server holds the hung call (not after a fixed time, which a loaded machine can outlast).
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (_server.Fake.CallsOf("Points/Count").Count < 2)
        {
            await Task.Delay(10, patience.Token);
        }

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => count);
        Assert.Equal(2, _server.Fake.CallsOf("Points/Count").Count);
    }
}
