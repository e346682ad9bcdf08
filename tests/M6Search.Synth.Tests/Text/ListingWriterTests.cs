using M6Search.Synth.Generation;
using M6Search.Synth.Planning;
using M6Search.Synth.Tests.Support;
using M6Search.Synth.Text;
using M6Search.Synth.Vocabulary;

namespace M6Search.Synth.Tests.Text;

public class ListingWriterTests
{
    public static TheoryData<TraitKind> Kinds => new() { TraitKind.Color, TraitKind.Texture, TraitKind.Material };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Titles_NameEachTraitInAboutThirtyPercent_WhenOmitRateIsTheDefault(TraitKind kind)
    {
        var products = Plans.TwoThousand.Products;
        double share = products.Count(p => Words.NamesTrait(p.Listing.Title, kind, p.Visual.Get(kind), p.Lang)) / (double)products.Count;
        // Binomial(2000, 0.3) has a standard deviation of 0.010; 0.04 is four of them.
        Assert.InRange(share, 0.26, 0.34);
    }

    [Fact]
    public void Titles_ContainTraitWordsExactlyForTheTraitsTheyName_AndNoWordOfAnyOtherValue()
    {
        foreach (ProductPlan p in Plans.TwoThousand.Products)
        {
            foreach (TraitKind kind in Enum.GetValues<TraitKind>())
            {
                string own = p.Visual.Get(kind);
                Assert.Equal(p.Listing.NamedTraits.Contains(kind), Words.NamesTrait(p.Listing.Title, kind, own, p.Lang));
                foreach (string other in SynthVocabulary.Keys(kind).Where(k => k != own))
                {
                    Assert.False(Words.NamesTrait(p.Listing.Title, kind, other, p.Lang), $"{p.Id} \"{p.Listing.Title}\" names {kind} {other} but is {own}");
                }
            }
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void OmitRate_IsHonouredAtItsExtremes(double omitRate)
    {
        var options = new SynthOptions { Products = 300, Seed = 11, OmitRate = omitRate, Queries = 0 };
        foreach (ProductPlan p in CatalogPlanner.Plan(options).Products)
        {
            foreach (TraitKind kind in Enum.GetValues<TraitKind>())
            {
                Assert.Equal(omitRate == 0.0, Words.NamesTrait(p.Listing.Title, kind, p.Visual.Get(kind), p.Lang));
            }
        }
    }

    [Fact]
    public void Titles_AlwaysNameTheCategory()
    {
        Assert.All(Plans.TwoThousand.Products, p =>
            Assert.True(Words.ContainsAny(p.Listing.Title, SynthVocabulary.Category(p.Visual.Category).Nouns.For(p.Lang)), p.Listing.Title));
    }

    [Fact]
    public void Titles_SometimesUseSynonyms_InBothLanguages()
    {
        foreach (string lang in Languages.All)
        {
            int synonyms = Plans.TwoThousand.Products
                .Where(p => p.Lang == lang && p.Listing.NamedTraits.Contains(TraitKind.Texture))
                .Count(p => !p.Listing.Title.Contains(SynthVocabulary.Texture(p.Visual.Texture).Words.Canonical(lang), StringComparison.OrdinalIgnoreCase));
            Assert.True(synonyms > 20, $"{lang}: {synonyms} titles use a texture synonym");
        }
    }

    [Fact]
    public void ChineseTitlesContainChinese_EnglishTitlesDoNot_AndLanguagesAreAboutHalfEach()
    {
        var products = Plans.TwoThousand.Products;
        Assert.All(products.Where(p => p.Lang == Languages.Chinese), p => Assert.True(Words.HasCjk(p.Listing.Title), p.Listing.Title));
        Assert.All(products.Where(p => p.Lang == Languages.English), p => Assert.False(Words.HasCjk(p.Listing.Title), p.Listing.Title));
        Assert.InRange(products.Count(p => p.Lang == Languages.English) / (double)products.Count, 0.45, 0.55);
    }

    [Fact]
    public void Listings_HavePlausiblePricesCurrenciesAndMerchants()
    {
        foreach (ProductPlan p in Plans.TwoThousand.Products)
        {
            CategoryInfo category = SynthVocabulary.Category(p.Visual.Category);
            double factor = SynthVocabulary.Material(p.Visual.Material).PriceFactor;
            if (p.Lang == Languages.English)
            {
                Assert.Equal("USD", p.Listing.Currency);
                Assert.InRange(p.Listing.Price, category.MinPriceUsd * factor - 1, category.MaxPriceUsd * factor + 1);
            }
            else
            {
                Assert.Equal("CNY", p.Listing.Currency);
                Assert.InRange(p.Listing.Price, category.MinPriceUsd * factor * 4, category.MaxPriceUsd * factor * 7);
            }

            Assert.Contains(p.Listing.Merchant, ListingWords.Merchants);
        }

        Assert.Equal(20, Plans.TwoThousand.Products.Select(p => p.Listing.Merchant).Distinct().Count());
    }
}
