using System.Diagnostics;
using M6Search.Synth.Planning;
using M6Search.Synth.Rendering;
using M6Search.Synth.Vocabulary;

namespace M6Search.Synth.Generation;

/// <summary>
/// Writes a synthetic catalog folder: images/ (one JPEG per product, rendered in parallel), catalog.jsonl,
/// pairs.jsonl, queries.jsonl and traits.json (the trait vocabulary, <see cref="SynthTraits"/>). The same options give byte-identical files on every run.
/// </summary>
public static class SyntheticCatalogGenerator
{
    public static async Task<SynthResult> GenerateAsync(
        string outputDirectory,
        SynthOptions options,
        IProgress<SynthProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        options.Validate();
        var clock = Stopwatch.StartNew();

        progress?.Report(new SynthProgress(SynthStage.Planning, 0, options.Products));
        CatalogPlan plan = await Task.Run(() => CatalogPlanner.Plan(options), cancellationToken).ConfigureAwait(false);

        Directory.CreateDirectory(outputDirectory);
        int images = 0;
        if (options.WriteImages)
        {
            string imageDirectory = Path.Combine(outputDirectory, SynthFiles.ImagesFolder);
            Directory.CreateDirectory(imageDirectory);
            images = await Task.Run(() => RenderAll(outputDirectory, plan.Products, options, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        progress?.Report(new SynthProgress(SynthStage.Writing, 0, 4));
        await JsonLinesFile.WriteAsync(Path.Combine(outputDirectory, SynthFiles.Catalog), plan.Products.Select(p => p.ToProduct()), cancellationToken).ConfigureAwait(false);
        await JsonLinesFile.WriteAsync(Path.Combine(outputDirectory, SynthFiles.Pairs), plan.Pairs, cancellationToken).ConfigureAwait(false);
        await JsonLinesFile.WriteAsync(Path.Combine(outputDirectory, SynthFiles.Queries), plan.Queries.Select(q => q.Query), cancellationToken).ConfigureAwait(false);
        if (options.HeldOutWording)
        {
            await JsonLinesFile.WriteAsync(Path.Combine(outputDirectory, SynthFiles.HeldOutQueries), plan.Queries.Select(q => q.HeldOut), cancellationToken).ConfigureAwait(false);
        }
        await SynthTraits.WriteAsync(outputDirectory, cancellationToken).ConfigureAwait(false);
        progress?.Report(new SynthProgress(SynthStage.Done, options.Products, options.Products));

        return new SynthResult
        {
            OutputDirectory = outputDirectory,
            Products = plan.Products.Count,
            Pairs = plan.Pairs.Count,
            Queries = plan.Queries.Count,
            ImagesWritten = images,
            Elapsed = clock.Elapsed,
        };
    }

    /// <summary>Renders and encodes one product's photo (the bytes written to its JPEG file).</summary>
    public static byte[] RenderJpeg(ProductPlan product, int imageSize)
    {
        using RenderedProduct rendered = ProductRenderer.Render(product.Visual, product.Scene, imageSize);
        return rendered.EncodeJpeg(product.Scene.JpegQuality);
    }

    private static int RenderAll(string outputDirectory, IReadOnlyList<ProductPlan> products, SynthOptions options, IProgress<SynthProgress>? progress, CancellationToken cancellationToken)
    {
        int done = 0;
        var parallel = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount,
        };
        Parallel.For(0, products.Count, parallel, i =>
        {
            ProductPlan product = products[i];
            byte[] jpeg = RenderJpeg(product, options.ImageSize);
            File.WriteAllBytes(Path.Combine(outputDirectory, product.Image), jpeg);
            int now = Interlocked.Increment(ref done);
            if (now % 64 == 0 || now == products.Count)
            {
                progress?.Report(new SynthProgress(SynthStage.Rendering, now, products.Count));
            }
        });
        return done;
    }
}
