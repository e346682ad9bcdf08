using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using M6Search.Catalog.Products;
using M6Search.Catalog.Queries;
using M6Search.Catalog.Serialization;
using M6Search.Catalog.Writing;
using M6Search.OpenClipart.Cleaning;
using M6Search.OpenClipart.Images;
using M6Search.OpenClipart.Queries;
using M6Search.OpenClipart.Source;
using M6Search.OpenClipart.Splitting;

namespace M6Search.OpenClipart.Conversion;

/// <summary>
/// The whole conversion (docs/real-catalog.md): read the packages, clean, de-duplicate, split by series, write each
/// split's images and catalog, the training pairs, and the validation and test queries.
/// </summary>
public sealed class CatalogConverter(ConversionOptions options, TextWriter log)
{
    public async Task<ConversionSummary> RunAsync(CancellationToken cancellationToken = default)
    {
        options.Split.Validate();
        var layout = PackageLayout.Under(options.From);
        var rejected = new List<(string Path, string Reason)>();
        var records = new ClipartPackageReader(layout).Read(rejected).ToList();
        int unreadable = rejected.Count;
        var items = new List<ClipartItem>(records.Count);
        int withoutPng = 0;
        foreach (ClipartRecord record in records)
        {
            ClipartItem? item = MetadataCleaner.Clean(record, out string? reason);
            if (item is null)
            {
                rejected.Add((record.SvgPath, reason!));
                withoutPng += record.PngPath is null ? 1 : 0;
            }
            else
            {
                items.Add(item);
            }
        }

        int withoutTitle = records.Count - items.Count - withoutPng;
        await log.WriteLineAsync($"{records.Count + unreadable} SVG files: {items.Count} usable items ({unreadable} unreadable, {withoutPng} without PNG, {withoutTitle} without a usable title)").ConfigureAwait(false);

        var pictureHashes = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        Parallel.ForEach(items, new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = cancellationToken }, item =>
            pictureHashes[item.Id] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(item.PngPath))));
        SplitResult split = new ItemSplitter(options.Split).Split(items, i => pictureHashes[i.Id]);
        await log.WriteLineAsync($"dropped {split.DuplicatePictures} identical pictures and {split.SeriesDropped} near-duplicate series members beyond {options.Split.SeriesCap} per series").ConfigureAwait(false);

        Directory.CreateDirectory(options.Out);
        var written = new Dictionary<SplitName, IReadOnlyList<ClipartItem>>();
        int imageFailures = 0;
        foreach ((SplitName name, IReadOnlyList<ClipartItem> splitItems) in split.Items)
        {
            var (ok, failed) = WriteImages(name, splitItems, cancellationToken);
            written[name] = ok;
            imageFailures += failed.Count;
            rejected.AddRange(failed);
        }

        var builder = new ConceptQueryBuilder(options.Queries);
        int pairs = await WriteTrainAsync(written[SplitName.Train], cancellationToken).ConfigureAwait(false);
        IReadOnlyList<LabeledQuery> validationQueries = builder.Build(written[SplitName.Validation], "v");
        IReadOnlyList<LabeledQuery> testQueries = builder.Build(written[SplitName.Test], "t");
        await WriteEvaluationSplitAsync(SplitName.Validation, written[SplitName.Validation], validationQueries, cancellationToken).ConfigureAwait(false);
        await WriteEvaluationSplitAsync(SplitName.Test, written[SplitName.Test], testQueries, cancellationToken).ConfigureAwait(false);

        var titles = written[SplitName.Test].ToDictionary(i => i.Id, i => i.Title.Normalize(NormalizationForm.FormKC).ToLowerInvariant(), StringComparer.Ordinal);
        int judged = testQueries.Sum(q => q.Relevance.Count);
        int hidden = testQueries.Sum(q => q.Relevance.Keys.Count(id => !q.Traits.Any(t => titles[id].Contains(t, StringComparison.Ordinal))));
        var summary = new ConversionSummary
        {
            SvgFiles = records.Count + unreadable,
            UnreadableMetadata = unreadable,
            WithoutPng = withoutPng,
            WithoutTitle = withoutTitle,
            TitlesFromFileName = items.Count(i => i.TitleFromFileName),
            DuplicatePictures = split.DuplicatePictures,
            SeriesDropped = split.SeriesDropped,
            ImageFailures = imageFailures,
            TrainItems = written[SplitName.Train].Count,
            TrainPairs = pairs,
            ValidationItems = written[SplitName.Validation].Count,
            ValidationQueries = validationQueries.Count,
            TestItems = written[SplitName.Test].Count,
            TestQueries = testQueries.Count,
            TestRelevantPerQuery = testQueries.Count == 0 ? 0 : judged / (double)testQueries.Count,
            TestHiddenShare = judged == 0 ? 0 : hidden / (double)judged,
        };
        await File.WriteAllTextAsync(Path.Combine(options.Out, "summary.json"), JsonSerializer.Serialize(summary, CatalogJson.Options) + "\n", cancellationToken).ConfigureAwait(false);
        await File.WriteAllLinesAsync(
            Path.Combine(options.Out, "rejected.tsv"),
            rejected.Select(r => $"{r.Path}\t{r.Reason.ReplaceLineEndings(" ")}"),
            cancellationToken).ConfigureAwait(false);
        return summary;
    }

    private (List<ClipartItem> Written, List<(string Path, string Reason)> Failed) WriteImages(SplitName split, IReadOnlyList<ClipartItem> items, CancellationToken cancellationToken)
    {
        string folder = Path.Combine(SplitFolder(split), "images");
        Directory.CreateDirectory(folder);
        var writer = new ClipartImageWriter(options.ImageSize);
        var failures = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        Parallel.ForEach(items, new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = cancellationToken }, item =>
        {
            try
            {
                writer.Write(item.PngPath, Path.Combine(folder, item.Id + ".jpg"));
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException)
            {
                failures[item.Id] = ex.Message;
            }
        });
        return (
            items.Where(i => !failures.ContainsKey(i.Id)).ToList(),
            items.Where(i => failures.ContainsKey(i.Id)).Select(i => (i.PngPath, "image: " + failures[i.Id])).ToList());
    }

    /// <summary>The training split: catalog.jsonl (titles) and pairs.jsonl (keywords, folders, description).</summary>
    private async Task<int> WriteTrainAsync(IReadOnlyList<ClipartItem> items, CancellationToken cancellationToken)
    {
        string folder = SplitFolder(SplitName.Train);
        await CatalogWriter.WriteFileAsync(Path.Combine(folder, "catalog.jsonl"), items.Select(ToProduct), cancellationToken).ConfigureAwait(false);
        var writer = TrainingPairWriter.Create(Path.Combine(folder, "pairs.jsonl"));
        await using (writer.ConfigureAwait(false))
        {
            foreach (ClipartItem item in items)
            {
                foreach (string text in TrainingTexts.Of(item))
                {
                    await writer.WriteAsync(new TrainingPair { ProductId = item.Id, Image = ImagePath(item), Text = text, Lang = "en" }, cancellationToken).ConfigureAwait(false);
                }
            }

            return (int)writer.Count;
        }
    }

    /// <summary>An evaluation split: catalog.jsonl with titles only, queries.jsonl, and sources.jsonl (the held-out metadata).</summary>
    private async Task WriteEvaluationSplitAsync(SplitName split, IReadOnlyList<ClipartItem> items, IReadOnlyList<LabeledQuery> queries, CancellationToken cancellationToken)
    {
        string folder = SplitFolder(split);
        await CatalogWriter.WriteFileAsync(Path.Combine(folder, "catalog.jsonl"), items.Select(ToProduct), cancellationToken).ConfigureAwait(false);
        var queryWriter = LabeledQueryWriter.Create(Path.Combine(folder, "queries.jsonl"));
        await using (queryWriter.ConfigureAwait(false))
        {
            await queryWriter.WriteAllAsync(queries, cancellationToken).ConfigureAwait(false);
        }

        await File.WriteAllLinesAsync(
            Path.Combine(folder, "sources.jsonl"),
            items.Select(i => JsonSerializer.Serialize(new SourceRow(i.Id, i.SourcePath, i.Title, i.TitleFromFileName, i.Keywords, i.Folders, i.Description), CatalogJson.Options)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A catalog row: id, the title, the image, English. No keywords, folders or description: those are held out.</summary>
    private static Product ToProduct(ClipartItem item) => new() { Id = item.Id, Title = item.Title, Image = ImagePath(item), Lang = "en" };

    private static string ImagePath(ClipartItem item) => "images/" + item.Id + ".jpg";

    private string SplitFolder(SplitName split) => Path.Combine(options.Out, split.ToString().ToLowerInvariant());
}
