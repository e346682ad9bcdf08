using System.Globalization;
using M6Search.Catalog.Queries;
using M6Search.Synth.Generation;
using M6Search.Synth.Queries;
using M6Search.Synth.Randomness;
using M6Search.Synth.Text;
using M6Search.Synth.Vocabulary;

namespace M6Search.Synth.Planning;

/// <summary>
/// Plans a synthetic catalog without drawing anything. Every product draws from its own random streams, derived
/// from (seed, index, stream), so a product does not depend on the ones before it or on the number of threads.
/// </summary>
public static class CatalogPlanner
{
    public static CatalogPlan Plan(SynthOptions options)
    {
        options.Validate();
        var products = new ProductPlan[options.Products];
        int digits = Math.Max(6, (options.Products - 1).ToString(CultureInfo.InvariantCulture).Length);
        Parallel.For(0, options.Products, i => products[i] = PlanProduct(options, i, digits));

        var pairs = new List<TrainingPair>(options.Products * options.PairsPerProduct);
        foreach (ProductPlan product in products)
        {
            pairs.AddRange(PlanPairs(product, options));
        }

        IReadOnlyList<PlannedQuery> queries = QueryPlanner.Plan(products, options.EffectiveQueries, options.Seed, options.MinRelevantPerQuery);
        return new CatalogPlan(products, pairs, queries);
    }

    public static ProductPlan PlanProduct(SynthOptions options, int index, int idDigits = 6)
    {
        ProductVisual visual = VisualPlanner.Plan(SeededRandom.For(options.Seed, index, SeedStream.Visual));
        SeededRandom listingRng = SeededRandom.For(options.Seed, index, SeedStream.Listing);
        string lang = listingRng.Chance(0.5) ? Languages.English : Languages.Chinese;
        ProductListing listing = ListingWriter.Write(visual, lang, options.OmitRate, listingRng);
        string id = "p" + index.ToString("D" + idDigits, CultureInfo.InvariantCulture);
        return new ProductPlan
        {
            Index = index,
            Id = id,
            Lang = lang,
            Visual = visual,
            Scene = ScenePlanner.Plan(visual, SeededRandom.For(options.Seed, index, SeedStream.Scene)),
            Listing = listing,
            Image = $"images/{id}.jpg",
        };
    }

    private static IEnumerable<TrainingPair> PlanPairs(ProductPlan product, SynthOptions options)
    {
        SeededRandom rng = SeededRandom.For(options.Seed, product.Index, SeedStream.Pairs);
        var texts = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < options.PairsPerProduct; i++)
        {
            string lang = i switch
            {
                0 => Languages.English,
                1 => Languages.Chinese,
                _ => rng.Chance(0.5) ? Languages.English : Languages.Chinese,
            };
            // The first English and Chinese pairs are full descriptions; later ones are mostly short ones.
            bool full = i < 2 || rng.Chance(0.25);
            string Describe() => full ? PairTextWriter.Write(product.Visual, lang, rng) : PairTextWriter.WriteShort(product.Visual, lang, rng);
            string text = Describe();
            for (int retry = 0; retry < 5 && texts.Contains(text); retry++)
            {
                text = Describe();
            }

            texts.Add(text);
            yield return new TrainingPair { ProductId = product.Id, Image = product.Image, Text = text, Lang = lang };
        }
    }
}
