using System.CommandLine;
using System.Globalization;
using M6Search.Encoder.Inference;
using M6Search.Encoder.Runtime;
using M6Search.Indexer.Composition;
using TorchSharp;

namespace M6Search.Indexer.Commands;

/// <summary><c>m6 bench query</c>: query-embedding latency of a model on this machine (warm-up, then percentiles).</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model") { Description = "Model file (default: the shipped model)." };
        var query = new Option<string>("--query") { Description = "The query to embed.", DefaultValueFactory = _ => "bumpy coffee cup" };
        var warmup = new Option<int>("--warmup") { Description = "Untimed runs first.", DefaultValueFactory = _ => 50 };
        var runs = new Option<int>("--runs") { Description = "Timed runs.", DefaultValueFactory = _ => 500 };
        var threads = new Option<int>("--threads") { Description = "libtorch CPU threads (1 is what the web app uses on small hosts).", DefaultValueFactory = _ => 1 };
        var device = CommonOptions.Device();
        var queryCommand = new Command("query", "Time embedding one query: p50, p95, p99 after a warm-up.") { model, query, warmup, runs, threads, device };
        queryCommand.SetAction(parse =>
        {
            torch.set_num_threads(parse.GetValue(threads));
            string path = ModelLocator.Resolve(parse.GetValue(model));
            using var encoder = MoeProductEncoder.Load(path, parse.GetValue(device), batchSize: 1);
            LatencyReport report = LatencyProbe.MeasureQuery(encoder, parse.GetValue(query)!, parse.GetValue(warmup), parse.GetValue(runs));
            Console.WriteLine(ComputeDevice.Describe());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"model {path} ({encoder.Config.Name}), query \"{parse.GetValue(query)}\", {report.Runs} runs: " +
                $"p50 {report.P50Milliseconds:F2} ms, p95 {report.P95Milliseconds:F2} ms, p99 {report.P99Milliseconds:F2} ms, " +
                $"mean {report.MeanMilliseconds:F2} ms, min {report.MinMilliseconds:F2} ms"));
            return 0;
        });

        return new Command("bench", "Benchmarks of this machine.") { queryCommand };
    }
}
