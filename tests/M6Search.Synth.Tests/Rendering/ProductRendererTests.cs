using M6Search.Synth.Planning;
using M6Search.Synth.Rendering;
using M6Search.Synth.Tests.Support;
using M6Search.Synth.Vocabulary;
using SkiaSharp;

namespace M6Search.Synth.Tests.Rendering;

public class ProductRendererTests
{
    public static TheoryData<string> ColorKeys => new(SynthVocabulary.Colors.Select(c => c.Key));

    [Theory]
    [MemberData(nameof(ColorKeys))]
    public void BodyPixels_AreMostlyTheAttributeColour_OnOpaqueMaterials(string color)
    {
        ProductVisual[] visuals =
        [
            new("cup", "mug", color, "smooth", "ceramic"),
            new("tshirt", "crew_tee", color, "smooth", "cotton"),
            new("phone_case", "slim_case", color, "smooth", "plastic"),
            new("handbag", "tote_bag", color, "smooth", "leather"),
            new("chair", "side_chair", color, "smooth", "wood"),
            new("hat", "beanie", color, "ribbed", "knit"),
        ];
        foreach (ProductVisual visual in visuals)
        {
            using RenderedProduct rendered = ProductRenderer.Render(visual, ScenePlan.Plain, 128, includeMask: true);
            Assert.Equal(color, Pixels.DominantColorKey(rendered));
        }
    }

    [Fact]
    public void Trace_ReportsExactlyThePlannedAttributes_ForEveryPlannedProduct()
    {
        foreach (ProductPlan product in Plans.TwoThousand.Products.Take(240))
        {
            using RenderedProduct rendered = ProductRenderer.Render(product.Visual, product.Scene, 64);
            var attributes = product.ToProduct().Attributes!;
            Assert.Equal((string?)attributes[AttributeKeys.Category], rendered.Trace.Category);
            Assert.Equal((string?)attributes[AttributeKeys.Shape], rendered.Trace.Shape);
            Assert.Equal((string?)attributes[AttributeKeys.Color], rendered.Trace.Color);
            Assert.Equal((string?)attributes[AttributeKeys.Texture], rendered.Trace.Texture);
            Assert.Equal((string?)attributes[AttributeKeys.Material], rendered.Trace.Material);
        }
    }

    [Fact]
    public void Stripes_RunAcross_AndRibs_RunDown()
    {
        // The lower middle of the case, away from the plastic's highlight and the camera.
        var window = new SKRectI(48, 70, 80, 108);
        using var striped = Render(new ProductVisual("phone_case", "slim_case", "blue", "striped", "plastic"));
        using var ribbed = Render(new ProductVisual("phone_case", "slim_case", "blue", "ribbed", "plastic"));
        var s = Pixels.RowAndColumnVariance(striped, window);
        var r = Pixels.RowAndColumnVariance(ribbed, window);
        Assert.True(s.Rows > 5 * s.Columns, $"striped rows {s.Rows:F1} columns {s.Columns:F1}");
        Assert.True(r.Columns > 5 * r.Rows, $"ribbed rows {r.Rows:F1} columns {r.Columns:F1}");
    }

    [Theory]
    [InlineData("bumpy")]
    [InlineData("ribbed")]
    [InlineData("striped")]
    [InlineData("polka_dot")]
    [InlineData("plaid")]
    [InlineData("floral")]
    [InlineData("marbled")]
    public void Patterns_VaryTheSurfaceMoreThanASmoothFinish(string texture)
    {
        using var smooth = Render(new ProductVisual("phone_case", "slim_case", "green", "smooth", "plastic"));
        using var patterned = Render(new ProductVisual("phone_case", "slim_case", "green", texture, "plastic"));
        double smoothVariance = Pixels.Variance(Pixels.Body(smooth).Select(p => (double)Pixels.Luma(p.Color)).ToArray());
        double patternVariance = Pixels.Variance(Pixels.Body(patterned).Select(p => (double)Pixels.Luma(p.Color)).ToArray());
        Assert.True(patternVariance > 2 * smoothVariance, $"{texture}: {patternVariance:F0} vs smooth {smoothVariance:F0}");
    }

