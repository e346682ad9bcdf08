using System.Globalization;

namespace M6Search.Stores.Benchmarks;

/// <summary>Command-line settings of the benchmark.</summary>
internal sealed class BenchmarkOptions
{
    public int Points { get; private set; } = 100_000;

    public int Dimension { get; private set; } = 256;

    public int Queries { get; private set; } = 200;

    public int WarmupQueries { get; private set; } = 50;

    public int BatchSize { get; private set; } = 1000;

    public string DataDirectory { get; private set; } = Path.Combine(Path.GetTempPath(), "m6search-bench");

    /// <summary>Reuse an existing collection of the right size instead of building it again.</summary>
    public bool Reuse { get; private set; }

    /// <summary>Build the collection and stop (run the measurements in a fresh process with <c>--reuse</c>).</summary>
    public bool BuildOnly { get; private set; }

    /// <summary>Where to append the markdown report (stdout always gets it).</summary>
    public string? Output { get; private set; }

    public string Collection => $"bench_{Points}_{Dimension}";

    public const string Usage =
        "usage: M6Search.Stores.Benchmarks [--points N] [--dims D] [--queries Q] [--warmup W] [--batch B] [--data DIR] [--reuse] [--build-only] [--output FILE]";

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (name == "--reuse")
            {
                options.Reuse = true;
                continue;
            }

            if (name == "--build-only")
            {
                options.BuildOnly = true;
                continue;
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{name} needs a value. {Usage}");
            }

            string value = args[++i];
            switch (name)
            {
                case "--points": options.Points = PositiveInt(name, value); break;
                case "--dims": options.Dimension = PositiveInt(name, value); break;
                case "--queries": options.Queries = PositiveInt(name, value); break;
                case "--warmup": options.WarmupQueries = PositiveInt(name, value); break;
                case "--batch": options.BatchSize = PositiveInt(name, value); break;
                case "--data": options.DataDirectory = value; break;
                case "--output": options.Output = value; break;
                default: throw new ArgumentException($"unknown option {name}. {Usage}");
            }
        }

        return options;
    }

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed) && parsed > 0
            ? parsed
            : throw new ArgumentException($"{name} must be a positive integer, not '{value}'.");
}
