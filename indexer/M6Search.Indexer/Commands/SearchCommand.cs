using System.CommandLine;
using System.Globalization;
using M6Search.Encoder;
using M6Search.Encoder.Inference;
using M6Search.Indexer.Composition;
using M6Search.Stores.Lexical;
using M6Search.Indexing.Stores;
using M6Search.Stores.Abstractions;
using Spectre.Console;

namespace M6Search.Indexer.Commands;

/// <summary>
/// <c>m6 search "QUERY" --store S [--collection C] [--model M] [--k 10] [--category C] [--device D]</c>: a quick
/// hybrid search from a terminal (image and title vectors and the lexical vector, fused by RRF in the store).
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
        var category = new Option<string[]>("--category") { Description = "Only products of this category (repeatable).", AllowMultipleArgumentsPerToken = false };
        var device = CommonOptions.Device();
        k.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 1000)
            {
                result.AddError("--k must be between 1 and 1000.");
            }
        });

        var command = new Command("search", "Search a store from the terminal (hybrid: image + title vectors + lexical, fused by RRF).")
        {
            query, store, collection, model, k, category, device,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string text = parse.GetValue(query)!;
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new ArgumentException("the query is empty.");
            }

            using IProductEncoder encoder = MoeProductEncoder.Load(ModelLocator.Resolve(parse.GetValue(model)), parse.GetValue(device));
            await using OpenedStore opened = await ProductStoreFactory.OpenAsync(parse.GetValue(store)!, parse.GetValue(collection)!, cancellationToken)
                .ConfigureAwait(false);
            string[] categories = parse.GetValue(category) ?? [];
            int limit = parse.GetValue(k);
            IReadOnlyList<SearchHit> hits = await opened.Store.HybridSearchAsync(BuildQuery(encoder, text, limit, categories), cancellationToken)
                .ConfigureAwait(false);

            var table = new Table().Border(TableBorder.Simple).AddColumns("#", "score", "id", "category", "title");
            int rank = 1;
            foreach (SearchHit hit in hits)
            {
                table.AddRow(
                    (rank++).ToString(CultureInfo.InvariantCulture),
                    hit.Score.ToString("F4", CultureInfo.InvariantCulture),
                    Markup.Escape(hit.Point.Product.Id),
                    Markup.Escape(hit.Point.Product.Category ?? ""),
                    Markup.Escape(hit.Point.Product.Title));
            }

            AnsiConsole.Write(table);
            if (hits.Count == 0)
            {
                AnsiConsole.MarkupLine("no products found.");
            }

            return 0;
        });
        return command;
    }

    /// <summary>The hybrid query: the query's text embedding against image and title vectors, plus its lexical vector.</summary>
    public static HybridQuery BuildQuery(IProductEncoder encoder, string text, int limit, IReadOnlyList<string> categories)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        float[] embedding = encoder.EmbedTexts([text])[0];
        SparseVector lexical = LexicalVectorizer.Default.Query(text);
        return new HybridQuery
        {
            Dense = new Dictionary<string, float[]>
            {
                [CollectionSchema.ImageVector] = embedding,
                [CollectionSchema.TextVector] = embedding,
            },
            Lexical = lexical.Indices.Length > 0 ? lexical : null,
            Limit = limit,
            PrefetchLimit = Math.Max(100, limit * 4),
            Filter = categories.Count > 0 ? new ProductFilter { Categories = categories } : null,
        };
    }
}
