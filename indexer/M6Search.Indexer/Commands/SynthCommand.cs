using System.CommandLine;
using System.Globalization;
using M6Search.Synth.Generation;

namespace M6Search.Indexer.Commands;

/// <summary>
/// <c>m6 synth --out DIR --products N --seed S [--omit-rate 0.7] [--image-size 128] [--queries Q]</c>: writes a
/// synthetic catalog (images, catalog.jsonl, pairs.jsonl, queries.jsonl) whose titles leave out visual traits;
/// <c>--held-out-wording</c> adds queries.heldout.jsonl (docs/synthetic-catalog.md, "Held-out wording").
/// </summary>
public static class SynthCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write catalog.jsonl, pairs.jsonl, queries.jsonl and images/ into.", Required = true };
        var products = new Option<int>("--products") { Description = "Number of products.", Required = true };
        var seed = new Option<long>("--seed") { Description = "Random seed; the same seed gives byte-identical files.", DefaultValueFactory = _ => 42 };
        var omitRate = new Option<double>("--omit-rate") { Description = "Probability that a title leaves out each visual trait (colour, texture, material), independently.", DefaultValueFactory = _ => 0.7 };
        var imageSize = new Option<int>("--image-size") { Description = "Side of the square JPEG images in pixels.", DefaultValueFactory = _ => 128 };
        var queries = new Option<int?>("--queries") { Description = "Number of labeled queries (default: min(400, products / 5))." };
        var pairs = new Option<int>("--pairs-per-product") { Description = "Training descriptions per product (at least 2: one English, one Chinese).", DefaultValueFactory = _ => 2 };
        var noImages = new Option<bool>("--no-images") { Description = "Write only the JSONL files." };
        var heldOut = new Option<bool>("--held-out-wording") { Description = "Also write queries.heldout.jsonl: the same queries worded with synonyms and misspellings no training text contains (for reporting only; never tune on it)." };
        var threads = new Option<int?>("--threads") { Description = "Rendering threads (default: every core); the output does not depend on it." };

        var command = new Command("synth", "Generate a synthetic product catalog with images, training pairs and labeled shopper queries.")
        {
            output, products, seed, omitRate, imageSize, queries, pairs, noImages, heldOut, threads,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new SynthOptions
            {
                Products = parse.GetValue(products),
                Seed = parse.GetValue(seed),
                OmitRate = parse.GetValue(omitRate),
                ImageSize = parse.GetValue(imageSize),
                Queries = parse.GetValue(queries),
                PairsPerProduct = parse.GetValue(pairs),
                WriteImages = !parse.GetValue(noImages),
                HeldOutWording = parse.GetValue(heldOut),
                MaxDegreeOfParallelism = parse.GetValue(threads),
            };
            options.Validate();
            string directory = parse.GetValue(output)!.FullName;

            SynthResult result = await SyntheticCatalogGenerator.GenerateAsync(directory, options, new ConsoleSynthProgress(), cancellationToken);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"wrote {result.Products} products ({result.ImagesWritten} images), {result.Pairs} pairs, {result.Queries} queries to {result.OutputDirectory} in {result.Elapsed.TotalSeconds:F1} s ({result.ProductsPerSecond:F0} products/s)"));
            return 0;
        });
        return command;
    }
}
