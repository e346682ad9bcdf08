using System.CommandLine;
using System.Globalization;
using M6Search.Encoder;
using M6Search.Encoder.Inference;
using M6Search.Indexer.Composition;
using M6Search.Indexing.Stores;
using M6Search.Search.Encoding;
using M6Search.Search.Results;
using M6Search.Search.Searching;
using M6Search.Search.Text;
using M6Search.Stores.Lexical;
using Spectre.Console;

namespace M6Search.Indexer.Commands;

/// <summary>
/// <c>m6 search "QUERY" --store S [--collection C] [--model M] [--k 10] [--category C] [--merchant M] [--device D]</c>:
/// the shopper search from a terminal, through the app's own search service (image, title and lexical channels fused
/// as the app fuses them, with the app's default settings).
/// </summary>
public static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "What a shopper would type." };
        var store = StoreOptions.Store();
        var collection = StoreOptions.Collection();
        var model = new Option<string?>("--model")
        {
            Description = $"The model file the collection was indexed with; by default the shipped {ModelLocator.DefaultRelativePath}.",
        };
        var k = new Option<int>("--k") { Description = "How many products to show.", DefaultValueFactory = _ => 10 };
        var category = new Option<string?>("--category") { Description = "Only products of this category." };
        var merchant = new Option<string?>("--merchant") { Description = "Only products of this merchant." };
        var device = CommonOptions.Device();
        k.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 1000)
            {
                result.AddError("--k must be between 1 and 1000.");
            }
        });

        var command = new Command("search", "Search a store from the terminal, as the app's search does (image + title + lexical channels, fused by RRF).")
        {
            query, store, collection, model, k, category, merchant, device,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string text = parse.GetValue(query)!;
            int limit = parse.GetValue(k);
            using IProductEncoder encoder = MoeProductEncoder.Load(ModelLocator.Resolve(parse.GetValue(model)), parse.GetValue(device));
            await using OpenedStore opened = await ProductStoreFactory.OpenAsync(parse.GetValue(store)!, parse.GetValue(collection)!, cancellationToken)
                .ConfigureAwait(false);
            using var embedder = new QueryEmbedder(encoder);
            var options = new ProductSearchOptions();
            options.MaxResults = Math.Max(options.MaxResults, limit);
            var search = new ProductSearchService(opened.Store, embedder, LexicalVectorizer.Default, new SearchText(), options);
            SearchResults results = await search.SearchAsync(
                new SearchQuery
                {
                    Text = text,
                    Limit = limit,
                    Filters = new SearchFilters { Category = parse.GetValue(category), Merchant = parse.GetValue(merchant) },
                    IncludeMatchDetails = false,
                },
                cancellationToken).ConfigureAwait(false);

            var table = new Table().Border(TableBorder.Simple).AddColumns("#", "score", "id", "category", "title");
            int rank = 1;
            foreach (SearchResultItem item in results.Items)
            {
                table.AddRow(
                    (rank++).ToString(CultureInfo.InvariantCulture),
                    item.Score.ToString("F4", CultureInfo.InvariantCulture),
                    Markup.Escape(item.Product.Id),
                    Markup.Escape(item.Product.Category ?? ""),
                    Markup.Escape(item.Product.Title));
            }

            AnsiConsole.Write(table);
            if (results.Items.Count == 0)
            {
                AnsiConsole.MarkupLine("no products found.");
            }

            return 0;
        });
        return command;
    }
}
