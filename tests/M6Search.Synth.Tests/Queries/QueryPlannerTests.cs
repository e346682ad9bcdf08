using M6Search.Synth.Planning;
using M6Search.Synth.Queries;
using M6Search.Synth.Tests.Support;
using M6Search.Synth.Vocabulary;

namespace M6Search.Synth.Tests.Queries;

public class QueryPlannerTests
{
    [Fact]
    public void Queries_ReachTheDefaultCount_AndAreAboutHalfEnglishHalfChinese()
    {
        var queries = Plans.TwoThousand.Queries;
        Assert.Equal(400, queries.Count);
        Assert.InRange(queries.Count(q => q.Query.Lang == Languages.English), 160, 240);
        Assert.Equal(queries.Count, queries.Select(q => q.Query.Id).Distinct().Count());
    }

    [Fact]
    public void QueryText_SaysTheIntentsCategoryAndTraits_InTheQuerysLanguage()
    {
        foreach (PlannedQuery planned in Plans.TwoThousand.Queries)
        {
            var (category, traits) = QueryTextParser.Parse(planned.Query.Text, planned.Query.Lang);
            Assert.Equal(planned.Intent.Category, category);
            Assert.Equal(planned.Intent.Traits.OrderBy(t => t.Key).ToArray(), traits.OrderBy(t => t.Key).ToArray());
            Assert.InRange(planned.Intent.Traits.Count, 1, 2);
            Assert.Equal(planned.Query.Lang == Languages.Chinese, Words.HasCjk(planned.Query.Text));
        }
    }

    [Fact]
    public void Queries_ListEveryWordOfTheirTraits_InTheirLanguage()
    {
        foreach (PlannedQuery planned in Plans.TwoThousand.Queries)
        {
            var expected = planned.Intent.Traits
                .SelectMany(t => SynthVocabulary.Words(t.Key, t.Value).For(planned.Query.Lang))
                .ToHashSet();
            Assert.NotEmpty(planned.Query.Traits);
            Assert.Equal(expected, planned.Query.Traits.ToHashSet());
        }
    }

    [Fact]
    public void Queries_HaveSeveralFullyRelevantProducts_ManyOfThemWithTheTraitHiddenFromTheTitle()
    {
        var titles = Plans.TwoThousand.Products.ToDictionary(p => p.Id, p => p.Listing.Title);
        int hidden = 0, relevant = 0;
        foreach (PlannedQuery planned in Plans.TwoThousand.Queries)
        {
            var fully = planned.Query.Relevance.Where(r => r.Value == 2).Select(r => r.Key).ToArray();
            Assert.True(fully.Length >= 3, $"{planned.Query.Text}: {fully.Length} fully relevant");
            relevant += fully.Length;
            hidden += fully.Count(id => !Words.ContainsAny(titles[id], planned.Query.Traits));
        }

        // Half the products have titles in the other language, and same-language titles omit each trait 70 % of the time.
        Assert.InRange(hidden / (double)relevant, 0.7, 0.95);
    }

    [Fact]
    public void Grade_IsTwoForEveryTrait_OneForSome_AndZeroForNoneOrAnotherCategory()
    {
        var intent = new QueryIntent("cup", [new(TraitKind.Color, "red"), new(TraitKind.Texture, "bumpy")]);
        Assert.Equal(2, RelevanceGrader.Grade(new ProductVisual("cup", "mug", "red", "bumpy", "ceramic"), intent));
        Assert.Equal(1, RelevanceGrader.Grade(new ProductVisual("cup", "mug", "red", "smooth", "ceramic"), intent));
        Assert.Equal(1, RelevanceGrader.Grade(new ProductVisual("cup", "tumbler", "blue", "bumpy", "glass"), intent));
        Assert.Equal(0, RelevanceGrader.Grade(new ProductVisual("cup", "mug", "blue", "smooth", "ceramic"), intent));
        Assert.Equal(0, RelevanceGrader.Grade(new ProductVisual("vase", "amphora", "red", "bumpy", "ceramic"), intent));
    }

    [Fact]
    public void Plan_KeepsOnlyQueriesWithEnoughFullyRelevantProducts()
    {
        var products = Plans.TwoThousand.Products.Take(60).ToArray();
        var queries = QueryPlanner.Plan(products, 100, 5, minRelevant: 4);
        Assert.All(queries, q => Assert.True(q.Query.Relevance.Count(r => r.Value == 2) >= 4));
    }
}
