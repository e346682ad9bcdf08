using System.Globalization;

namespace M6Search.Backbone.Benchmarks;

/// <summary>Command-line settings: <c>--sides 128,160,224 --batches 1,32 --threads 2 --warmup 3 --repetitions 10 --engines torch,ort</c>.</summary>
internal sealed class BenchmarkOptions
{
    public int[] Sides { get; private set; } = [128, 160, 224];

    public int[] Batches { get; private set; } = [1, 32];

    public int Threads { get; private set; } = 2;

    public int Warmup { get; private set; } = 3;

    public int Repetitions { get; private set; } = 10;

    /// <summary>Least images per timed repetition: small batches are repeated inside one timing to reach it.</summary>
    public int MinImagesPerRepetition { get; private set; } = 8;

    public string[] Engines { get; private set; } = ["torch", "ort"];

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--sides": options.Sides = Ints(value); break;
                case "--batches": options.Batches = Ints(value); break;
                case "--threads": options.Threads = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--warmup": options.Warmup = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--repetitions": options.Repetitions = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--min-images": options.MinImagesPerRepetition = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--engines": options.Engines = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }

            i++;
        }

        if (options.Sides.Any(s => s <= 0 || s % 32 != 0) || options.Batches.Any(b => b <= 0) || options.Threads <= 0 ||
            options.Repetitions <= 0 || options.Warmup < 0 || options.Engines.Any(e => e is not ("torch" or "ort")))
        {
            throw new ArgumentException("Sides must be positive multiples of 32; batches, threads and repetitions positive; engines torch and/or ort.");
        }

        return options;
    }

    private static int[] Ints(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
}
