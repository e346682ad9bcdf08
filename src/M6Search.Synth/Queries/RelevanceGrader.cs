using M6Search.Synth.Planning;

namespace M6Search.Synth.Queries;

/// <summary>
/// Grades a product for a query intent: 2 when the category and every named trait match, 1 when the category and
/// some (not all) named traits match, 0 otherwise (including every product of another category).
/// </summary>
public static class RelevanceGrader
{
    public static int Grade(ProductVisual product, QueryIntent intent)
    {
        if (product.Category != intent.Category)
        {
            return 0;
        }

        int matches = intent.Traits.Count(t => product.Get(t.Key) == t.Value);
        if (matches == intent.Traits.Count)
        {
            return 2;
        }

        return matches > 0 ? 1 : 0;
    }
}
