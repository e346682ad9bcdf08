using System.CommandLine;
using M6Search.Catalog.Products;
using M6Search.Catalog.Queries;
using M6Search.Encoder;
using M6Search.Encoder.Runtime;
using M6Search.Evaluation;
using M6Search.Evaluation.Baseline;
using M6Search.Evaluation.Corpus;
using M6Search.Evaluation.Input;
using M6Search.Evaluation.Ranking;
using M6Search.Evaluation.Reports;
using M6Search.Indexer.Composition;
using M6Search.Indexer.Evaluation;
using M6Search.Indexer.Output;
using M6Search.Indexing.Images;
using M6Search.Indexing.Jobs;
using M6Search.Search.Encoding;
using M6Search.Search.Searching;
using M6Search.Search.Text;
using M6Search.Stores.Lexical;
using Spectre.Console;

namespace M6Search.Indexer.Commands;

/// <summary>
/// <c>m6 eval --catalog FILE --queries FILE [--model MODEL] [--store DIR] [--modes title,image,text,lexical,hybrid]
/// [--k 10] [--recall-depth 100] [--prefetch-limit 100] [--rrf-k 2] [--fusion-weights image=1,text=1,lexical=1]
/// [--json OUT] [--per-query OUT.jsonl] [--routing serving|switch] [--device auto|cpu|cuda]</c>: indexes the catalog
/// into an embedded store through the indexing pipeline, ranks every labeled query through the app's search service
/// (and the title baseline), and measures the rankings (README, "Evaluation").
/// </summary>
public static class EvalCommand
{
    /// <param name="encoders">Opens the model; null when this build has no model loader (only <c>--modes title</c> runs).</param>
    /// <param name="images">Reads and decodes catalog images for the indexing pipeline; null: the loader <c>m6 index</c> uses.</param>
    public static Command Create(IProductEncoderFactory? encoders = null, IProductImageSource? images = null)
    {
        var catalog = new Option<FileInfo>("--catalog")
        {
            Description = "The catalog (JSON Lines, one product per line). " + CliImageLoading.Note,
            Required = true,
        };
        var queries = new Option<FileInfo>("--queries")
        {
            Description = "The labeled queries (JSON Lines: id, text, lang, traits, relevance).",
            Required = true,
        };
        var model = new Option<string?>("--model")
        {
            Description = $"The model file; by default {ModelLocator.DefaultRelativePath} beside the app or in the repository.",
        };
        var store = new Option<string?>("--store")
        {
            Description = "Keep the evaluation index in this embedded store folder (embedded:DIR also accepted) and reuse it: "
                + "a later run re-embeds only what changed. By default a temporary folder, deleted at the end.",
        };
        var collection = StoreOptions.Collection();
        var k = new Option<int>("--k") { Description = "Cut-off of nDCG and precision.", DefaultValueFactory = _ => 10 };
        var recallDepth = new Option<int>("--recall-depth") { Description = "Cut-off of recall and hidden-trait recall.", DefaultValueFactory = _ => 100 };
        var defaults = new ProductSearchOptions();
        var prefetchLimit = new Option<int>("--prefetch-limit")
        {
            Description = "Candidates each channel hands to the fusion (the app's M6:Search:PrefetchLimit); never fewer than the depth read.",
            DefaultValueFactory = _ => defaults.PrefetchLimit,
        };
        var rrfK = new Option<int>("--rrf-k")
        {
            Description = "The fusion's k (the app's M6:Search:RrfK; Qdrant's rrf, positions from 0).",
            DefaultValueFactory = _ => defaults.RrfK,
        };
        var fusionWeights = new Option<string>("--fusion-weights")
        {
            Description = "Each channel's weight in the fusion, image=W,text=W,lexical=W (the app's M6:Search:FusionWeights; a weight divides the ranks, as in Qdrant's weighted rrf).",
            DefaultValueFactory = _ => defaults.FusionWeights.ToString(),
        };
        fusionWeights.Validators.Add(result =>
        {
            if (!FusionWeightOptions.TryParse(result.GetValueOrDefault<string>() ?? "", out _, out string? error))
            {
                result.AddError($"--fusion-weights: {error}");
            }
        });
        var json = new Option<FileInfo?>("--json") { Description = "Also write the results as JSON to this file." };
        var perQuery = new Option<FileInfo?>("--per-query") { Description = "Also write every query's metrics in every mode to this file (JSON Lines)." };
        var modes = new Option<string>("--modes")
        {
            Description = "Comma-separated modes: title (the BM25 title baseline), image, text, lexical (each app channel alone), hybrid (the app's search).",
            DefaultValueFactory = _ => RetrievalModes.ListText,
        };
        modes.Validators.Add(result =>
        {
            if (!RetrievalModes.TryParse(result.GetValueOrDefault<string>() ?? "", out _, out string? error))
            {
                result.AddError(error!);
            }
        });
        var batchSize = new Option<int>("--batch-size") { Description = "Products per encoder batch while indexing.", DefaultValueFactory = _ => 32 };
        var threads = new Option<int>("--threads") { Description = "Image readers and decoders while indexing.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var routing = new Option<string>("--routing")
        {
            Description = "serving: experts take every token, as the app embeds (default); switch: the model's evaluation capacity factor (2.0), tokens over it pass through the residual.",
            DefaultValueFactory = _ => "serving",
        };
        routing.AcceptOnlyFromAmong("serving", "switch");
        var device = CommonOptions.Device();
        foreach ((Option<int> option, int minimum) in new[] { (k, 1), (recallDepth, 1), (prefetchLimit, 1), (rrfK, 1), (batchSize, 1), (threads, 1) })
        {
            option.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int>() < minimum)
                {
                    result.AddError($"{option.Name} must be at least {minimum}.");
                }
            });
        }

        var command = new Command("eval", "Measure the app's search (image, text, lexical channels and hybrid) and the BM25 title baseline against labeled queries.")
        {
            catalog, queries, model, store, collection, k, recallDepth, prefetchLimit, rrfK, fusionWeights, json, perQuery, modes, batchSize, threads, routing, device,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new EvalRequest(
                parse.GetValue(catalog)!.FullName,
                parse.GetValue(queries)!.FullName,
                parse.GetValue(model),
                StoreFolder(parse.GetValue(store)),
                parse.GetValue(collection)!,
                parse.GetValue(json)?.FullName,
                parse.GetValue(perQuery)?.FullName,
                RetrievalModes.Parse(parse.GetValue(modes)!),
                parse.GetValue(device),
                parse.GetValue(routing) == "switch",
                parse.GetValue(batchSize),
                parse.GetValue(threads),
                new EvaluationOptions { K = parse.GetValue(k), RecallDepth = parse.GetValue(recallDepth) },
                new ProductSearchOptions
                {
                    PrefetchLimit = parse.GetValue(prefetchLimit),
                    RrfK = parse.GetValue(rrfK),
                    FusionWeights = FusionWeightOptions.Parse(parse.GetValue(fusionWeights)!),
                });
            return await RunAsync(request, encoders, images ?? new ProductImageSource(CliImageLoading.CreateLoader()), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        EvalRequest request, IProductEncoderFactory? encoders, IProductImageSource images, CancellationToken cancellationToken)
    {
        IReadOnlyList<Product> products = EvaluationInput.ReadProducts(request.CatalogPath);
        IReadOnlyList<LabeledQuery> labeled = EvaluationInput.ReadQueries(request.QueriesPath);
        Console.Error.WriteLine($"read {products.Count} products and {labeled.Count} labeled queries");
        EvaluationCorpus corpus = EvaluationCorpus.Of(products);
        var evaluator = new RetrievalEvaluator(request.Options);
        var rankers = new Dictionary<RetrievalMode, IQueryRanker>();
        using Bm25TitleRanker? title = request.Modes.Contains(RetrievalMode.Title) ? new Bm25TitleRanker(corpus.Products) : null;
        if (title is not null)
        {
            rankers[RetrievalMode.Title] = title;
        }

        EvaluationReport report;
        if (!request.Modes.Any(RetrievalModes.UsesSearch))
        {
            report = await evaluator.EvaluateAsync(corpus, labeled, rankers, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            using IProductEncoder encoder = OpenEncoder(request, encoders);
            await using EvaluationIndex index = await EvaluationIndex.OpenAsync(request.StoreFolder, request.Collection, cancellationToken).ConfigureAwait(false);
            Console.Error.WriteLine($"indexing {request.CatalogPath} into {index.Folder} (collection '{index.Store.Collection}') with {encoder.ModelVersion}");
            var progress = new SynchronousProgress<IndexProgress>(value => Console.Error.WriteLine(IndexConsoleOutput.Line(value)));
            IReadOnlyList<SkippedProduct> skipped = await index.IndexAsync(
                request.CatalogPath, products, encoder, images, request.BatchSize, request.Threads, progress, cancellationToken).ConfigureAwait(false);

            // The app's search service, with the app's options except for what the command changed; it may return as
            // many results as the evaluation reads.
            ProductSearchOptions search = request.Search;
            search.MaxResults = Math.Max(search.MaxResults, request.Options.RetrievalDepth);
            using var embedder = new QueryEmbedder(encoder, search.MaxConcurrentEmbeddings);
            var service = new ProductSearchService(index.Store, embedder, LexicalVectorizer.Default, new SearchText(), search);
            foreach (RetrievalMode mode in request.Modes.Where(RetrievalModes.UsesSearch))
            {
                rankers[mode] = new SearchServiceRanker(service, RetrievalModes.Channels(mode));
            }

            report = await evaluator.EvaluateAsync(corpus, labeled, rankers, cancellationToken).ConfigureAwait(false);
            report = report with
            {
                ModelVersion = encoder.ModelVersion,
                Search = new SearchSettings(
                    Math.Max(search.PrefetchLimit, request.Options.RetrievalDepth),
                    search.RrfK,
                    new ChannelWeights(search.FusionWeights.Image, search.FusionWeights.Text, search.FusionWeights.Lexical)),
                Skipped = skipped,
            };
        }

        if (report.ModelVersion is not null)
        {
            AnsiConsole.WriteLine($"model {report.ModelVersion}");
        }

        EvaluationTable.Write(AnsiConsole.Console, report);
        if (request.JsonPath is not null)
        {
            await EvaluationReportJson.WriteAsync(report, request.JsonPath, cancellationToken).ConfigureAwait(false);
            Console.Error.WriteLine($"wrote {request.JsonPath}");
        }

        if (request.PerQueryPath is not null)
        {
            await PerQueryJsonLines.WriteAsync(report, request.PerQueryPath, cancellationToken).ConfigureAwait(false);
            Console.Error.WriteLine($"wrote {request.PerQueryPath}");
        }

        return 0;
    }

    private static IProductEncoder OpenEncoder(EvalRequest request, IProductEncoderFactory? encoders)
    {
        // The model file is checked first, so a missing file is reported as such whatever else is missing.
        string modelPath = ModelLocator.Resolve(request.ModelPath);
        if (encoders is null)
        {
            throw new InvalidOperationException(
                $"found the model file {modelPath}, but this build of m6 has no model loader connected " +
                "(EvalCommand.Create was given no IProductEncoderFactory); only --modes title can run.");
        }

        if (request.DropTokensAtCapacity && request.StoreFolder is not null)
        {
            // Stored vectors carry the model version in their content hash, not the routing: a reused index would
            // keep the other routing's vectors.
            throw new InvalidOperationException("--routing switch re-embeds the catalog differently; run it without --store (a fresh index).");
        }

        return encoders.Open(modelPath, request.Device, request.DropTokensAtCapacity);
    }

    private static string? StoreFolder(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.StartsWith("qdrant:", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"--store {value}: m6 eval indexes into an embedded store folder; give a folder (or embedded:DIR).");
        }

        return value.StartsWith("embedded:", StringComparison.OrdinalIgnoreCase) ? value["embedded:".Length..] : value;
    }

    private sealed record EvalRequest(
        string CatalogPath,
        string QueriesPath,
        string? ModelPath,
        string? StoreFolder,
        string Collection,
        string? JsonPath,
        string? PerQueryPath,
        IReadOnlyList<RetrievalMode> Modes,
        DeviceChoice Device,
        bool DropTokensAtCapacity,
        int BatchSize,
        int Threads,
        EvaluationOptions Options,
        ProductSearchOptions Search);
}
