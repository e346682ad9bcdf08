using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using M6Search.Indexing;
using M6Search.Indexing.Stores;
using M6Search.Stores.Abstractions;
using Spectre.Console;

namespace M6Search.Indexer.Commands;

/// <summary><c>m6 store stats --store S [--collection C] [--json]</c>: products, vectors and collection settings.</summary>
public static class StoreCommand
{
    public static Command Create()
    {
        var command = new Command("store", "Vector store tools.");
        command.Subcommands.Add(CreateStats());
        return command;
    }

    private static Command CreateStats()
    {
        var store = StoreOptions.Store();
        var collection = StoreOptions.Collection();
        var json = new Option<bool>("--json") { Description = "Print the statistics as one JSON object." };
        var command = new Command("stats", "Products, vectors and collection settings of a store.") { store, collection, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using OpenedStore opened = await ProductStoreFactory.OpenAsync(parse.GetValue(store)!, parse.GetValue(collection)!, cancellationToken)
                .ConfigureAwait(false);
            StoreStats stats = await opened.Store.GetStatsAsync(cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(stats, IndexingJson.Options));
                return 0;
            }

            var table = new Table().Border(TableBorder.Simple).AddColumn("").AddColumn("");
            table.AddRow("store", Markup.Escape(stats.Store));
            table.AddRow("collection", Markup.Escape(stats.Collection));
            table.AddRow("products", stats.Points.ToString("N0", CultureInfo.InvariantCulture));
            foreach ((string name, int dimension) in stats.DenseVectors.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                table.AddRow($"vector {Markup.Escape(name)}", $"{dimension}-d, cosine");
            }

            table.AddRow("lexical vector", stats.HasLexicalVector ? "yes (sparse)" : "no");
            foreach ((string key, string value) in stats.Settings.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                table.AddRow(Markup.Escape(key), Markup.Escape(value));
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
