using System.Text;
using M6Search.Catalog.Queries;

namespace M6Search.Evaluation.Metrics;

/// <summary>
/// Finds a query's hidden-trait products: relevant products whose titles name none of the query's traits, the
/// products a shopper can only find if the search looks at the photo.
/// </summary>
public static class HiddenTraits
{
    /// <summary>
    /// True when the title contains at least one trait as a substring, after NFKC normalisation and lower-casing of
    /// both. For Chinese that is a match on characters ("凹凸" in "凹凸陶瓷杯"); for English it is deliberately a plain
    /// substring too ("red" counts as named in "colored"), so a product only counts as hidden when no spelling of
    /// the trait appears at all. Blank traits are ignored.
    /// </summary>
    public static bool TitleNamesAnyTrait(string title, IEnumerable<string> traits)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(traits);
        string normalizedTitle = Normalize(title);
        foreach (string trait in traits)
        {
            if (string.IsNullOrWhiteSpace(trait))
            {
                continue;
            }

            if (normalizedTitle.Contains(Normalize(trait).Trim(), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The relevant (grade at least 1) products of the query whose titles name none of its traits. A query without
    /// traits has no hidden-trait products: there is no trait to hide.
    /// </summary>
    /// <param name="titleOf">The title of a judged product; null when the catalog does not have it.</param>
    /// <exception cref="EvaluationDataException">A relevant product is not in the catalog.</exception>
    public static IReadOnlySet<string> Products(LabeledQuery query, Func<string, string?> titleOf)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(titleOf);
        var hidden = new HashSet<string>(StringComparer.Ordinal);
        if (!query.Traits.Any(t => !string.IsNullOrWhiteSpace(t)))
        {
            return hidden;
        }

        foreach ((string productId, int grade) in query.Relevance)
        {
            if (grade < RankingMetrics.RelevantGrade)
            {
                continue;
            }

            string title = titleOf(productId) ?? throw new EvaluationDataException(
                $"Query '{query.Id}' judges product '{productId}', which is not in the catalog.");
            if (!TitleNamesAnyTrait(title, query.Traits))
            {
                hidden.Add(productId);
            }
        }

        return hidden;
    }

    /// <summary>NFKC (folds full-width letters and compatibility characters) and invariant lower case.</summary>
    public static string Normalize(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
}
