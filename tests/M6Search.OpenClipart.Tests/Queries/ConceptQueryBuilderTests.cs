using M6Search.Catalog.Queries;
using M6Search.OpenClipart.Cleaning;
using M6Search.OpenClipart.Queries;
using static M6Search.OpenClipart.Tests.Support.Items;

namespace M6Search.OpenClipart.Tests.Queries;

public class ConceptQueryBuilderTests
{
    private static readonly QueryOptions Small = new() { MinRelevant = 2, MaxRelevantShare = 0.5, MinHidden = 1, MinHiddenShare = 0.5 };

    [Fact]
    public void Build_GradesTaggedItemsTwo_DescriptionMentionsOne_AndLeavesTheRestUnjudged()
    {
        ClipartItem eagle = Item("animals/birds/eagle", "Acquila", ["birds"], ["animals", "birds"]);
        ClipartItem swan = Item("animals/swan", "Cigno", ["bird"]);
        ClipartItem feeder = Item("garden/feeder", "Feeder", ["garden"], description: "A feeder that birds love");
        ClipartItem[] filler = [.. Enumerable.Range(0, 5).Select(i => Item($"tools/tool{i}", $"Tool {i}", ["tool"]))];

        LabeledQuery bird = Build([eagle, swan, feeder, .. filler]).Single(q => q.Traits.Contains("bird"));

        Assert.Equal(2, bird.Relevance[eagle.Id]);
        Assert.Equal(2, bird.Relevance[swan.Id]);
        Assert.Equal(1, bird.Relevance[feeder.Id]);
        Assert.Equal(3, bird.Relevance.Count);
        Assert.Equal(["bird", "birds"], bird.Traits);
        Assert.Equal("en", bird.Lang);
    }

    [Fact]
    public void Build_SkipsAConcept_WhoseItemsTitlesMostlyNameIt()
    {
        ClipartItem[] items =
        [
            Item("a/1", "Red apple", ["apple"]), Item("a/2", "Green apple", ["apple"]), Item("a/3", "Pomme", ["apple"]),
            Item("b/1", "Drill", ["tool"]), Item("b/2", "Hammer", ["tool"]), Item("b/3", "Saw", ["tool"]),
            Item("c/1", "Rose", ["flower"]), Item("c/2", "Tulip", ["flower"]),
        ];

        IReadOnlyList<LabeledQuery> queries = Build(items);

        Assert.DoesNotContain(queries, q => q.Text == "apple");
        Assert.Contains(queries, q => q.Text == "tool");
    }

    [Fact]
    public void Build_SkipsConceptsTooRareOrTooBroad_AndShortWords()
    {
        ClipartItem[] items =
        [
            .. Enumerable.Range(0, 6).Select(i => Item($"thing{i}", $"Thing {i}", ["object", "ox"])),
            Item("cup", "Cup", ["kitchen"]), Item("pan", "Pan", ["kitchen"]),
            Item("key", "Key", ["lock"]), Item("bolt", "Bolt", ["tool"]), Item("nut", "Nut", ["tool"]),
        ];

        IReadOnlyList<LabeledQuery> queries = Build(items);

        Assert.DoesNotContain(queries, q => q.Text == "object"); // 6 of 11 items: over half
        Assert.DoesNotContain(queries, q => q.Text == "lock");   // one item
        Assert.DoesNotContain(queries, q => q.Text == "ox");     // under three letters
        Assert.Equal(["kitchen", "tool"], queries.Select(q => q.Text));
        Assert.Equal(["t0001", "t0002"], queries.Select(q => q.Id));
    }

    private static IReadOnlyList<LabeledQuery> Build(IReadOnlyList<ClipartItem> items) => new ConceptQueryBuilder(Small).Build(items, "t");
}
