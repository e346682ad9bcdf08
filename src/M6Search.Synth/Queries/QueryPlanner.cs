using M6Search.Catalog.Queries;
using M6Search.Synth.Planning;
using M6Search.Synth.Randomness;
using M6Search.Synth.Text;
using M6Search.Synth.Vocabulary;

namespace M6Search.Synth.Queries;

/// <summary>
/// Generates labeled shopper queries over a planned catalog: each combines a category with one or two traits taken
/// from a real product (so the combination exists), is graded against every product's attributes by
/// <see cref="RelevanceGrader"/>, and is kept only when enough products are fully relevant. Half are English, half
/// Chinese; no intent is asked twice in the same language. Each query also gets a held-out-wording twin (same id,
/// relevance and traits; trait words from <see cref="HeldOutWording"/>), written only on request.
/// </summary>
public static class QueryPlanner
{
    private static readonly TraitKind[] Kinds = [TraitKind.Color, TraitKind.Texture, TraitKind.Material];

    public static IReadOnlyList<PlannedQuery> Plan(IReadOnlyList<ProductPlan> products, int count, long seed, int minRelevant)
    {
        var queries = new List<PlannedQuery>();
        if (count == 0 || products.Count == 0)
        {
            return queries;
        }

        var byCategory = products.GroupBy(p => p.Visual.Category).ToDictionary(g => g.Key, g => g.ToArray());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int width = Math.Max(4, count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        long attempts = 0;
        long maxAttempts = 50L * count + 1000;
        while (queries.Count < count && attempts < maxAttempts)
        {
            SeededRandom rng = SeededRandom.For(seed, attempts++, SeedStream.Queries);
            string lang = rng.Chance(0.5) ? Languages.English : Languages.Chinese;
            ProductVisual anchor = rng.Pick(products).Visual;
            var kinds = Kinds.ToList();
            rng.Shuffle(kinds);
            int traitCount = rng.Chance(0.5) ? 1 : 2;
            var traits = kinds.Take(traitCount)
                .OrderBy(k => k)
                .Select(k => new KeyValuePair<TraitKind, string>(k, anchor.Get(k)))
                .ToArray();
            var intent = new QueryIntent(anchor.Category, traits);
            string key = $"{lang}|{intent.Category}|{string.Join(",", traits.Select(t => $"{t.Key}={t.Value}"))}";
            if (!seen.Add(key))
            {
                continue;
            }

            var relevance = new Dictionary<string, int>(StringComparer.Ordinal);
            int fullyRelevant = 0;
            foreach (ProductPlan product in byCategory[intent.Category])
            {
                int grade = RelevanceGrader.Grade(product.Visual, intent);
                if (grade > 0)
                {
                    relevance[product.Id] = grade;
                    fullyRelevant += grade == 2 ? 1 : 0;
                }
            }

            if (fullyRelevant < minRelevant)
            {
                continue;
            }

            SeededRandom layout = rng.Copy();
            var query = new LabeledQuery
            {
                Id = "q" + (queries.Count + 1).ToString("D" + width, System.Globalization.CultureInfo.InvariantCulture),
                Text = QueryTextWriter.Write(intent, lang, rng),
                Lang = lang,
                Traits = TraitWords(intent, lang),
                Relevance = relevance,
            };
            var heldOutRng = SeededRandom.For(seed, attempts - 1, SeedStream.HeldOutWording);
            LabeledQuery heldOut = query with { Text = QueryTextWriter.WriteHeldOut(intent, lang, layout, heldOutRng) };
            queries.Add(new PlannedQuery(intent, query, heldOut));
        }

        return queries;
    }

    /// <summary>Every word (in the query's language) that names one of the intent's traits: the canonical word and its synonyms.</summary>
    public static IReadOnlyList<string> TraitWords(QueryIntent intent, string lang) =>
        intent.Traits.SelectMany(t => SynthVocabulary.Words(t.Key, t.Value).For(lang)).Distinct(StringComparer.Ordinal).ToArray();
}
