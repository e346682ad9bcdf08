using System.Globalization;
using System.Text;
using M6Search.Catalog.Queries;
using M6Search.OpenClipart.Cleaning;

namespace M6Search.OpenClipart.Queries;

/// <summary>
/// Builds a split's labeled queries from its held-out metadata: each query is one concept (a keyword or category
/// folder, stemmed) that the split's titles mostly lack. Grades: 2 when the item's author tagged it with the concept
/// (keyword) or the library filed it under it (folder); 1 when only its description mentions it; otherwise unjudged
/// (0). <c>traits</c> lists every form of the concept seen in the metadata, so the evaluator counts a relevant item as
/// hidden when its title contains none of them.
/// </summary>
public sealed class ConceptQueryBuilder(QueryOptions options)
{
    /// <summary>The queries, in order of their text, with ids <paramref name="idPrefix"/>0001, ...</summary>
    public IReadOnlyList<LabeledQuery> Build(IReadOnlyList<ClipartItem> items, string idPrefix)
    {
        ArgumentNullException.ThrowIfNull(items);
        var forms = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (ClipartItem item in items)
        {
            foreach (string term in item.Keywords.Concat(item.Folders))
            {
                string stem = Terms.Stem(term);
                if (!forms.TryGetValue(stem, out var counts))
                {
                    forms[stem] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                counts[term] = counts.GetValueOrDefault(term) + 1;
            }
        }

        HashSet<string>[] tagged = items.Select(i => i.TaggedConcepts()).ToArray();
        string[] descriptions = items.Select(i => " " + Terms.Stem(Terms.Normalize(i.Description)) + " ").ToArray();
        string[] titles = items.Select(i => HiddenText(i.Title)).ToArray();
        var queries = new List<(string Text, string[] Traits, Dictionary<string, int> Relevance)>();
        foreach ((string stem, Dictionary<string, int> counts) in forms.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (stem.Count(char.IsLetter) < options.MinLetters)
            {
                continue;
            }

            var relevance = new Dictionary<string, int>(StringComparer.Ordinal);
            int taggedCount = 0;
            for (int i = 0; i < items.Count; i++)
            {
                if (tagged[i].Contains(stem))
                {
                    relevance[items[i].Id] = 2;
                    taggedCount++;
                }
                else if (descriptions[i].Contains(" " + stem + " ", StringComparison.Ordinal))
                {
                    relevance[items[i].Id] = 1;
                }
            }

            if (taggedCount < options.MinRelevant || relevance.Count > options.MaxRelevantShare * items.Count)
            {
                continue;
            }

            string[] traits = counts.Keys.Append(stem).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            int hidden = 0;
            for (int i = 0; i < items.Count; i++)
            {
                if (relevance.ContainsKey(items[i].Id) && !traits.Any(t => titles[i].Contains(t, StringComparison.Ordinal)))
                {
                    hidden++;
                }
            }

            if (hidden < options.MinHidden || hidden < options.MinHiddenShare * relevance.Count)
            {
                continue;
            }

            string text = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
            queries.Add((text, traits, relevance));
        }

        return queries
            .OrderBy(q => q.Text, StringComparer.Ordinal)
            .Select((q, i) => new LabeledQuery
            {
                Id = idPrefix + (i + 1).ToString("D4", CultureInfo.InvariantCulture),
                Text = q.Text,
                Lang = "en",
                Traits = q.Traits,
                Relevance = q.Relevance,
            })
            .ToList();
    }

    /// <summary>The evaluator's comparison form (NFKC, invariant lower case): a title names a trait it contains.</summary>
    private static string HiddenText(string title) => title.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
}
