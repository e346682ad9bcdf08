using System.CommandLine;
using M6Search.Catalog.Products;
using M6Search.Catalog.Queries;
using M6Search.Encoder;
using M6Search.Encoder.Runtime;
using M6Search.Evaluation;
using M6Search.Evaluation.Corpus;
using M6Search.Evaluation.Input;
using M6Search.Evaluation.Reports;
using M6Search.Indexer.Composition;
using M6Search.Indexer.Output;
using Spectre.Console;

namespace M6Search.Indexer.Commands;

/// <summary>
/// <c>m6 eval --catalog FILE --queries FILE [--model MODEL] [--k 10] [--json OUT] [--per-query OUT.jsonl] [--routing serving|switch] [--modes title,image,text,hybrid]
/// [--device auto|cpu|cuda]</c>: measures every retrieval mode against labeled queries (README, "Evaluation").
/// </summary>
public static class EvalCommand
{
    /// <param name="encoders">Opens the model; null when this build has no model loader (only <c>--modes title</c> runs).</param>
    /// <param name="images">Loads catalog images; null when this build has no image loader (image and hybrid cannot run).</param>
    public static Command Create(IProductEncoderFactory? encoders = null, IProductImageLoader? images = null)
    {
        var catalog = new Option<FileInfo>("--catalog")
        {
            Description = "The catalog (JSON Lines, one product per line).",
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
        var k = new Option<int>("--k")
        {
            Description = "Cut-off of nDCG and precision.",
            DefaultValueFactory = _ => 10,
        };
        var recallDepth = new Option<int>("--recall-depth")
        {
            Description = "Cut-off of recall and hidden-trait recall.",
            DefaultValueFactory = _ => 100,
        };
        var rrfK = new Option<int>("--rrf-k")
        {
            Description = "The reciprocal-rank fusion constant of the hybrid mode.",
            DefaultValueFactory = _ => new EvaluationOptions().RrfK,
        };
        var fusionDepth = new Option<int>("--fusion-depth")
        {
            Description = "How many products each ranking hands to the hybrid fusion.",
            DefaultValueFactory = _ => 1000,
        };
        var fusionWeights = new Option<string>("--fusion-weights")
        {
            Description = "Weights of the image, text and title rankings in the hybrid fusion, as image=W,text=W,title=W (a weight divides the ranks, as in Qdrant's weighted rrf).",
            DefaultValueFactory = _ => FusionWeights.Equal.ToString(),
        };
        fusionWeights.Validators.Add(result =>
        {
            if (!FusionWeights.TryParse(result.GetValueOrDefault<string>() ?? "", out _, out string? error))
            {
                result.AddError($"--fusion-weights: {error}");
            }
        });
        var json = new Option<FileInfo?>("--json")
        {
            Description = "Also write the results as JSON to this file.",
        };
        var perQuery = new Option<FileInfo?>("--per-query")
        {
            Description = "Also write every query's metrics in every mode to this file (JSON Lines).",
        };
        var modes = new Option<string>("--modes")
        {
            Description = "Comma-separated modes: title (BM25 over titles), image, text, hybrid.",
            DefaultValueFactory = _ => RetrievalModes.ListText,
        };
        modes.Validators.Add(result =>
        {
            if (!RetrievalModes.TryParse(result.GetValueOrDefault<string>() ?? "", out _, out string? error))
            {
                result.AddError(error!);
            }
        });
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Images or texts per encoder call.",
            DefaultValueFactory = _ => 32,
        };
        var routing = new Option<string>("--routing")
        {
            Description = "serving: experts take every token, as the app embeds (default); switch: the model's evaluation capacity factor (2.0), tokens over it pass through the residual.",
            DefaultValueFactory = _ => "serving",
        };
        routing.AcceptOnlyFromAmong("serving", "switch");
        var device = CommonOptions.Device();
        foreach ((Option<int> option, int minimum) in new[] { (k, 1), (recallDepth, 1), (rrfK, 0), (fusionDepth, 1), (batchSize, 1) })
        {
            option.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int>() < minimum)
                {
                    result.AddError($"{option.Name} must be at least {minimum}.");
                }
            });
        }

        var command = new Command("eval", "Measure title (BM25), image, text and hybrid retrieval against labeled queries.")
        {
            catalog, queries, model, k, recallDepth, rrfK, fusionDepth, fusionWeights, json, perQuery, modes, batchSize, routing, device,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new EvalRequest(
                parse.GetValue(catalog)!.FullName,
                parse.GetValue(queries)!.FullName,
                parse.GetValue(model),
                parse.GetValue(json)?.FullName,
                parse.GetValue(perQuery)?.FullName,
                RetrievalModes.Parse(parse.GetValue(modes)!),
                parse.GetValue(device),
                parse.GetValue(routing) == "switch",
                parse.GetValue(batchSize),
                new EvaluationOptions
                {
                    K = parse.GetValue(k),
                    RecallDepth = parse.GetValue(recallDepth),
                    RrfK = parse.GetValue(rrfK),
                    FusionDepth = parse.GetValue(fusionDepth),
                    FusionWeights = FusionWeights.Parse(parse.GetValue(fusionWeights)!),
                });
            return await RunAsync(request, encoders, images, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        EvalRequest request, IProductEncoderFactory? encoders, IProductImageLoader? images, CancellationToken cancellationToken)
    {
        IReadOnlyList<Product> products = EvaluationInput.ReadProducts(request.CatalogPath);
        IReadOnlyList<LabeledQuery> labeled = EvaluationInput.ReadQueries(request.QueriesPath);
        Console.Error.WriteLine($"read {products.Count} products and {labeled.Count} labeled queries");

        EvaluationCorpus corpus;
        IReadOnlyList<EvaluationQuery> evaluationQueries;
        if (request.Modes.Any(RetrievalModes.NeedsEncoder))
        {
            using IProductEncoder encoder = OpenEncoder(request, encoders);
            bool needImages = request.Modes.Any(RetrievalModes.NeedsImages);
            Func<Product, float[]?>? loadImage = needImages ? ImageLoader(request, images, encoder.ImageSize) : null;
            var progress = new StageProgress(Console.Error);
            corpus = EvaluationCorpusBuilder.Embed(
                products,
                encoder,
                loadImage,
                new CorpusEmbeddingOptions
                {
                    Images = needImages,
                    Titles = request.Modes.Any(RetrievalModes.NeedsTitleEmbeddings),
                    BatchSize = request.BatchSize,
                },
                progress,
                cancellationToken);
            evaluationQueries = EvaluationQueries.Embed(labeled, encoder, request.BatchSize, progress, cancellationToken);
        }
        else
        {
            corpus = EvaluationCorpusBuilder.TitlesOnly(products);
            evaluationQueries = EvaluationQueries.WithoutEmbeddings(labeled);
        }

        EvaluationReport report = new RetrievalEvaluator(request.Options)
            .Evaluate(corpus, evaluationQueries, request.Modes, cancellationToken);

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

        return encoders.Open(modelPath, request.Device, request.DropTokensAtCapacity);
    }

    private static Func<Product, float[]?> ImageLoader(EvalRequest request, IProductImageLoader? images, int imageSize)
    {
        if (images is null)
        {
            throw new InvalidOperationException(
                "the image and hybrid modes need catalog images, but this build of m6 has no image loader connected " +
                "(EvalCommand.Create was given no IProductImageLoader); use --modes title,text.");
        }

        string catalogDirectory = Path.GetDirectoryName(request.CatalogPath) ?? Directory.GetCurrentDirectory();
        return product => images.Load(product, catalogDirectory, imageSize);
    }

    private sealed record EvalRequest(
        string CatalogPath,
        string QueriesPath,
        string? ModelPath,
        string? JsonPath,
        string? PerQueryPath,
        IReadOnlyList<RetrievalMode> Modes,
        DeviceChoice Device,
        bool DropTokensAtCapacity,
        int BatchSize,
        EvaluationOptions Options);
}
