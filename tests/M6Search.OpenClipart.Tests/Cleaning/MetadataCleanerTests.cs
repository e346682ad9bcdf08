using M6Search.OpenClipart.Cleaning;
using M6Search.OpenClipart.Source;

namespace M6Search.OpenClipart.Tests.Cleaning;

public class MetadataCleanerTests
{
    [Fact]
    public void Clean_TakesTheTitleFromTheFileName_WhenTheTitleNamesACollection()
    {
        ClipartItem item = Clean(Record("computer/icons/flat-theme/action/pen_style_solid", "Part of the Flat Icon Collection (Wed Aug 25 23:29:46 2004)"));

        Assert.Equal("Pen style solid", item.Title);
        Assert.True(item.TitleFromFileName);
    }

    [Fact]
    public void Clean_TakesTheTitleFromTheFileName_WhenTheTitleIsACredit()
    {
        ClipartItem item = Clean(Record("animals/birds/contour_bat", "Clipart by Nicu Buculei - contour_chipmunk", creator: "Nicu Buculei"));

        Assert.Equal("Contour bat", item.Title);
    }

    [Fact]
    public void Clean_KeepsAnAuthorsOwnTitle()
    {
        ClipartItem item = Clean(Record("animals/mammals/dogs/bored_dog_01", "Bored dog"));

        Assert.Equal("Bored dog", item.Title);
        Assert.False(item.TitleFromFileName);
    }

    [Fact]
    public void TitleFromFileName_DropsDigits_AndTheTruncatedAuthorName()
    {
        var creator = new HashSet<string>(["architetto", "francesco", "rollandin"], StringComparer.Ordinal);

        Assert.Equal("Cavallo", MetadataCleaner.TitleFromFileName("cavallo_architetto_franc_01", creator));
    }

    [Fact]
    public void Clean_DropsBookkeepingKeywords_HashAddresses_AndTheAuthorsName()
    {
        ClipartItem item = Clean(Record(
            "animals/birds/acquila_architetto_franc_01",
            "Acquila",
            keywords: ["hash", "", "0x8b754fc", "Architetto Francesco Rollandin", "Bird", "lemon_theme_icon", "Birds of_Prey", "bird"],
            creator: "Architetto Francesco Rollandin"));

        Assert.Equal(["bird", "birds of prey"], item.Keywords);
        Assert.Equal(["animals", "birds"], item.Folders);
    }

    [Fact]
    public void Clean_SplitsAKeywordListTypedIntoOneField()
    {
        ClipartItem item = Clean(Record("geography/earth", "Earth and North Star", keywords: ["science space earth globe north star polaris", "map, globe"]));

        Assert.Equal(["science", "space", "earth", "globe", "north", "star", "polaris", "map"], item.Keywords);
    }

    [Fact]
    public void Clean_RemovesEmailAddressesLinksAndHashAddresses_FromTheDescription()
    {
        ClipartItem item = Clean(Record("people/juggler", "Juggler", description: "A juggler with three balls; write to jane.roe@example.org or see http://example.org/x HASH(0x862bbb8)"));

        Assert.Equal("A juggler with three balls; write to or see", item.Description);
    }

    [Theory]
    [InlineData("email adress")]
    [InlineData("Made with Inkscape")]
    [InlineData("EPS converted from  http://aiga.org")]
    [InlineData("HASH(0x862bbb8)")]
    [InlineData("juggler")]
    public void Clean_DropsADescriptionThatSaysNothingAboutThePicture(string description)
    {
        Assert.Equal("", Clean(Record("people/juggler", "Juggler", description: description)).Description);
    }

    [Fact]
    public void Clean_RefusesAnItemWithoutARendering()
    {
        ClipartItem? item = MetadataCleaner.Clean(Record("people/juggler", "Juggler") with { PngPath = null }, out string? reason);

        Assert.Null(item);
        Assert.Contains("png", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_RefusesAnItemWhoseTitleAndFileNameAreBothJunk()
    {
        ClipartItem? item = MetadataCleaner.Clean(Record("computer/icons/lemon-theme/mimetypes/images", "Lemon SVG theme"), out string? reason);

        Assert.Null(item);
        Assert.Contains("Lemon SVG theme", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SeriesKey_IsShared_ByItemsWithTheSameRawTitleKeywordsAndFolder_Only()
    {
        string[] starKeywords = ["stars", "shapes", "magick", "geometry"];
        ClipartItem one = Clean(Record("shapes/stars/star_05pt02step", "gramastar", keywords: starKeywords));
        ClipartItem two = Clean(Record("shapes/stars/star_07pt03step", "gramastar", keywords: [.. starKeywords.Reverse()]));
        ClipartItem other = Clean(Record("shapes/star", "gramastar", keywords: starKeywords));

        Assert.Equal(one.SeriesKey, two.SeriesKey);
        Assert.NotEqual(one.SeriesKey, other.SeriesKey);
    }

    [Theory]
    [InlineData("animals", "animal")]
    [InlineData("butterflies", "butterfly")]
    [InlineData("big cats", "big cat")]
    [InlineData("glass", "glass")]
    [InlineData("cactus", "cactus")]
    public void Stem_MakesSingularAndPluralOneConcept(string term, string stem)
    {
        Assert.Equal(stem, Terms.Stem(term));
    }

    private static ClipartRecord Record(string path, string title, string[]? keywords = null, string description = "", string creator = "") =>
        new(path, "/pkg/svg/" + path + ".svg", "/pkg/png/" + path + ".png", title, description, keywords ?? [], creator);

    private static ClipartItem Clean(ClipartRecord record) =>
        MetadataCleaner.Clean(record, out string? reason) ?? throw new InvalidOperationException(reason);
}
