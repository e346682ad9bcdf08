using M6Search.Synth.Planning;
using M6Search.Synth.Randomness;
using M6Search.Synth.Rendering;
using M6Search.Synth.Vocabulary;

namespace M6Search.Synth.Tests.Vocabulary;

public class SynthVocabularyTests
{
    [Fact]
    public void Vocabulary_CoversTheRequiredCategoriesAndTraitCounts()
    {
        string[] required = ["cup", "vase", "bowl", "bottle", "tshirt", "dress", "sneaker", "handbag", "hat", "lamp", "chair", "phone_case"];
        Assert.Subset(SynthVocabulary.Categories.Select(c => c.Key).ToHashSet(), required.ToHashSet());
        Assert.True(SynthVocabulary.Colors.Count >= 10);
        Assert.True(SynthVocabulary.Textures.Count >= 8);
        Assert.Subset(
            SynthVocabulary.Textures.Select(t => t.Key).ToHashSet(),
            new HashSet<string> { "smooth", "bumpy", "ribbed", "striped", "polka_dot", "plaid", "floral", "marbled" });
        Assert.Subset(
            SynthVocabulary.Materials.Select(m => m.Key).ToHashSet(),
            new HashSet<string> { "ceramic", "glass", "wood", "metal", "leather", "knit" });
    }

    [Fact]
    public void EveryCategory_HasAtLeastThreeShapes_BuiltForThatCategory()
    {
        foreach (CategoryInfo category in SynthVocabulary.Categories)
        {
            Assert.True(category.Shapes.Count >= 3, $"{category.Key} has {category.Shapes.Count} shapes");
            foreach (ShapeInfo shape in category.Shapes)
            {
                using ShapeDrawing drawing = ShapeLibrary.Build(shape.Key);
                Assert.Equal(category.Key, drawing.Category);
                Assert.Equal(shape.Key, drawing.Shape);
            }
        }
    }

    [Fact]
    public void ShapesOfACategory_HaveDistinctSilhouettes()
    {
        // Overlap (intersection over union) of the 64-pixel body masks of two shapes of one category stays well below 1.
        foreach (CategoryInfo category in SynthVocabulary.Categories)
        {
            var masks = category.Shapes.Select(s => Mask(category, s)).ToArray();
            for (int i = 0; i < masks.Length; i++)
            {
                for (int j = i + 1; j < masks.Length; j++)
                {
                    double iou = IntersectionOverUnion(masks[i], masks[j]);
                    Assert.True(iou < 0.85, $"{category.Shapes[i].Key} and {category.Shapes[j].Key} overlap {iou:F2}");
                }
            }
        }
    }

    [Fact]
    public void NoTraitWord_ContainsAWordOfAnotherTraitValue()
    {
        // Otherwise a title naming one value would also "name" another for a substring search ("red" inside "textured").
        var values = SynthVocabulary.Colors.Select(c => (Key: "color:" + c.Key, c.Words))
            .Concat(SynthVocabulary.Textures.Select(t => (Key: "texture:" + t.Key, t.Words)))
            .Concat(SynthVocabulary.Materials.Select(m => (Key: "material:" + m.Key, m.Words)))
            .ToArray();
        foreach (string lang in Languages.All)
        {
            foreach (var a in values)
            {
                foreach (var b in values.Where(v => v.Key != a.Key))
                {
                    foreach (string word in a.Words.For(lang))
                    {
                        Assert.False(
                            b.Words.For(lang).Any(other => other.Contains(word, StringComparison.OrdinalIgnoreCase)),
                            $"\"{word}\" ({a.Key}) occurs inside a word of {b.Key}");
                    }
                }
            }
        }
    }

    [Fact]
    public void MaterialAndTextureTables_ReferToKnownKeys_AndEveryValueIsReachable()
    {
        var textures = SynthVocabulary.Textures.Select(t => t.Key).ToHashSet();
        var materials = SynthVocabulary.Materials.Select(m => m.Key).ToHashSet();
        Assert.All(SynthVocabulary.Materials, m => Assert.Subset(textures, m.Textures.ToHashSet()));
        Assert.All(SynthVocabulary.Categories, c => Assert.Subset(materials, c.Materials.ToHashSet()));
        Assert.Equal(materials, SynthVocabulary.Categories.SelectMany(c => c.Materials).ToHashSet());
        Assert.Equal(textures, SynthVocabulary.Materials.SelectMany(m => m.Textures).ToHashSet());
    }

    [Theory]
    [InlineData("tshirt", "glass")]
    [InlineData("bottle", "knit")]
    [InlineData("sneaker", "ceramic")]
    [InlineData("phone_case", "cotton")]
    public void Planner_NeverDrawsImplausibleMaterials(string category, string material)
    {
        var visuals = Enumerable.Range(0, 5000).Select(i => VisualPlanner.Plan(SeededRandom.For(3, i, SeedStream.Visual))).ToArray();
        Assert.Contains(visuals, v => v.Category == category);
        Assert.DoesNotContain(visuals, v => v.Category == category && v.Material == material);
        Assert.All(visuals, v => v.Validate());
    }

    private static byte[] Mask(CategoryInfo category, ShapeInfo shape)
    {
        var visual = new ProductVisual(category.Key, shape.Key, "blue", "smooth", category.Materials[0]);
        using RenderedProduct rendered = ProductRenderer.Render(visual, ScenePlan.Plain, 64, includeMask: true);
        return rendered.Mask!;
    }

    private static double IntersectionOverUnion(byte[] a, byte[] b)
    {
        int both = 0, either = 0;
        for (int i = 0; i < a.Length; i++)
        {
            bool x = a[i] > 127, y = b[i] > 127;
            both += x && y ? 1 : 0;
            either += x || y ? 1 : 0;
        }

        return (double)both / either;
    }
}
