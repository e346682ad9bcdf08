using System.CommandLine;
using M6Search.Catalog.Reading;
using M6Search.Encoder;
using M6Search.Encoder.Inference;
using M6Search.Encoder.Runtime;
using M6Search.Indexer.Composition;
using M6Search.Indexer.Output;
using M6Search.Indexing.Images;
using M6Search.Indexing.Jobs;
using M6Search.Indexing.Sharding;
using M6Search.Indexing.Stores;
using Spectre.Console;

namespace M6Search.Indexer.Commands;

/// <summary>
/// <c>m6 index --catalog FILE --store embedded:DIR|qdrant:URL [--model M] [--collection C] [--shard I/N] [--batch B]
/// [--device D] [--max-errors N] [--full] [--deletions FILE] [--state-dir DIR] [--events FILE] [--threads T]</c>:
/// runs an indexing job (docs/indexing.md). Exit codes: <see cref="IndexExitCodes"/>.
/// </summary>
public static class IndexCommand
{
    public static Command Create()
    {
        var catalog = new Option<FileInfo>("--catalog") { Description = "The catalog (JSON Lines or CSV). " + CliImageLoading.Note, Required = true };
        var model = new Option<string?>("--model")
        {
            Description = $"The model file; by default the shipped {ModelLocator.DefaultRelativePath}.",
        };
        var store = StoreOptions.Store();
        var collection = StoreOptions.Collection();
        var shard = new Option<ShardSpec>("--shard")
        {
            Description = "This worker's part of the catalog, I/N (0-based): products whose id hashes to I of N.",
            DefaultValueFactory = _ => ShardSpec.All,
            CustomParser = result =>
            {
                try
                {
                    return ShardSpec.Parse(result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value);
                }
                catch (FormatException exception)
                {
                    result.AddError(exception.Message);
                    return null;
                }
            },
        };
        var batch = new Option<int>("--batch") { Description = "Products per encoder batch and per upsert.", DefaultValueFactory = _ => 32 };
        var maxErrors = new Option<long?>("--max-errors") { Description = "Stop the job (exit 3) once more than N rows are rejected." };
        var full = new Option<bool>("--full")
        {
            Description = "The catalog is the whole catalog: remove stored products (of this shard) that it no longer lists.",
        };
        var deletions = new Option<FileInfo?>("--deletions") { Description = "A file of product ids to remove, one per line." };
        var stateDir = new Option<DirectoryInfo?>("--state-dir")
        {
            Description = "Folder for state.json, rejects.jsonl and report.json; by default DIR/jobs/COLLECTION/shard-I-of-N "
                + "for embedded:DIR, ./m6-jobs/COLLECTION/shard-I-of-N for Qdrant.",
        };
        var events = new Option<FileInfo?>("--events") { Description = "Also write progress events and the report as JSON Lines to this file." };
        var threads = new Option<int>("--threads")
        {
            Description = "Image readers and decoders running at once.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var progressInterval = new Option<double>("--progress-interval")
        {
            Description = "Seconds between progress events (and plain progress lines when stdout is not a terminal).",
            DefaultValueFactory = _ => 1.0,
        };
        var format = new Option<CatalogFormat>("--format")
        {
            Description = "Catalog format: auto (from the extension), jsonl or csv.",
            DefaultValueFactory = _ => CatalogFormat.Auto,
            CustomParser = result => (result.Tokens.Count == 0 ? "auto" : result.Tokens[0].Value).ToLowerInvariant() switch
            {
                "auto" => CatalogFormat.Auto,
                "jsonl" or "json" or "ndjson" => CatalogFormat.JsonLines,
                "csv" => CatalogFormat.Csv,
                string other => Invalid(result, $"--format must be auto, jsonl or csv, not '{other}'."),
            },
        };
        var device = CommonOptions.Device();
        batch.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 4096)
            {
                result.AddError("--batch must be between 1 and 4096.");
            }
        });
        threads.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 1024)
            {
                result.AddError("--threads must be between 1 and 1024.");
            }
        });
        maxErrors.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long?>() is < 0)
            {
                result.AddError("--max-errors must not be negative.");
            }
        });
        progressInterval.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is <= 0 or > 3600)
            {
                result.AddError("--progress-interval must be between 0 and 3600 seconds.");
            }
        });

        var command = new Command("index", "Index a catalog into a vector store: resumable, idempotent, sharded; bad rows go to an error report.")
        {
            catalog, model, store, collection, shard, batch, device, maxErrors, full, deletions, stateDir, events, threads, progressInterval, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            StoreSpec storeSpec = parse.GetValue(store)!;
            string collectionName = parse.GetValue(collection)!;
            ShardSpec shardSpec = parse.GetValue(shard)!;
            var options = new IndexJobOptions
            {
                CatalogPath = parse.GetValue(catalog)!.FullName,
                DeletionsPath = parse.GetValue(deletions)?.FullName,
                StateDirectory = parse.GetValue(stateDir)?.FullName ?? DefaultStateDirectory(storeSpec, collectionName, shardSpec),
                Shard = shardSpec,
                BatchSize = parse.GetValue(batch),
                MaxErrors = parse.GetValue(maxErrors),
                DegreeOfParallelism = parse.GetValue(threads),
                FullCatalog = parse.GetValue(full),
                CatalogFormat = parse.GetValue(format),
                ProgressInterval = TimeSpan.FromSeconds(parse.GetValue(progressInterval)),
            };
            return await RunAsync(
                options, storeSpec, collectionName, parse.GetValue(model), parse.GetValue(device), parse.GetValue(events)?.FullName, cancellationToken)
                .ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Where a job keeps its files when <c>--state-dir</c> is not given.</summary>
    public static string DefaultStateDirectory(StoreSpec store, string collection, ShardSpec shard)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(shard);
        string root = store.Kind == StoreKind.Embedded ? Path.Combine(Path.GetFullPath(store.Location), "jobs") : Path.GetFullPath("m6-jobs");
        return Path.Combine(root, collection, $"shard-{shard.Index}-of-{shard.Count}");
    }

    private static CatalogFormat Invalid(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return CatalogFormat.Auto;
    }

    private static async Task<int> RunAsync(
        IndexJobOptions options, StoreSpec storeSpec, string collection, string? modelPath, DeviceChoice device, string? eventsPath,
        CancellationToken cancellationToken)
    {
        if (!File.Exists(options.CatalogPath))
        {
            throw new FileNotFoundException($"catalog not found: {options.CatalogPath}", options.CatalogPath);
        }

        string resolvedModel = ModelLocator.Resolve(modelPath);
        using IProductEncoder encoder = MoeProductEncoder.Load(resolvedModel, device, options.BatchSize);
        await using OpenedStore opened = await ProductStoreFactory.OpenAsync(storeSpec, collection, cancellationToken).ConfigureAwait(false);
        using IndexEventsFile? eventsFile = eventsPath is null ? null : new IndexEventsFile(eventsPath);
        var pipeline = new IndexingPipeline(encoder, opened.Store, new ProductImageSource(CliImageLoading.CreateLoader()));
        bool interactive = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        Console.Error.WriteLine($"indexing {options.CatalogPath} (shard {options.Shard}) into {storeSpec} collection '{collection}' with {encoder.ModelVersion}");

        IndexJobReport report;
        if (interactive)
        {
            report = await AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    ProgressTask task = context.AddTask("starting", maxValue: 1);
                    var progress = new SynchronousProgress<IndexProgress>(value =>
                    {
                        eventsFile?.Write(value);
                        task.Description = IndexConsoleOutput.Description(value);
                        if (value.TotalRows is long total && total > 0)
                        {
                            task.MaxValue = total;
                            task.Value = Math.Min(total, value.Counts.Done + value.Counts.OtherShard);
                        }

                        if (value.Phase == IndexPhase.Finished)
                        {
                            task.Value = task.MaxValue;
                            task.StopTask();
                        }
                    });
                    return await pipeline.RunAsync(options, progress, cancellationToken).ConfigureAwait(false);
                }).ConfigureAwait(false);
        }
        else
        {
            var progress = new SynchronousProgress<IndexProgress>(value =>
            {
                eventsFile?.Write(value);
                Console.Out.WriteLine(IndexConsoleOutput.Line(value));
            });
            report = await pipeline.RunAsync(options, progress, cancellationToken).ConfigureAwait(false);
        }

        eventsFile?.Write(report);
        IndexConsoleOutput.WriteReport(AnsiConsole.Console, report);
        return IndexExitCodes.For(report.Status);
    }
}
