using System.CommandLine;
using M6Search.Indexer.Commands;
using M6Search.Indexer.Composition;

var root = new RootCommand("M6Search: cross-modal product search. Catalog tools, training, evaluation and indexing.");
root.Subcommands.Add(InfoCommand.Create());
root.Subcommands.Add(CatalogCommand.Create());
root.Subcommands.Add(EvalCommand.Create(new MoeEncoderFactory()));
root.Subcommands.Add(SynthCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(PlotCommand.Create());
root.Subcommands.Add(IndexCommand.Create());
root.Subcommands.Add(SearchCommand.Create());
root.Subcommands.Add(StoreCommand.Create());

// Exports traces and metrics over OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is set; disposed (and flushed) at exit.
using IDisposable? telemetry = IndexerTelemetry.StartIfConfigured();
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (OperationCanceledException)
{
    await Console.Error.WriteLineAsync("m6: cancelled");
    return 130;
}
catch (Exception ex) when (Environment.GetEnvironmentVariable("M6_DEBUG") != "1")
{
    // A clear one-line error for people; M6_DEBUG=1 shows the stack trace instead.
    await Console.Error.WriteLineAsync($"m6: error: {ex.Message}");
    return 1;
}
