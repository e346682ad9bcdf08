using System.CommandLine;
using System.Globalization;
using M6Search.OpenClipart.Conversion;
using M6Search.OpenClipart.Queries;
using M6Search.OpenClipart.Splitting;

// m6-openclipart --from DIR --out DIR: Debian's Open Clip Art packages as an M6Search training split, validation
// catalog and test catalog with labeled queries (docs/real-catalog.md). eval/real-catalog.sh runs it.
var from = new Option<DirectoryInfo>("--from") { Description = "Folder with the extracted openclipart-svg and openclipart-png packages (usr/share/openclipart/...).", Required = true };
var output = new Option<DirectoryInfo>("--out") { Description = "Output folder (train/, validation/, test/, summary.json, rejected.tsv).", Required = true };
var seed = new Option<ulong>("--seed") { Description = "Seed of the split and of the series members kept.", DefaultValueFactory = _ => new SplitOptions().Seed };
var testFraction = new Option<double>("--test-fraction") { Description = "Share of series in the test split.", DefaultValueFactory = _ => new SplitOptions().TestFraction };
var validationFraction = new Option<double>("--validation-fraction") { Description = "Share of series in the validation split.", DefaultValueFactory = _ => new SplitOptions().ValidationFraction };
var seriesCap = new Option<int>("--series-cap") { Description = "Most items kept of one near-duplicate series.", DefaultValueFactory = _ => new SplitOptions().SeriesCap };
var minRelevant = new Option<int>("--min-relevant") { Description = "Fewest tagged items for a concept to become a query.", DefaultValueFactory = _ => new QueryOptions().MinRelevant };
var maxRelevantShare = new Option<double>("--max-relevant-share") { Description = "Largest share of a split's items one query may judge relevant.", DefaultValueFactory = _ => new QueryOptions().MaxRelevantShare };
var minHidden = new Option<int>("--min-hidden") { Description = "Fewest relevant items whose titles lack the query word.", DefaultValueFactory = _ => new QueryOptions().MinHidden };
var imageSize = new Option<int>("--image-size") { Description = "Longest side of the written JPEGs.", DefaultValueFactory = _ => 256 };
var threads = new Option<int>("--threads") { Description = "Images converted at once.", DefaultValueFactory = _ => Environment.ProcessorCount };

var root = new RootCommand("Convert Debian's openclipart-svg/openclipart-png packages into an M6Search evaluation catalog.")
{
    from, output, seed, testFraction, validationFraction, seriesCap, minRelevant, maxRelevantShare, minHidden, imageSize, threads,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var options = new ConversionOptions
    {
        From = parse.GetValue(from)!.FullName,
        Out = parse.GetValue(output)!.FullName,
        Split = new SplitOptions
        {
            Seed = parse.GetValue(seed),
            TestFraction = parse.GetValue(testFraction),
            ValidationFraction = parse.GetValue(validationFraction),
            SeriesCap = parse.GetValue(seriesCap),
        },
        Queries = new QueryOptions
        {
            MinRelevant = parse.GetValue(minRelevant),
            MaxRelevantShare = parse.GetValue(maxRelevantShare),
            MinHidden = parse.GetValue(minHidden),
        },
        ImageSize = parse.GetValue(imageSize),
        Threads = Math.Max(1, parse.GetValue(threads)),
    };
    ConversionSummary summary = await new CatalogConverter(options, Console.Error).RunAsync(cancellationToken);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"train {summary.TrainItems} items / {summary.TrainPairs} pairs; validation {summary.ValidationItems} items / {summary.ValidationQueries} queries; test {summary.TestItems} items / {summary.TestQueries} queries ({summary.TestRelevantPerQuery:F1} judged per query, {summary.TestHiddenShare:P0} with titles lacking the query word)"));
    return 0;
});

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or InvalidDataException)
{
    await Console.Error.WriteLineAsync($"m6-openclipart: error: {ex.Message}");
    return 1;
}
