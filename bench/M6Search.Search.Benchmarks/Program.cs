using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;

// Search API latency on a demo catalog: starts the built web app (Release) on 127.0.0.1 with M6:DataDir = --data and
// M6:Demo:Products = --products (the app generates and indexes the catalog itself on first start), waits until every
// product is indexed, then times GET /api/search over the catalog's labeled queries (English and Chinese), one at a
// time and then --concurrency at once. Prints p50/p95/p99 and the server's own split (embedding, store, details).
var settings = BenchSettings.Parse(args);
string app = settings.App ?? FindApp();
int port = FreePort();
var start = new ProcessStartInfo("dotnet", [app, "--urls", $"http://127.0.0.1:{port}"])
{
    RedirectStandardOutput = true,
    RedirectStandardError = true,
    WorkingDirectory = Path.GetDirectoryName(app)!,
};
start.Environment["M6__DataDir"] = settings.Data;
start.Environment["M6__Demo__Products"] = settings.Products.ToString(CultureInfo.InvariantCulture);
start.Environment["M6__RateLimit__Enabled"] = "false";
start.Environment["Logging__LogLevel__Default"] = "Warning";
using Process server = Process.Start(start) ?? throw new InvalidOperationException("could not start " + app);
server.OutputDataReceived += (_, e) => { };
server.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("app: " + e.Data); } };
server.BeginOutputReadLine();
server.BeginErrorReadLine();
try
{
    using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    var clock = Stopwatch.StartNew();
    long products = await WaitForCatalogAsync(client, settings.Products, server);
    Console.WriteLine($"catalog ready: {products} products ({clock.Elapsed.TotalSeconds:0} s, including generation and indexing on a first run)");

    string[] queries = ReadQueries(Path.Combine(settings.Data, "demo", "queries.jsonl"));
    Console.WriteLine($"queries: {queries.Length} labeled queries from the catalog (English and Chinese), k = {settings.K}");
    for (int i = 0; i < settings.Warmup; i++)
    {
        await TimeOneAsync(client, queries[i % queries.Length], settings.K);
    }

    var sequential = new List<Sample>();
    for (int i = 0; i < settings.Runs; i++)
    {
        sequential.Add(await TimeOneAsync(client, queries[i % queries.Length], settings.K));
    }

    Report("sequential (1 client)", sequential);
    var concurrent = new List<Sample>();
    int next = 0;
    await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) <= settings.Runs)
        {
            Sample sample = await TimeOneAsync(client, queries[i % queries.Length], settings.K);
            lock (concurrent)
            {
                concurrent.Add(sample);
            }
        }
    }));
    Report($"concurrent ({settings.Concurrency} clients)", concurrent);
}
finally
{
    server.Kill(entireProcessTree: true);
    await server.WaitForExitAsync();
}

static async Task<Sample> TimeOneAsync(HttpClient client, string query, int k)
{
    long start = Stopwatch.GetTimestamp();
    using HttpResponseMessage response = await client.GetAsync(new Uri($"/api/search?q={Uri.EscapeDataString(query)}&k={k}&details=true", UriKind.Relative));
    byte[] body = await response.Content.ReadAsByteArrayAsync();
    double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    response.EnsureSuccessStatusCode();
    using JsonDocument json = JsonDocument.Parse(body);
    JsonElement timings = json.RootElement.GetProperty("timings");
    return new Sample(ms, timings.GetProperty("embeddingMs").GetDouble(), timings.GetProperty("storeMs").GetDouble(), timings.GetProperty("detailsMs").GetDouble());
}

static void Report(string label, List<Sample> samples)
{
    static double P(IEnumerable<double> values, double q)
    {
        double[] sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{label}: n={samples.Count}  HTTP p50 {P(samples.Select(s => s.TotalMs), 0.5):0.00} ms  p95 {P(samples.Select(s => s.TotalMs), 0.95):0.00} ms  p99 {P(samples.Select(s => s.TotalMs), 0.99):0.00} ms"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  server p50: query embedding {P(samples.Select(s => s.EmbeddingMs), 0.5):0.00} ms, fused store search {P(samples.Select(s => s.StoreMs), 0.5):0.00} ms, match details {P(samples.Select(s => s.DetailsMs), 0.5):0.00} ms"));
}

static async Task<long> WaitForCatalogAsync(HttpClient client, int products, Process server)
{
    DateTime until = DateTime.UtcNow + TimeSpan.FromMinutes(30);
    while (DateTime.UtcNow < until)
    {
        if (server.HasExited)
        {
            throw new InvalidOperationException($"the app exited with code {server.ExitCode}");
        }

        try
        {
            using JsonDocument ready = JsonDocument.Parse(await client.GetStringAsync(new Uri("/readyz", UriKind.Relative)));
            long count = ready.RootElement.GetProperty("products").GetInt64();
            if (count >= products)
            {
                return count;
            }
        }
        catch (HttpRequestException)
        {
            // Not listening yet, or 503 while indexing.
        }

        await Task.Delay(1000);
    }

    throw new TimeoutException("the catalog was not indexed within 30 minutes");
}

static string[] ReadQueries(string path) => File.ReadLines(path)
    .Where(line => line.Length > 0)
    .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!)
    .ToArray();

static string FindApp()
{
    for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
    {
        string candidate = Path.Combine(folder.FullName, "ui", "M6Search.Web", "bin", "Release", "net10.0", "M6Search.Web.dll");
        if (File.Exists(candidate))
        {
            return candidate;
        }
    }

    throw new FileNotFoundException("build the app first: dotnet build -c Release ui/M6Search.Web (or pass --app PATH)");
}

static int FreePort()
{
    using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}

internal sealed record Sample(double TotalMs, double EmbeddingMs, double StoreMs, double DetailsMs);

internal sealed record BenchSettings(string Data, int Products, int Runs, int Warmup, int K, int Concurrency, string? App)
{
    public static BenchSettings Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            int i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        int Int(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        return new BenchSettings(
            Path.GetFullPath(Value("--data", Path.Combine(Path.GetTempPath(), "m6-search-bench"))),
            Int("--products", 10_000),
            Int("--runs", 500),
            Int("--warmup", 50),
            Int("--k", 20),
            Int("--concurrency", 4),
            args.Contains("--app") ? Value("--app", string.Empty) : null);
    }
}
