using M6Search.Catalog.Queries;
using M6Search.Catalog.Reading;

namespace M6Search.Fuzzing.Targets;

/// <summary>
/// Every fuzz target, by name. Targets are made on demand: under afl-fuzz no instrumented code may run before
/// SharpFuzz has attached the coverage map, so the fuzzing entry point creates its target inside the fuzz loop.
/// </summary>
public static class FuzzTargets
{
    private static readonly (string Name, Func<IFuzzTarget> Create)[] Factories =
    [
        ("catalog-jsonl", () => new CatalogTarget("catalog-jsonl", CatalogFormat.JsonLines)),
        ("catalog-csv", () => new CatalogTarget("catalog-csv", CatalogFormat.Csv)),
        ("queries", () => new JsonLinesTarget<LabeledQuery>("queries", (stream, file, options) => LabeledQueryReader.ReadAsync(stream, file, options))),
        ("pairs", () => new JsonLinesTarget<TrainingPair>("pairs", (stream, file, options) => TrainingPairReader.ReadAsync(stream, file, options))),
        ("image", () => new ImageTarget()),
    ];

    /// <summary>The target names.</summary>
    public static IReadOnlyList<string> Names { get; } = Factories.Select(f => f.Name).ToArray();

    /// <summary>Makes the target named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No target has that name.</exception>
    public static IFuzzTarget Create(string name) =>
        Factories.FirstOrDefault(f => f.Name == name).Create?.Invoke()
        ?? throw new ArgumentException($"Unknown fuzz target '{name}'; one of: {string.Join(", ", Names)}.", nameof(name));

    /// <summary>True when a target has that name.</summary>
    public static bool Exists(string name) => Names.Contains(name);
}
