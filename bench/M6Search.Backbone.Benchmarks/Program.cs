using System.Diagnostics;
using System.Globalization;
using M6Search.Backbone.Benchmarks;
using M6Search.Encoder.Backbone;
using M6Search.Encoder.Backbone.Files;
using M6Search.Encoder.Backbone.Import;
using M6Search.Encoder.Backbone.Preprocessing;
using M6Search.Encoder.Runtime;
using M6Search.Shared;
using TorchSharp;

// Images per second of the backbone (preprocessing + network, pooled output) in our TorchSharp modules and in ONNX
// Runtime running the package's own graphs, same batch, same threads, same pixels. Warm-up, then repetitions in which
// the engines take turns; medians.
var options = BenchmarkOptions.Parse(args);
// libtorch's OpenMP threads read OMP_WAIT_POLICY when libtorch loads; ONNX Runtime gets the same choice, so both
// engines either spin while idle (their defaults) or sleep at once (PASSIVE, better on a busy machine).
string waitPolicy = Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") ?? "(default: spin)";
bool spinning = !string.Equals(waitPolicy, "PASSIVE", StringComparison.OrdinalIgnoreCase);
ComputeDevice.EnsureLibTorchLoaded();
torch.set_num_threads(options.Threads);
torch.set_num_interop_threads(1);
var files = new BackboneLocator().Locate(BackboneIdentity.ResNet18);
var graph = ResNetOnnxImporter.Import(files.NetworkFile);
using var backbone = ImageBackbone.Load(files, BackbonePixelInput.Raw);

Console.WriteLine($"# backbone {files.Identity.Describe()}");
Console.WriteLine($"# {ComputeDevice.Describe()}; ONNX Runtime {typeof(Microsoft.ML.OnnxRuntime.InferenceSession).Assembly.GetName().Version}; " +
                  $"{Environment.ProcessorCount} logical CPUs; threads {options.Threads}; OMP_WAIT_POLICY {waitPolicy}, ONNX Runtime spinning {(spinning ? "on" : "off")}; " +
                  $"warm-up {options.Warmup}; repetitions {options.Repetitions}; load average before {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
Console.WriteLine();
Console.WriteLine("| side | batch | TorchSharp images/s | ONNX Runtime images/s | TorchSharp / ORT | TorchSharp CPU ms/image | ONNX Runtime CPU ms/image |");
Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (int side in options.Sides)
{
    foreach (int batch in options.Batches)
    {
        var random = new Random(side * 1000 + batch);
        var pixels = new float[batch * 3 * side * side];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = random.Next(256);
        }

        int calls = Math.Max(1, (options.MinImagesPerRepetition + batch - 1) / batch);
        var engines = new List<Action>();
        OnnxRuntimeReference? ort = null;
        if (options.Engines.Contains("torch"))
        {
            engines.Add(() =>
            {
                using var scope = torch.NewDisposeScope();
                using var inference = torch.inference_mode();
                var features = backbone.Features(torch.tensor(pixels, [batch, 3, side, side]), M6Search.Encoder.Backbone.Modules.BackboneStage.Pooled);
                _ = features.data<float>()[0];
            });
        }

        if (options.Engines.Contains("ort"))
        {
            ort = new OnnxRuntimeReference(files.PreprocessFile, files.NetworkFile, graph, side, options.Threads, exposeStages: false, spinning);
            engines.Add(() => ort.Run(pixels, batch, side));
        }

        // The engines take turns within each repetition, so that other load on a shared machine hits both alike.
        var measured = Measure(options, batch, calls, engines);
        ort?.Dispose();
        Measurement? ours = options.Engines.Contains("torch") ? measured[0] : null;
        Measurement? reference = options.Engines.Contains("ort") ? measured[^1] : null;
        string ratio = ours is { } a && reference is { } b ? (a.ImagesPerSecond / b.ImagesPerSecond).ToString("F2", CultureInfo.InvariantCulture) : "-";
        Console.WriteLine($"| {side} | {batch} | {Format(ours?.ImagesPerSecond)} | {Format(reference?.ImagesPerSecond)} | {ratio} | " +
                          $"{Format(ours?.CpuMillisecondsPerImage)} | {Format(reference?.CpuMillisecondsPerImage)} |");
    }
}

// Wall-clock images/s and, less sensitive to other load on a shared machine, the CPU time this process spent per image
// (all its threads; spinning worker threads count too). Medians over the repetitions.
static Measurement[] Measure(BenchmarkOptions options, int batch, int calls, List<Action> engines)
{
    foreach (var run in engines)
    {
        for (int i = 0; i < options.Warmup; i++)
        {
            run();
        }
    }

    var rates = engines.Select(_ => new List<double>()).ToArray();
    var cpu = engines.Select(_ => new List<double>()).ToArray();
    using var process = Process.GetCurrentProcess();
    for (int r = 0; r < options.Repetitions; r++)
    {
        for (int e = 0; e < engines.Count; e++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            for (int c = 0; c < calls; c++)
            {
                engines[e]();
            }

            var elapsed = watch.Elapsed;
            process.Refresh();
            rates[e].Add(batch * calls / elapsed.TotalSeconds);
            cpu[e].Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds / (batch * calls));
        }
    }

    return engines.Select((_, e) => new Measurement(Median(rates[e]), Median(cpu[e]))).ToArray();
}

static double Median(List<double> values)
{
    values.Sort();
    return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
}

static string Format(double? rate) => rate is { } r ? r.ToString("F1", CultureInfo.InvariantCulture) : "-";

internal readonly record struct Measurement(double ImagesPerSecond, double CpuMillisecondsPerImage);
