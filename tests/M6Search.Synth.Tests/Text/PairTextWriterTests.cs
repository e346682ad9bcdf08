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
}
