using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Benchmarks;
using M6Search.Stores.Embedded;
using Microsoft.Data.Sqlite;

// Builds a synthetic collection with the embedded store, then measures load time, memory, query latency and
// throughput with float and int8 vectors. See docs/benchmarks-vector-store.md.
BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

var report = new StringBuilder();
void Line(string text = "")
{
    Console.WriteLine(text);
    report.AppendLine(text);
}

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var catalog = new SyntheticCatalog(options.Dimension);
Line($"## {options.Points:N0} products, {options.Dimension} dimensions (image + text vectors, lexical vector, payload)");
Line();
Line($"- machine: {Environment.ProcessorCount} cores ({CpuModel()}), {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
Line($"- load average at start: {LoadAverage()}");
Line($"- date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; command: `dotnet run -c Release --project bench/M6Search.Stores.Benchmarks -- {string.Join(' ', args)}`");

(double bandwidthOne, double bandwidthTwo) = MemoryBandwidth.Measure();
Line($"- memory read bandwidth (sum of a 512 MiB float array): {bandwidthOne:F1} GB/s on 1 thread, {bandwidthTwo:F1} GB/s on 2 threads");
CollectAll();

// Build (or reuse) the collection. Reuse counts the rows with plain SQLite, so that no index is loaded before the
// measurements.
var storeOptions = new EmbeddedStoreOptions { DataDirectory = options.DataDirectory };
string collectionPath = EmbeddedProductVectorStore.CollectionFilePath(options.DataDirectory, options.Collection);
long stored = CountRows(collectionPath);
if (options.Reuse && stored == options.Points)
{
    Line($"- build: reused the existing collection ({stored:N0} points) at {collectionPath}");
    Line($"- collection file: {new FileInfo(collectionPath).Length / 1e9:F2} GB");
}
else
{
    await using EmbeddedProductVectorStore builder = await EmbeddedProductVectorStore.OpenAsync(storeOptions, options.Collection);
    await builder.EnsureCollectionAsync(CollectionSchema.ForProducts(options.Dimension));
    long existing = await builder.CountAsync();
    if (existing > 0)
    {
        Console.Error.WriteLine($"collection {options.Collection} already has {existing} points; delete {options.DataDirectory} or pass --reuse");
        return 1;
    }

    double upsertSeconds = 0;
    long wallStart = Stopwatch.GetTimestamp();
    for (int first = 0; first < options.Points; first += options.BatchSize)
    {
        int count = Math.Min(options.BatchSize, options.Points - first);
        var batch = new ProductPoint[count];
        Parallel.For(0, count, i => batch[i] = catalog.Point(first + i));
        long start = Stopwatch.GetTimestamp();
        await builder.UpsertAsync(batch);
        upsertSeconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
        if ((first / options.BatchSize) % 100 == 0)
        {
            Console.Error.WriteLine($"  inserted {first + count:N0} / {options.Points:N0}");
        }
    }

    double wallSeconds = Stopwatch.GetElapsedTime(wallStart).TotalSeconds;
    Line($"- insert: {options.Points / upsertSeconds:N0} points/s inside UpsertAsync (batches of {options.BatchSize}, durable commits; " +
         $"{upsertSeconds:F1} s), {options.Points / wallSeconds:N0} points/s including generating the data ({wallSeconds:F1} s)");

    StoreStats stats = await builder.GetStatsAsync();
    Line($"- collection file: {long.Parse(stats.Settings["fileBytes"], CultureInfo.InvariantCulture) / 1e9:F2} GB ({builder.FilePath})");
}

if (options.BuildOnly)
{
    if (options.Output is not null)
    {
        await File.AppendAllTextAsync(options.Output, report.ToString() + Environment.NewLine);
    }

    return 0;
}

CollectAll();

// Queries, reproducible.
var queryRandom = new Random(12345);
int total = options.WarmupQueries + options.Queries;
float[][] imageQueries = Enumerable.Range(0, total).Select(_ => catalog.UnitVector(queryRandom)).ToArray();
float[][] textQueries = Enumerable.Range(0, total).Select(_ => catalog.UnitVector(queryRandom)).ToArray();
ProductFilter[] filters = Enumerable.Range(0, total)
    .Select(_ => new ProductFilter { Categories = [SyntheticCatalog.Category(queryRandom.Next(SyntheticCatalog.Categories))], MaxPrice = 100 })
    .ToArray();
SparseVector[] lexicalQueries = Enumerable.Range(0, total).Select(_ => SyntheticCatalog.Lexical(queryRandom, 3)).ToArray();

Line();
Line("| quantization | open (load) | resident memory after open | index memory | search p50 / p99 | filtered p50 / p99 | hybrid RRF p50 / p99 | QPS 1 thread / 2 threads | scanned / p50 | recall@10 vs float |");
Line("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
string[][]? floatResults = null;
foreach (VectorQuantization quantization in new[] { VectorQuantization.None, VectorQuantization.Int8 })
{
    CollectAll();
    long workingSetBefore = WorkingSet();
    long openStart = Stopwatch.GetTimestamp();
    await using EmbeddedProductVectorStore store = await EmbeddedProductVectorStore.OpenAsync(
        new EmbeddedStoreOptions { DataDirectory = options.DataDirectory, Quantization = quantization }, options.Collection);
    double openSeconds = Stopwatch.GetElapsedTime(openStart).TotalSeconds;
    CollectAll();
    long workingSetAfter = WorkingSet();
    StoreStats stats = await store.GetStatsAsync();
    long indexBytes = long.Parse(stats.Settings["indexMemoryBytes"], CultureInfo.InvariantCulture);

    // Warm up every path first and give the tiered JIT time to install optimised code for the scan loops.
    for (int i = 0; i < options.WarmupQueries; i++)
    {
        await store.SearchAsync(new VectorQuery { Using = CollectionSchema.ImageVector, Vector = imageQueries[i], Limit = 10 });
        await store.SearchAsync(new VectorQuery { Using = CollectionSchema.ImageVector, Vector = imageQueries[i], Limit = 10, Filter = filters[i] });
        await store.HybridSearchAsync(new HybridQuery { Dense = new Dictionary<string, float[]> { [CollectionSchema.TextVector] = textQueries[i] }, Lexical = lexicalQueries[i] });
    }

    Thread.Sleep(1000);
    var results = new string[options.Queries][];
    Latencies plain = await MeasureAsync(async i =>
    {
        IReadOnlyList<SearchHit> hits = await store.SearchAsync(new VectorQuery { Using = CollectionSchema.ImageVector, Vector = imageQueries[i], Limit = 10 });
        if (i >= options.WarmupQueries)
        {
            results[i - options.WarmupQueries] = hits.Select(hit => hit.Point.Product.Id).ToArray();
        }
    });
    Latencies filtered = await MeasureAsync(i => store.SearchAsync(
        new VectorQuery { Using = CollectionSchema.ImageVector, Vector = imageQueries[i], Limit = 10, Filter = filters[i] }));
    Latencies hybrid = await MeasureAsync(i => store.HybridSearchAsync(new HybridQuery
    {
        Dense = new Dictionary<string, float[]> { [CollectionSchema.ImageVector] = imageQueries[i], [CollectionSchema.TextVector] = textQueries[i] },
        Lexical = lexicalQueries[i],
        PrefetchLimit = 100,
        Limit = 10,
    }));
    double qpsOne = Throughput(1);
    double qpsTwo = Throughput(2);

    double bytesPerQuery = quantization == VectorQuantization.Int8
        ? (double)options.Points * (options.Dimension + sizeof(float))
        : (double)options.Points * options.Dimension * sizeof(float);
    double p50 = plain.Percentile(50);
    string recall = "-";
    if (quantization == VectorQuantization.None)
    {
        floatResults = results;
    }
    else if (floatResults is not null)
    {
        int found = 0;
        for (int q = 0; q < results.Length; q++)
        {
            found += results[q].Intersect(floatResults[q]).Count();
        }

        recall = $"{found / (double)(results.Length * 10):F3}";
    }

    Line($"| {quantization} | {openSeconds:F1} s | {workingSetAfter / 1e9:F2} GB (+{(workingSetAfter - workingSetBefore) / 1e9:F2} GB) | {indexBytes / 1e9:F2} GB | " +
         $"{p50:F1} / {plain.Percentile(99):F1} ms | {filtered.Percentile(50):F1} / {filtered.Percentile(99):F1} ms | " +
         $"{hybrid.Percentile(50):F1} / {hybrid.Percentile(99):F1} ms | {qpsOne:F1} / {qpsTwo:F1} | " +
         $"{bytesPerQuery / 1e6:F0} MB -> {bytesPerQuery / (p50 / 1000) / 1e9:F1} GB/s | {recall} |");

    double Throughput(int threads)
    {
        int perThread = options.Queries;
        long start = Stopwatch.GetTimestamp();
        Thread[] workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            for (int i = 0; i < perThread; i++)
            {
                int q = options.WarmupQueries + ((i + (t * 97)) % options.Queries);
                store.SearchAsync(new VectorQuery { Using = CollectionSchema.ImageVector, Vector = imageQueries[q], Limit = 10 }).GetAwaiter().GetResult();
            }
        })).ToArray();
        foreach (Thread worker in workers)
        {
            worker.Start();
        }

        foreach (Thread worker in workers)
        {
            worker.Join();
        }

        return threads * perThread / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}

