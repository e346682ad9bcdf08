using System.Diagnostics;
using System.Globalization;
using M6Search.Stores.Abstractions;
using M6Search.Stores.CrashHelper;
using M6Search.Stores.Embedded;
using M6Search.Stores.Tests.TestSupport;

namespace M6Search.Stores.Tests.Embedded;

/// <summary>
/// Kills a writer process (tests/M6Search.Stores.CrashHelper) in the middle of its batches and checks what a restart
/// finds: every batch the writer saw committed, the batch in flight either whole or absent, nothing else.
/// </summary>
public sealed class EmbeddedStoreCrashTests : IDisposable
{
    private const string Collection = "crash";
    private const int PointsPerBatch = 400;
    private static readonly TimeSpan HelperTimeout = TimeSpan.FromSeconds(90);
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Restart_FindsEveryCommittedBatchWhole_AndNoPartOfAnUncommittedOne_AfterTheWriterIsKilled()
    {
        var random = new Random(99);
        int firstBatch = 0;
        var committed = new List<int>();
        var inFlight = new List<int>();
        for (int cycle = 0; cycle < 2; cycle++)
        {
            (List<int> cycleCommitted, int lastWriting) = await RunAndKillAsync(firstBatch, killAfterCommits: 2 + cycle, random.Next(0, 15));
            committed.AddRange(cycleCommitted);
            inFlight.Add(lastWriting);
            await AssertOnlyWholeBatchesAsync(committed, inFlight, upTo: lastWriting);
            firstBatch = lastWriting + 1;
        }

        // The store is still writable after the crashes, and what it writes survives a clean restart.
        await using (EmbeddedProductVectorStore store = await OpenAsync())
        {
            await store.EnsureCollectionAsync(CrashBatch.Schema);
            await store.UpsertAsync(CrashBatch.Points(firstBatch, PointsPerBatch));
        }

        committed.Add(firstBatch);
        await AssertOnlyWholeBatchesAsync(committed, inFlight, upTo: firstBatch);
    }

    private async Task<(List<int> Committed, int LastWriting)> RunAndKillAsync(int firstBatch, int killAfterCommits, int delayMilliseconds)
    {
        string helper = Path.Combine(AppContext.BaseDirectory, "M6Search.Stores.CrashHelper.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            helper, _directory.Path, Collection, firstBatch.ToString(CultureInfo.InvariantCulture), PointsPerBatch.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start the crash helper");
        var committed = new List<int>();
        int lastWriting = -1;
        using var timeout = new CancellationTokenSource(HelperTimeout);
        try
        {
            while (true)
            {
                string? line = await process.StandardOutput.ReadLineAsync(timeout.Token);
                if (line is null)
                {
                    string error = await process.StandardError.ReadToEndAsync(timeout.Token);
                    Assert.Fail($"the crash helper ended before it was killed: {error}");
                }

                if (line.StartsWith("writing ", StringComparison.Ordinal))
                {
                    lastWriting = int.Parse(line.AsSpan(8), CultureInfo.InvariantCulture);
                    if (committed.Count >= killAfterCommits)
                    {
                        // Kill while the batch announced last is being written (or just committed: both must be safe).
                        await Task.Delay(delayMilliseconds, timeout.Token);
                        break;
                    }
                }
                else if (line.StartsWith("committed ", StringComparison.Ordinal))
                {
                    committed.Add(int.Parse(line.AsSpan(10), CultureInfo.InvariantCulture));
                }
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        // Lines written before the kill but not yet read.
        string rest = await process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        foreach (string line in rest.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("committed ", StringComparison.Ordinal))
            {
                committed.Add(int.Parse(line.AsSpan(10), CultureInfo.InvariantCulture));
            }
            else if (line.StartsWith("writing ", StringComparison.Ordinal))
            {
                lastWriting = int.Parse(line.AsSpan(8), CultureInfo.InvariantCulture);
            }
        }

        return (committed, lastWriting);
    }

    private async Task AssertOnlyWholeBatchesAsync(List<int> committed, List<int> inFlight, int upTo)
    {
        await using EmbeddedProductVectorStore store = await OpenAsync();
        await store.EnsureCollectionAsync(CrashBatch.Schema);
        long expectedTotal = 0;
        for (int batch = 0; batch <= upTo; batch++)
        {
            long count = await store.CountAsync(new ProductFilter
            {
                Keywords = new Dictionary<string, string> { ["attributes." + CrashBatch.BatchAttribute] = CrashBatch.BatchKey(batch) },
            });
            if (committed.Contains(batch))
            {
                Assert.True(count == PointsPerBatch, $"committed batch {batch} has {count} of {PointsPerBatch} points");
            }
            else
            {
                Assert.True(inFlight.Contains(batch), $"batch {batch} was never written but has {count} points");
                Assert.True(count is 0 or PointsPerBatch, $"batch {batch}, in flight when the writer was killed, has {count} of {PointsPerBatch} points");
            }

            if (count > 0)
            {
                await AssertPointIntactAsync(store, batch, PointsPerBatch - 1);
            }

            expectedTotal += count;
        }

        Assert.Equal(expectedTotal, await store.CountAsync());
    }

    private static async Task AssertPointIntactAsync(EmbeddedProductVectorStore store, int batch, int index)
    {
        ProductPoint expected = CrashBatch.Point(batch, index);
        ProductPoint? actual = await store.GetAsync(expected.Product.Id, withVectors: true);
        Assert.NotNull(actual);
        Assert.Equal(expected.Product.Title, actual.Product.Title);
        Assert.Equal(expected.ContentHash, actual.ContentHash);
        Assert.Equal(expected.Lexical!.Indices, actual.Lexical!.Indices);
        IReadOnlyList<SearchHit> hits = await store.SearchAsync(new VectorQuery
        {
            Using = CollectionSchema.TextVector,
            Vector = expected.Vectors[CollectionSchema.TextVector],
            Limit = 1,
        });
        Assert.Equal(expected.Product.Id, hits[0].Point.Product.Id);
        Assert.Equal(1f, hits[0].Score, 1e-5f);
    }

    private Task<EmbeddedProductVectorStore> OpenAsync() =>
        EmbeddedProductVectorStore.OpenAsync(new EmbeddedStoreOptions { DataDirectory = _directory.Path }, Collection);
}
