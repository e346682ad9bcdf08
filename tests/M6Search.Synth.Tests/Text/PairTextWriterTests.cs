using M6Search.Synth.Generation;
using M6Search.Synth.Planning;
using M6Search.Synth.Tests.Support;
using M6Search.Synth.Vocabulary;

namespace M6Search.Synth.Tests.Text;

public class PairTextWriterTests
{
    [Fact]
    public void Pairs_NameCategoryAndEveryTrait_InEnglishAndChinese_ForEveryProduct()
    {
        var plan = Plans.TwoThousand;
        var pairsByProduct = plan.Pairs.ToLookup(p => p.ProductId);
        foreach (ProductPlan product in plan.Products)
        {
            var pairs = pairsByProduct[product.Id].ToArray();
            Assert.True(pairs.Length >= 2);
            Assert.Contains(pairs, p => p.Lang == Languages.English);
            Assert.Contains(pairs, p => p.Lang == Languages.Chinese);
            CategoryInfo category = SynthVocabulary.Category(product.Visual.Category);
            foreach (var pair in pairs)
            {
                Assert.Equal(product.Image, pair.Image);
                Assert.True(Words.ContainsAny(pair.Text, category.Nouns.For(pair.Lang).Concat(category.QueryNouns.For(pair.Lang))), pair.Text);
                foreach (TraitKind kind in Enum.GetValues<TraitKind>())
                {
                    Assert.True(Words.NamesTrait(pair.Text, kind, product.Visual.Get(kind), pair.Lang), $"\"{pair.Text}\" lacks its {kind}");
                }
            }
        }
    }

    [Fact]
    public void Pairs_VaryTheirWording()
    {
        var english = Plans.TwoThousand.Pairs.Where(p => p.Lang == Languages.English).Select(p => p.Text).ToArray();
        var chinese = Plans.TwoThousand.Pairs.Where(p => p.Lang == Languages.Chinese).Select(p => p.Text).ToArray();
        Assert.True(english.Distinct().Count() > english.Length * 0.8);
        Assert.True(chinese.Distinct().Count() > chinese.Length * 0.8);
        Assert.Contains(english, t => t.Contains("dimpled", StringComparison.Ordinal) || t.Contains("hobnail", StringComparison.Ordinal));
        Assert.Contains(chinese, t => t.Contains("凹凸纹", StringComparison.Ordinal));
    }

    [Fact]
    public void LaterPairs_AreMostlyShort_NamingTheCategoryAndOneOrTwoOfItsOwnTraits()
    {
        var plan = CatalogPlanner.Plan(new SynthOptions { Products = 300, Seed = 5, PairsPerProduct = 6, WriteImages = false });
        var products = plan.Products.ToDictionary(p => p.Id);
        var later = plan.Pairs.GroupBy(p => p.ProductId).SelectMany(g => g.Skip(2)).ToArray();
        int shortPairs = 0;
        foreach (var pair in later)
        {
            ProductVisual visual = products[pair.ProductId].Visual;
            CategoryInfo category = SynthVocabulary.Category(visual.Category);
            Assert.True(Words.ContainsAny(pair.Text, category.Nouns.For(pair.Lang).Concat(category.QueryNouns.For(pair.Lang))), pair.Text);
            int named = Enum.GetValues<TraitKind>().Count(kind => Words.NamesTrait(pair.Text, kind, visual.Get(kind), pair.Lang));
            Assert.InRange(named, 1, 3);
            shortPairs += named < 3 ? 1 : 0;
        }

        Assert.InRange(shortPairs / (double)later.Length, 0.6, 0.9);
    }
}