    [Theory]
    [InlineData("glass", true)]
    [InlineData("ceramic", false)]
    [InlineData("metal", false)]
    public void OnlyGlass_LetsTheBackgroundShowThrough(string material, bool translucent)
    {
        var visual = new ProductVisual("vase", "cylinder_vase", "blue", "smooth", material);
        using var onBlack = ProductRenderer.Render(visual, ScenePlan.Plain with { BackgroundFrom = SKColors.Black, BackgroundTo = SKColors.Black }, 128, includeMask: true);
        using var onWhite = ProductRenderer.Render(visual, ScenePlan.Plain with { BackgroundFrom = SKColors.White, BackgroundTo = SKColors.White }, 128, includeMask: true);
        double difference = Pixels.Body(onWhite).Average(p => (double)Pixels.Luma(p.Color)) - Pixels.Body(onBlack).Average(p => (double)Pixels.Luma(p.Color));
        Assert.Equal(translucent, difference > 40);
    }

    [Fact]
    public void Metal_ShowsBandedSheenAcrossTheBody_WhilePlasticDoesNot()
    {
        var window = new SKRectI(52, 40, 76, 96);
        using var metal = Render(new ProductVisual("vase", "cylinder_vase", "red", "smooth", "metal"));
        using var plastic = Render(new ProductVisual("vase", "cylinder_vase", "red", "smooth", "plastic"));
        Assert.True(Pixels.RowAndColumnVariance(metal, window).Columns > 5 * Pixels.RowAndColumnVariance(plastic, window).Columns);
    }

    [Fact]
    public void PlannedProducts_FillMuchOfTheFrame_AndStayInsideIt()
    {
        foreach (ProductPlan product in Plans.TwoThousand.Products.Take(150))
        {
            using RenderedProduct rendered = ProductRenderer.Render(product.Visual, product.Scene, 64, includeMask: true);
            byte[] mask = rendered.Mask!;
            int minX = 64, maxX = -1, minY = 64, maxY = -1;
            for (int i = 0; i < mask.Length; i++)
            {
                if (mask[i] > 127)
                {
                    minX = Math.Min(minX, i % 64);
                    maxX = Math.Max(maxX, i % 64);
                    minY = Math.Min(minY, i / 64);
                    maxY = Math.Max(maxY, i / 64);
                }
            }

            int longSide = Math.Max(maxX - minX + 1, maxY - minY + 1);
            Assert.InRange(longSide, 0.55 * 64, 64);
            Assert.True(minX > 0 && minY > 0 && maxX < 63 && maxY < 63, $"{product.Id} touches the frame edge");
        }
    }

    [Theory]
    [InlineData(128)]
    [InlineData(160)]
    [InlineData(224)]
    public void Placement_KeepsAProductThatFillsTheRoom_InsideTheFrame_AtAnySide(int size)
    {
        // Shapes large enough to be limited by the 96 % room: at 224 px float rounding once put the lowest allowed
        // centre a hair above the highest (112.00001 against 112) and Math.Clamp threw for some of them.
        for (float height = 20; height < 60; height += 0.37f)
        {
            foreach (float rotation in new[] { 0f, 7f, 12f, 30f, 45f })
            {
                var bounds = new SKRect(0, 0, 10, height);
                var scene = ScenePlan.Plain with { Extent = 1f, CenterX = 0.9f, CenterY = 0.1f, RotationDegrees = rotation };

                SKRect placed = ProductRenderer.Placement(bounds, scene, size).MapRect(bounds);

                Assert.True(placed.Left >= -0.01f && placed.Top >= -0.01f && placed.Right <= size + 0.01f && placed.Bottom <= size + 0.01f,
                    $"height {height}, rotation {rotation}: placed at {placed}");
            }
        }
    }

    [Fact]
    public void Render_IsTheSameEveryTime_AndDependsOnTheScene()
    {
        ProductPlan product = Plans.TwoThousand.Products[3];
        using var a = ProductRenderer.Render(product.Visual, product.Scene, 96);
        using var b = ProductRenderer.Render(product.Visual, product.Scene, 96);
        using var c = ProductRenderer.Render(product.Visual, product.Scene with { DetailSeed = product.Scene.DetailSeed + 1, RotationDegrees = 3 }, 96);
        Assert.Equal(a.EncodeJpeg(90), b.EncodeJpeg(90));
        Assert.NotEqual(a.EncodeJpeg(90), c.EncodeJpeg(90));
    }

    [Fact]
    public void Render_RejectsAnUnknownTexture_InsteadOfDrawingSomethingElse()
    {
        var visual = new ProductVisual("cup", "mug", "red", "sparkly", "ceramic");
        Assert.Throws<ArgumentOutOfRangeException>(() => ProductRenderer.Render(visual, ScenePlan.Plain, 64));
    }

    private static RenderedProduct Render(ProductVisual visual) => ProductRenderer.Render(visual, ScenePlan.Plain, 128, includeMask: true);
}