Line();
(double bandwidthOneEnd, double bandwidthTwoEnd) = MemoryBandwidth.Measure();
Line($"- memory read bandwidth again at the end: {bandwidthOneEnd:F1} GB/s on 1 thread, {bandwidthTwoEnd:F1} GB/s on 2 threads");
Line($"- load average at end: {LoadAverage()}");
if (options.Output is not null)
{
    await File.AppendAllTextAsync(options.Output, report.ToString() + Environment.NewLine);
}

return 0;

async Task<Latencies> MeasureAsync(Func<int, Task> query)
{
    var latencies = new Latencies();
    for (int i = 0; i < total; i++)
    {
        long start = Stopwatch.GetTimestamp();
        await query(i);
        if (i >= options.WarmupQueries)
        {
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }

    return latencies;
}

static void CollectAll()
{
    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
}

static long WorkingSet()
{
    using Process process = Process.GetCurrentProcess();
    process.Refresh();
    return process.WorkingSet64;
}

static long CountRows(string path)
{
    if (!File.Exists(path))
    {
        return 0;
    }

    using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
    connection.Open();
    using SqliteCommand command = connection.CreateCommand();
    command.CommandText = "SELECT count(*) FROM points;";
    return (long)command.ExecuteScalar()!;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

static string CpuModel()
{
    if (!File.Exists("/proc/cpuinfo"))
    {
        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    string? line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(text => text.StartsWith("model name", StringComparison.Ordinal));
    return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
}
