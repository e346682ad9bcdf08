using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using M6Search.Indexing;
using M6Search.Indexing.Stores;
using M6Search.Stores.Abstractions;
using M6Search.Stores.Qdrant;
using Spectre.Console;

namespace M6Search.Indexer.Commands;

/// <summary>
/// <c>m6 store stats --store S [--collection C] [--json]</c>: products, vectors and collection settings.
/// <c>m6 store alias --store qdrant:URL --alias A --collection C</c>: points the alias at the collection, atomically.
/// <c>m6 store aliases --store qdrant:URL [--collection C] [--json]</c>: the aliases and their collections.
/// </summary>
public static class StoreCommand
{
    public static Command Create()
    {
        var command = new Command("store", "Vector store tools.");
        command.Subcommands.Add(CreateStats());
        command.Subcommands.Add(CreateAlias());
        command.Subcommands.Add(CreateAliases());
        return command;
    }

    private static Command CreateAlias()
    {
        var store = StoreOptions.Store();
        var alias = new Option<string>("--alias") { Description = "The alias to create or move (the name readers use, e.g. products).", Required = true };
        var collection = new Option<string>("--collection") { Description = "The collection the alias will point to (e.g. products_v2).", Required = true };
        var command = new Command(
            "alias",
            "Point an alias at a collection in one atomic step (Qdrant only): created if missing, moved if it points elsewhere.")
        {
            store, alias, collection,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            StoreSpec spec = RequireQdrant(parse.GetValue(store)!, "alias");
            string name = parse.GetValue(alias)!;
            string target = parse.GetValue(collection)!;
            await using OpenedStore opened = await ProductStoreFactory.OpenAsync(spec, target, cancellationToken).ConfigureAwait(false);
            var qdrant = (QdrantProductStore)opened.Store;

            // Only for the message (and a rollback): the switch itself does not depend on it.
            IReadOnlyList<CollectionAlias> before = await qdrant.ListAliasesAsync(cancellationToken).ConfigureAwait(false);
            string? previous = before.FirstOrDefault(a => a.Alias == name)?.Collection;
            await qdrant.SwitchAliasAsync(name, target, cancellationToken).ConfigureAwait(false);
            Console.Out.WriteLine(previous switch
            {
                null => $"alias '{name}' created: it points to '{target}'.",
                _ when previous == target => $"alias '{name}' already pointed to '{target}'; unchanged.",
                _ => $"alias '{name}' moved from '{previous}' to '{target}' (roll back with --collection {previous}).",
            });
            return 0;
        });
        return command;
    }

    private static Command CreateAliases()
    {
        var store = StoreOptions.Store();
        var collection = new Option<string?>("--collection") { Description = "Only the aliases of this collection." };
        var json = new Option<bool>("--json") { Description = "Print the aliases as one JSON array." };
        var command = new Command("aliases", "List the aliases and the collections they point to (Qdrant only).") { store, collection, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            StoreSpec spec = RequireQdrant(parse.GetValue(store)!, "aliases");
            string? only = parse.GetValue(collection);
            await using OpenedStore opened = await ProductStoreFactory.OpenAsync(spec, only ?? StoreSpec.DefaultCollection, cancellationToken)
                .ConfigureAwait(false);
            var qdrant = (QdrantProductStore)opened.Store;
            IReadOnlyList<CollectionAlias> aliases = only is null
                ? await qdrant.ListAliasesAsync(cancellationToken).ConfigureAwait(false)
                : await qdrant.ListAliasesOfAsync(only, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(aliases, IndexingJson.Options));
                return 0;
            }

            if (aliases.Count == 0)
            {
                Console.Out.WriteLine(only is null ? "no aliases." : $"no alias points to '{only}'.");
                return 0;
            }

            var table = new Table().Border(TableBorder.Simple).AddColumn("alias").AddColumn("collection");
            foreach (CollectionAlias entry in aliases)
            {
                table.AddRow(Markup.Escape(entry.Alias), Markup.Escape(entry.Collection));
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Aliases are Qdrant's: the embedded store is opened by one process under one collection name, so a model switch
    /// there is a restart with the new name (M6:Embedded / --collection), and there is nothing to alias.
    /// </summary>
    private static StoreSpec RequireQdrant(StoreSpec spec, string command) => spec.Kind == StoreKind.Qdrant
        ? spec
        : throw new NotSupportedException(
            $"m6 store {command} needs a Qdrant store (--store qdrant:URL); the embedded store ('{spec}') has no aliases: open the new collection by its name instead.");

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
